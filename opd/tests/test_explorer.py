"""The page explorer (opd/explorer.py) as an OPD's Editor and the Web Developer use it: what it
shows, what it leaves to the page editor, and what it keeps per worker."""

import re

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import login
from tests.content import publish
from tests.test_sop_workflow import add_news_index

HOST = "dinkes.ketapangkab.localhost"


def filter_names(html):
    return set(re.findall(r'name="(site|locale|owner|edited_by|content_type)"', html))


class ExplorerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.dindik = make_opd("dindik", "Dinas Pendidikan")
        cls.editor = member(cls.dinkes, Role.EDITOR)
        cls.index = add_news_index(cls.dinkes)
        for number in range(3):
            publish(
                cls.index,
                NewsPage(
                    title=f"Vaksinasi tahap {number}", slug=f"vaksinasi-{number}", lead="Vaksinasi anak."
                ),
            )
        Locale.objects.get_or_create(language_code="en")

    def test_the_editor_explores_their_news_with_no_site_filter(self):
        client = login(self.editor, host=HOST)
        response = client.get(f"/admin/pages/{self.index.pk}/")
        self.assertContains(response, "Vaksinasi tahap 2")
        html = response.content.decode()
        # One site only: its "Situs" filter would filter nothing. The others stay.
        self.assertEqual(filter_names(html), {"locale", "owner", "edited_by", "content_type"})

    def test_the_web_developer_keeps_the_site_filter(self):
        developer = member(self.dinkes, Role.EDITOR, username="pengembang")
        developer.is_superuser = True
        developer.save()
        html = login(developer, host=HOST).get(f"/admin/pages/{self.index.pk}/").content.decode()
        self.assertIn("site", filter_names(html))

    def test_translating_is_offered_in_the_editor_not_in_the_explorer_header(self):
        client = login(member(self.dinkes, Role.WEBADMIN), host=HOST)
        translate_url = f"/admin/localize/submit/page/{self.index.pk}/"
        explorer = client.get(f"/admin/pages/{self.index.pk}/").content.decode()
        header = explorer.split("<header", 1)[1].split("</header>", 1)[0]
        self.assertNotIn(translate_url, header)
        self.assertContains(client.get(f"/admin/pages/{self.index.pk}/edit/"), translate_url)

    def test_a_deleted_page_is_404_although_its_type_was_kept(self):
        client = login(member(self.dinkes, Role.WEBADMIN), host=HOST)
        article = NewsPage.objects.get(slug="vaksinasi-0")
        self.assertEqual(client.get(f"/admin/pages/{article.pk}/").status_code, 200)
        article.delete()
        self.assertEqual(client.get(f"/admin/pages/{article.pk}/").status_code, 404)

    def test_a_new_opds_home_pages_are_its_own_at_once(self):
        client = login(self.editor, host=HOST)
        home = self.dinkes.site.root_page
        self.assertEqual(client.get(f"/admin/pages/{home.pk}/").status_code, 200)  # home pages kept now
        dinsos = make_opd("dinsos", "Dinas Sosial")  # its home pages (id, en) come after
        english = dinsos.site.root_page.get_translation(Locale.objects.get(language_code="en"))
        client = login(member(dinsos, Role.EDITOR), host="dinsos.ketapangkab.localhost")
        for page in (dinsos.site.root_page, english):
            self.assertEqual(client.get(f"/admin/pages/{page.pk}/").status_code, 200)
        # and another OPD's stays closed
        self.assertEqual(client.get(f"/admin/pages/{home.pk}/").status_code, 403)

    def test_the_explorer_reads_the_explored_page_once(self):
        client = login(self.editor, host=HOST)
        client.get(f"/admin/pages/{self.index.pk}/")
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/admin/pages/{self.index.pk}/")
        by_id = re.compile(
            rf'WHERE "(wagtailcore_page"\."id|news_newsindexpage"\."page_ptr_id)" = {self.index.pk} LIMIT'
        )
        reads = [q["sql"] for q in queries if by_id.search(q["sql"])]
        self.assertEqual(len(reads), 1, reads)
