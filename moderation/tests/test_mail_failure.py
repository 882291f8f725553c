"""A mail server that is down never costs an SOP step, and its mail is delivered later.

Production: notifications are queued as tasks (outbox/) in the same database; the worker's
delivery fails, the failure stays in the task table, and the next attempt is queued with a
delay. Development and tests send directly: Wagtail logs the refused connection and the
approval still commits and publishes.
"""

from datetime import timedelta

from django.core import mail
from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.models import TaskState

from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from portal.outbox.tasks import RETRY_DELAYS
from tests.admin import create_page, login, workflow_action
from tests.test_sop_workflow import add_news_index

HOST = "dinkes.ketapangkab.localhost"
QUEUED_AND_FAILING = {
    "EMAIL_BACKEND": "portal.outbox.backends.TaskEmailBackend",
    "PORTAL_EMAIL_DELIVERY_BACKEND": "tests.mail.FailingEmailBackend",
    "TASKS": {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
}


def run_worker():
    """What `manage.py db_worker` does with each task that is due, inside the test's transaction."""
    worker = Worker(
        queue_names=["*"], interval=0, batch=True, backend_name="default",
        startup_delay=False, max_tasks=None, worker_id="uji",
    )  # fmt: skip
    for result in list(DBTaskResult.objects.ready()):
        result.claim("uji")
        worker.run_task(result)


def mail_tasks(status=None):
    results = DBTaskResult.objects.filter(task_path="portal.outbox.tasks.deliver_email")
    return results.filter(status=status) if status else results


class MailServerDownTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.index = add_news_index(cls.dinkes)

    def client_for(self, role):
        return login(self.people[role], host=HOST)

    def submit(self):
        create_page(
            self.client_for(Role.PENULIS),
            self.index,
            NewsPage,
            {"title": "Rilis", "slug": "rilis", "lead": "x"},
        )
        return NewsPage.objects.get(slug="rilis")

    @override_settings(**QUEUED_AND_FAILING)
    def test_approval_commits_and_the_worker_retries_the_refused_mail(self):
        page = self.submit()
        response = workflow_action(self.client_for(Role.EDITOR), page, "approve")
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.current_workflow_task.name.startswith("Koreksi ulang"))
        self.assertTrue(TaskState.objects.filter(status=TaskState.STATUS_APPROVED).exists())
        queued = mail_tasks("READY").count()
        self.assertGreater(queued, 0)  # the Redaktur's notification waits in the queue

        # The worker meets a dead mail server: each attempt fails, keeps its error, and a
        # later attempt is queued.
        run_worker()
        failed = mail_tasks("FAILED")
        self.assertEqual(failed.count(), queued)
        self.assertIn("ConnectionRefusedError", failed.first().traceback)
        retries = mail_tasks("READY")
        self.assertEqual(retries.count(), queued)
        self.assertTrue(all(retry.run_after > timezone.now() for retry in retries))
        self.assertEqual({retry.args_kwargs["args"][1] for retry in retries}, {1})
        self.assertEqual(mail.outbox, [])

        # The mail server is back and the delay has passed: the retry delivers.
        retries.update(run_after=timezone.now() - timedelta(seconds=1))
        with override_settings(PORTAL_EMAIL_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            run_worker()
        self.assertEqual(mail_tasks("SUCCESSFUL").count(), queued)
        self.assertIn(
            self.people[Role.REDAKTUR].email, [address for message in mail.outbox for address in message.to]
        )

    @override_settings(**QUEUED_AND_FAILING)
    def test_retries_stop_after_the_last_delay(self):
        from portal.outbox.tasks import deliver_email

        message = {"subject": "s", "body": "b", "from_email": None, "to": ["x@ketapangkab.go.id"]}
        message.update({"cc": [], "bcc": [], "reply_to": [], "headers": {}, "alternatives": []})
        deliver_email.enqueue({**message, "content_subtype": "plain"}, len(RETRY_DELAYS))
        run_worker()
        self.assertEqual(mail_tasks("FAILED").count(), 1)
        self.assertFalse(mail_tasks("READY").exists())

    @override_settings(EMAIL_BACKEND="tests.mail.FailingEmailBackend")
    def test_direct_mail_failure_does_not_roll_back_the_publication(self):
        page = self.submit()
        for role in (Role.EDITOR, Role.REDAKTUR, Role.WEBADMIN):
            with self.subTest(role=role):
                self.assertEqual(workflow_action(self.client_for(role), page, "approve").status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertIsNone(page.current_workflow_state)
        self.assertEqual(TaskState.objects.filter(status=TaskState.STATUS_APPROVED).count(), 3)
