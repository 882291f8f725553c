"""The freshness report: last news per OPD, pages left unreviewed, broken internal links."""

import io
import json
from datetime import timedelta

from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import UserFactory, make_opd, member
from tests.admin import login
from tests.test_sop_workflow import add_news_index


def publish_news(index, title, when, body="[]"):
    page = NewsPage(title=title, lead="x", body=body)
    index.add_child(instance=page)
    page.save_revision().publish(skip_permission_checks=True)
    NewsPage.objects.filter(pk=page.pk).update(last_published_at=when)
    return page


class FreshnessTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.developer = UserFactory(username="developer", is_superuser=True)
        now = timezone.now()
        index = add_news_index(cls.dinkes)
        publish_news(index, "Berita baru", now - timedelta(days=10))
        publish_news(index, "Berita lama", now - timedelta(days=400))
        draft = NewsPage(title="Belum terbit", lead="x", live=False)
        index.add_child(instance=draft)
        link = f'<p><a linktype="page" id="{draft.pk}">lihat</a></p>'
        body = json.dumps([{"type": "paragraph", "value": link, "id": "a"}])
        publish_news(index, "Berita bertaut", now - timedelta(days=20), body=body)
        call_command("check_integrity", stdout=io.StringIO())

    def rows(self, user):
        response = login(user).get("/admin/laporan/kesegaran/")
        self.assertEqual(response.status_code, 200)
        return response.context["rows"]

    def test_figures_per_opd(self):
        rows = {row.slug: row for row in self.rows(self.developer)}
        self.assertEqual(rows["dinkes"].days_since_news, 10)
        self.assertEqual(rows["dinkes"].stale_pages, 1)
        self.assertEqual(rows["dinkes"].broken_links, 1)
        self.assertIsNone(rows["ketapangkab"].days_since_news)

    def test_opd_people_see_their_own_row_and_diskominfo_sees_all(self):
        self.assertEqual([row.slug for row in self.rows(member(self.dinkes, Role.WEBADMIN))], ["dinkes"])
        self.assertEqual(len(self.rows(member(self.portal, Role.REDAKTUR))), 2)

    def test_query_count_does_not_grow_with_opds(self):
        client = login(self.developer)
        client.get("/admin/laporan/kesegaran/")
        with CaptureQueriesContext(connection) as few:
            client.get("/admin/laporan/kesegaran/")
        for slug in ("dinsos", "disdik", "dishub"):
            add_news_index(make_opd(slug))
        with CaptureQueriesContext(connection) as more:
            response = client.get("/admin/laporan/kesegaran/")
        self.assertEqual(len(response.context["rows"]), 5)
        self.assertEqual(len(more), len(few))
