"""Workflow e-mail is queued as a task and delivered by the worker with the real backend."""

from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import TestCase, override_settings
from django_tasks_db.models import DBTaskResult

QUEUED = {
    "EMAIL_BACKEND": "portal.outbox.backends.TaskEmailBackend",
    "PORTAL_EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


@override_settings(**QUEUED)
class TaskEmailBackendTests(TestCase):
    def message(self):
        message = EmailMultiAlternatives(
            "Menunggu tinjauan Anda", "Berita baru diajukan.", "noreply@ketapangkab.go.id",
            ["editor.dinkes@ketapangkab.go.id"], headers={"Auto-Submitted": "auto-generated"},
        )  # fmt: skip
        message.attach_alternative("<p>Berita baru diajukan.</p>", "text/html")
        return message

    @override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
    def test_sending_only_queues_the_message(self):
        self.assertEqual(self.message().send(), 1)
        self.assertEqual(mail.outbox, [])
        queued = DBTaskResult.objects.get(task_path="portal.outbox.tasks.deliver_email")
        self.assertEqual(queued.args_kwargs["args"][0]["to"], ["editor.dinkes@ketapangkab.go.id"])

    def test_the_task_delivers_the_same_message(self):
        self.message().send()  # immediate backend in tests: the task runs at once
        [sent] = mail.outbox
        self.assertEqual(sent.subject, "Menunggu tinjauan Anda")
        self.assertEqual(sent.to, ["editor.dinkes@ketapangkab.go.id"])
        self.assertEqual(sent.alternatives[0][1], "text/html")
        self.assertEqual(sent.extra_headers["Auto-Submitted"], "auto-generated")

    def test_message_with_attachment_is_delivered_directly(self):
        message = self.message()
        message.attach("laporan.csv", "a,b\n", "text/csv")
        message.send()
        [sent] = mail.outbox
        self.assertEqual(sent.attachments[0][0], "laporan.csv")
