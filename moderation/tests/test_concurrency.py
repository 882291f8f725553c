"""Two moderators on the same step at the same moment: one outcome, one publication."""

import threading
import unittest

from django.db import connection, connections
from django.test import TransactionTestCase
from wagtail.models import PageLogEntry, TaskState

from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import create_page, login, workflow_action
from tests.test_sop_workflow import add_news_index
from tests.transactional import KeepsMigratedData


def simultaneously(*calls):
    """Run the calls in threads released together; return their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@unittest.skipUnless(connection.vendor == "postgresql", "row locks and real concurrency need PostgreSQL")
class ConcurrentModerationTests(KeepsMigratedData, TransactionTestCase):
    # KeepsMigratedData: the root page, locales and permissions come back after the flush.

    def setUp(self):
        self.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        self.people = {role: member(self.dinkes, role) for role in Role}
        self.second = {
            role: member(self.dinkes, role, username=f"{role.value}2.dinkes")
            for role in (Role.EDITOR, Role.WEBADMIN)
        }
        index = add_news_index(self.dinkes)
        create_page(
            login(self.people[Role.PENULIS]),
            index,
            NewsPage,
            {"title": "Balapan", "slug": "balapan", "lead": "x"},
        )
        self.page = NewsPage.objects.get(slug="balapan")

    def test_approve_against_request_changes_leaves_exactly_one_outcome(self):
        first, second = login(self.people[Role.EDITOR]), login(self.second[Role.EDITOR])
        task_state = self.page.current_workflow_task_state
        responses = simultaneously(
            lambda: workflow_action(first, self.page, "approve"),
            lambda: workflow_action(second, self.page, "reject", comment="Perbaiki."),
        )
        task_state.refresh_from_db()
        self.assertIn(task_state.status, ("approved", "rejected"))
        self.assertEqual(
            TaskState.objects.filter(workflow_state=task_state.workflow_state).count(),
            2 if task_state.status == "approved" else 1,
        )
        locations = sorted(response["Location"] for response in responses)
        self.assertEqual(sum("/moderasi/langkah/" in location for location in locations), 1)
        # The loser is told what happened.
        loser = first if "/moderasi/langkah/" in responses[0]["Location"] else second
        followed = loser.get(next(loc for loc in locations if "/moderasi/langkah/" in loc), follow=True)
        self.assertContains(followed, "sudah diputuskan oleh")

    def test_double_final_approval_publishes_once(self):
        for role in (Role.EDITOR, Role.REDAKTUR):
            workflow_action(login(self.people[role]), self.page, "approve")
        simultaneously(
            lambda: workflow_action(login(self.people[Role.WEBADMIN]), self.page, "approve"),
            lambda: workflow_action(login(self.second[Role.WEBADMIN]), self.page, "approve"),
        )
        self.page.refresh_from_db()
        self.assertTrue(self.page.live)
        self.assertEqual(PageLogEntry.objects.filter(page=self.page, action="wagtail.publish").count(), 1)
        self.assertEqual(
            TaskState.objects.filter(workflow_state__object_id=str(self.page.pk), status="approved").count(),
            3,
        )
