"""No OPD sees another OPD's content anywhere in the admin.

A crawl follows every admin link reachable from the dashboard as each role of one OPD,
plus the choosers and searches, and fails on any title belonging to another OPD.
"""

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

from django.core.files.base import ContentFile
from django.test import TestCase
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from moderation.newsroom.tests.factories import make_assignment
from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import create_page, jpeg_bytes, login, workflow_action
from tests.test_sop_workflow import add_news_index

SECRET = "RAHASIADINKES"
HREF = re.compile(r'(?:href|data-url|data-w-action-url-value|data-chooser-url)="([^"#]+)"')
# Links that change state on GET or leave the admin are not followed.
SKIP = re.compile(
    r"/logout/|/delete/|/unpublish/|/unlock/|/lock/|/copy/|/move/|/convert_alias/|/revert/|/usage/\?"
)
# Searches use the marker in lower case, so a search box echoing the query is no leak.
QUERY = SECRET.lower()
EXTRA_URLS = [
    "/admin/choose-page/",
    f"/admin/choose-page/search/?q={QUERY}",
    "/admin/images/chooser/",
    f"/admin/images/chooser/results/?q={QUERY}",
    "/admin/documents/chooser/",
    f"/admin/documents/chooser/results/?q={QUERY}",
    f"/admin/pages/search/?q={QUERY}",
    f"/admin/images/?q={QUERY}",
    f"/admin/documents/?q={QUERY}",
    "/admin/reports/site-history/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/aging-pages/",
    "/admin/reports/locked/",
    "/admin/serta-merta/",
    "/admin/reports/page-types-usage/",
    "/admin/liputan/",
    "/admin/liputan/kalender/",
    "/admin/liputan/kalender/?tampilan=bulan",
    "/admin/ppid/permohonan/",
    "/admin/laporan/layanan-ppid/",
    "/admin/laporan/dip/",
]


class AdminIsolationCrawlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        dinkes_people = {role: member(cls.dinkes, role) for role in Role}
        cls.outsiders = {role: member(cls.diskominfo, role) for role in Role}
        index = add_news_index(cls.dinkes)
        add_news_index(cls.diskominfo)

        # Dinas Kesehatan's content in every state: live, in review, locked, with media.
        penulis = login(dinkes_people[Role.PENULIS], host="dinkes.ketapangkab.localhost")
        penulis.post(
            "/admin/images/add/",
            {
                "title": f"{SECRET} foto",
                "file": jpeg_bytes(),
                "description": "foto",
                "collection": cls.dinkes.collection.pk,
            },
        )
        get_document_model().objects.create(
            title=f"{SECRET} dokumen",
            file=ContentFile(b"isi", name="laporan.txt"),
            collection=cls.dinkes.collection,
        )
        for slug in ("terbit", "ditinjau"):
            create_page(penulis, index, NewsPage, {"title": f"{SECRET} {slug}", "slug": slug, "lead": SECRET})
        live = NewsPage.objects.get(slug="terbit")
        for role in (Role.EDITOR, Role.REDAKTUR, Role.WEBADMIN):
            workflow_action(login(dinkes_people[role]), live, "approve")
        assert get_image_model().objects.filter(title__startswith=SECRET).exists()
        # A coverage assignment this week, on Dinas Kesehatan's calendar.
        make_assignment(
            cls.dinkes,
            [dinkes_people[Role.PENULIS]],
            title=f"{SECRET} liputan",
            starts_at=timezone.now(),
            planned_publication=timezone.localdate(),
        )

        # A permohonan informasi (identity data) and a DIP entry of Dinas Kesehatan (ppid/).
        from ppid.models import InformationPage
        from ppid.tests.factories import make_request, ppid_page
        from tests.content import publish

        make_request(cls.dinkes, name=f"{SECRET} pemohon", information=SECRET)
        publish(
            ppid_page(cls.dinkes),
            InformationPage(title=f"{SECRET} DIP", slug="dip-rahasia", information_class="berkala"),
        )

    def crawl(self, client, limit=250):
        """Breadth-first over admin links; each path at most twice (sort/filter variants add nothing)."""
        seen, queue, leaks = set(), deque(["/admin/", *EXTRA_URLS]), []
        visits_per_path = {}
        while queue and len(seen) < limit:
            url = queue.popleft()
            path = url.split("?")[0]
            if url in seen or (visits_per_path.get(path, 0) >= 2 and url not in EXTRA_URLS):
                continue
            seen.add(url)
            visits_per_path[path] = visits_per_path.get(path, 0) + 1
            response = client.get(url)
            if (
                response.status_code != 200
                or "html" not in response.get("Content-Type", "")
                and "json" not in response.get("Content-Type", "")
            ):
                continue
            body = response.content.decode(errors="replace")
            if SECRET in body:
                leaks.append(url)
            for link in HREF.findall(body):
                target = urljoin(url, link.replace("&amp;", "&"))
                parts = urlsplit(target)
                if parts.netloc or not parts.path.startswith("/admin/") or SKIP.search(target):
                    continue
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        return seen, leaks

    def test_no_role_of_another_opd_sees_any_dinkes_title(self):
        for role, user in self.outsiders.items():
            with self.subTest(role=role):
                seen, leaks = self.crawl(login(user, host="diskominfo.ketapangkab.localhost"))
                self.assertGreater(len(seen), 15)
                self.assertEqual(leaks, [])

    def test_the_crawl_does_find_dinkes_titles_for_dinkes_people(self):
        # Proves the crawl can see a leak: Dinas Kesehatan's own Editor does see its content.
        editor = login(
            member(self.dinkes, Role.EDITOR, username="editor2.dinkes"), host="dinkes.ketapangkab.localhost"
        )
        _seen, found = self.crawl(editor, limit=60)
        self.assertTrue(found)
