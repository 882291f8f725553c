"""Every public page costs at most ten SQL queries on a warm request, and the same number after
the portal grows (more OPDs, more articles, more history); no public GET writes to the database;
the admin pages an Editor, a Redaktur and the Web Developer use most cost a fixed number.

The data comes from ``seed_bench`` (benchdata/) at a small size, then grows through the same
code. Timings are never asserted here: ``make bench`` measures them (docs/performance.md).
"""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model

from demo.benchdata.management.commands.seed_bench import RARE_WORD, Command
from news.models import NewsIndexPage
from portal.core.site_settings import forget
from tests.ppid_bench import PPID_PAGES, add_ppid_content

DOMAIN = "ketapangkab.localhost"
OPD = f"opd01.{DOMAIN}"
PUBLIC_BUDGET = 10
# The target: under 30 for the Editor's dashboard, the mutu baku report and the page
# explorer (opd/explorer.py). docs/performance.md lists the measured counts.
ADMIN_BUDGET = 30

PUBLIC_PAGES = [
    (DOMAIN, "/"),
    (DOMAIN, "/berita-opd/"),
    (DOMAIN, "/cari/?q=pelayanan"),
    (OPD, "/"),
    (OPD, "/en/"),
    (OPD, "/berita/"),
    (OPD, "/berita/?halaman=2"),
    (OPD, "/berita/berita-3/"),
    (OPD, "/berita/?kategori=kesehatan"),
    (OPD, "/berita/?tag=pelayanan"),
    (OPD, "/berita/rss/"),
    (OPD, "/berita/kategori/kesehatan/atom/"),
    (OPD, "/pengumuman/"),
    (OPD, "/pengumuman/pengumuman-2/"),
    (OPD, "/agenda/"),
    (OPD, "/agenda/agenda-20/"),
    (OPD, "/dokumen/?jenis=perda&tahun=2015"),
    (OPD, "/dokumen/dokumen-3/"),
    (OPD, "/profil/"),
    (OPD, "/profil/visi-misi/"),
    (OPD, "/cari/?q=pelayanan"),
    (OPD, f"/cari/?q={RARE_WORD}"),
    (OPD, "/sitemap.xml"),
    (OPD, "/robots.txt"),
    *PPID_PAGES,
]


def seed(sites=2, articles=60, waiting=20):
    command = Command(stdout=StringIO(), stderr=StringIO())
    call_command(
        command, sites=sites, articles=articles, waiting=waiting, domain=DOMAIN, no_progress=True, verbosity=0
    )
    return command


class Shared:
    """Kept as is by setUpTestData (which deep-copies its attributes for each test)."""

    def __init__(self, value):
        self.value = value

    def __deepcopy__(self, memo):
        return self


class QueryBudgetTests(TestCase):
    maxDiff = None

    @classmethod
    def setUpTestData(cls):
        cls.seeder = Shared(seed())
        add_ppid_content(cls.seeder.value)

    def grow(self):
        """Five times the articles, one more OPD with its own, more SOP history and waiting pages."""
        seeder = self.seeder.value
        opd01 = seeder.opds[1]
        seeder.news(opd01, 240, start=1000)
        newcomer = seeder.site("opd99", "Dinas Benchmark 99", f"opd99.{DOMAIN}", 80)
        seeder.news(newcomer, 60)
        seeder.other_content(newcomer)
        seeder.waiting(opd01, 60, start=1000)
        add_ppid_content(seeder, [*seeder.opds[:2], newcomer], start=100)
        seeder.index()
        forget()  # as a publication through Wagtail would (the bulk inserts send no signals)

    def warm_count(self, host, path, client=None):
        client = client or self.client
        first = client.get(path, headers={"host": host})
        self.assertEqual(first.status_code, 200, f"{host}{path}")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, headers={"host": host})
        self.assertEqual(response.status_code, 200, f"{host}{path}")
        return queries, response

    def measure_public(self):
        counts = {}
        for host, path in PUBLIC_PAGES:
            queries, _response = self.warm_count(host, path)
            writes = [
                q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
            ]
            self.assertEqual(writes, [], f"a public GET of {host}{path} wrote to the database")
            counts[f"{host}{path}"] = len(queries)
        return counts

    def test_public_pages_stay_within_ten_queries_whatever_the_amount_of_content(self):
        before = self.measure_public()
        over = {url: count for url, count in before.items() if count > PUBLIC_BUDGET}
        self.assertEqual(over, {}, f"more than {PUBLIC_BUDGET} queries")
        self.grow()
        _queries, response = self.warm_count(DOMAIN, "/berita-opd/")
        self.assertContains(response, "Dinas Benchmark 99")  # the growth is really listed
        _queries, response = self.warm_count(OPD, "/berita/?halaman=20")
        self.assertContains(response, "Halaman 20 dari")  # and paginated: page 20 exists now
        after = self.measure_public()
        self.assertEqual({url: n for url, n in after.items() if n > PUBLIC_BUDGET}, {})
        # Search loads each result page's pages as their own types, one query per type on that
        # page: which types rank first may change as content grows, never the bound above.
        self.assertEqual(
            {url: n for url, n in after.items() if "/cari/" not in url},
            {url: n for url, n in before.items() if "/cari/" not in url},
        )

    def test_the_rare_word_finds_its_one_article(self):
        _queries, response = self.warm_count(OPD, f"/cari/?q={RARE_WORD}")
        self.assertContains(response, "/berita/berita-7/")

    def admin_pages(self):
        index = NewsIndexPage.objects.get(url_path__endswith="/opd01/berita/")
        today = timezone.localdate()
        year = f"start={today.replace(year=today.year - 1)}&end={today}"
        return [
            ("editor.opd01", "/admin/"),
            ("editor.opd01", f"/admin/pages/{index.pk}/"),
            ("redaktur.opd01", f"/admin/laporan/mutu-baku/?{year}"),
            ("developer", f"/admin/laporan/mutu-baku/?{year}"),
            ("developer", "/admin/"),
        ]

    def measure_admin(self):
        counts = {}
        for username, path in self.admin_pages():
            self.client.force_login(get_user_model().objects.get(username=username))
            queries, _response = self.warm_count(OPD, path)
            # Production keeps sessions in Redis (portal.settings.production); the tests' database
            # sessions are not part of what a page costs there.
            counts[f"{username} {path}"] = len([q for q in queries if '"django_session"' not in q["sql"]])
        return counts

    def test_admin_pages_cost_the_same_with_hundreds_more_tasks_and_pages(self):
        before = self.measure_admin()
        self.grow()
        after = self.measure_admin()
        for counts in (before, after):
            over = {page: count for page, count in counts.items() if count >= ADMIN_BUDGET}
            self.assertEqual(over, {}, f"{ADMIN_BUDGET} queries or more")
        self.assertEqual(after, before)

    def test_the_editors_dashboard_lists_the_newest_twenty_waiting_pages_and_tugas_saya_all(self):
        self.grow()  # 80 pages now wait for opd01's Editor
        self.client.force_login(get_user_model().objects.get(username="editor.opd01"))
        html = self.client.get("/admin/", headers={"host": OPD}).content.decode()
        review = html.split('id="awaiting-review-section"', 1)[1].split("</table>", 1)[0]
        self.assertEqual(review.count("<tr"), 1 + 20)  # header row + the newest twenty
        self.assertIn("Tugas saya (80)", html)  # every waiting page, with its deadline


class PPIDContentTests(TestCase):
    """The PPID pages measured above really list what ``add_ppid_content`` made, and the growth."""

    @classmethod
    def setUpTestData(cls):
        cls.seeder = Shared(seed(sites=1, articles=5, waiting=0))
        add_ppid_content(cls.seeder.value)

    def test_the_regency_dip_lists_every_opds_entries_and_grows_with_them(self):
        html = self.client.get("/ppid/dip/", headers={"host": DOMAIN}).content.decode()
        self.assertIn("Informasi Dinas Benchmark 01 5", html)
        self.assertIn("Dokumen DIP Pemerintah Kabupaten Ketapang 3", html)
        seeder = self.seeder.value
        add_ppid_content(seeder, seeder.opds[1:2], start=100)
        forget()
        html = self.client.get("/ppid/dip/", headers={"host": DOMAIN}).content.decode()
        self.assertIn("Informasi Dinas Benchmark 01 105", html)
        html = self.client.get("/ppid/dip/?kelas=berkala", headers={"host": OPD}).content.decode()
        self.assertIn("Informasi Dinas Benchmark 01 3", html)
        self.assertNotIn("Informasi Dinas Benchmark 01 1<", html)  # serta-merta, filtered out
        table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
        self.assertNotIn("Pemerintah Kabupaten Ketapang", table)  # an OPD's DIP is its own

    def test_a_new_classified_document_shows_at_once(self):
        self.client.get("/ppid/dip/", headers={"host": OPD})
        seeder = self.seeder.value
        document = get_document_model().objects.create(
            title="Dokumen baru sekali",
            file="documents/baru.pdf",
            collection=seeder.opds[1].collection,
            information_class="berkala",
            year=2026,
        )
        self.assertContains(self.client.get("/ppid/dip/", headers={"host": OPD}), "Dokumen baru sekali")
        document.delete()
        self.assertNotContains(self.client.get("/ppid/dip/", headers={"host": OPD}), "Dokumen baru sekali")
