"""The demo install: every host serves its own site with its own branding."""

import io
import json

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, TestCase, override_settings
from django.utils.html import escape
from wagtail.models import Page, Revision, TaskState

from demo.content import ANNOUNCEMENTS, DEMO_PASSWORD, DOCUMENTS, EVENTS, GALLERIES, OPDS
from demo.content import NEWS as NEWS_BY_OPD
from news.announcements.models import AnnouncementPage
from news.events.models import EventPage
from news.library.models import DocumentPage
from news.models import NewsPage
from news.opendata.models import DatasetPage
from opd.models import OPD
from opd.roles import Role


@override_settings(DEBUG=True)
class SeedDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with override_settings(DEBUG=True):
            call_command("seed_demo", stdout=io.StringIO())

    def test_each_demo_host_serves_its_own_home_page_and_branding(self):
        for spec in OPDS:
            with self.subTest(host=spec["hostname"]):
                response = self.client.get("/", headers={"host": spec["hostname"]})
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertIn(f"<h1>{spec['name']}</h1>", html)
                self.assertIn(f"--accent: {spec['accent']}", html)
                self.assertIn(spec["address"], html)
                self.assertIn('<html lang="id">', html)
                # Another OPD's name never shows as this site's heading.
                others = [other["name"] for other in OPDS if other is not spec]
                self.assertFalse(any(f"<h1>{name}</h1>" in html for name in others))

    def test_demo_jdih_site_has_a_dozen_related_products_in_its_jdihn_feed(self):
        host = {"host": "jdih.ketapangkab.localhost"}
        records = json.loads(self.client.get("/jdihn.json", headers=host).content)
        self.assertGreaterEqual(len(records), 12)
        self.assertEqual({"Berlaku", "Diubah", "Dicabut"}, {record["status"] for record in records})
        self.assertContains(self.client.get("/", headers=host), 'href="/produk-hukum/"')
        revoked = self.client.get("/produk-hukum/retribusi-2011/", headers=host)
        self.assertContains(revoked, "dicabut oleh")
        self.assertContains(revoked, "/produk-hukum/pdrd-2024/")

    def test_unknown_host_gets_the_regency_portal(self):
        response = self.client.get("/", headers={"host": "tidak-dikenal.localhost"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Pemerintah Kabupaten Ketapang</h1>", html=False)

    def test_news_is_served_only_on_its_own_host(self):
        article = NewsPage.objects.get(title__startswith="Imunisasi Campak-Rubela")
        url = article.get_url_parts()[2]
        self.assertEqual(
            self.client.get(url, headers={"host": "dinkes.ketapangkab.localhost"}).status_code, 200
        )
        self.assertEqual(
            self.client.get(url, headers={"host": "disdikbud.ketapangkab.localhost"}).status_code, 404
        )

    def test_demo_news_was_published_through_every_sop_step(self):
        article = NewsPage.objects.get(title__startswith="Imunisasi Campak-Rubela")
        approvers = list(
            TaskState.objects.filter(workflow_state__object_id=str(article.pk))
            .order_by("started_at")
            .values_list("finished_by__username", flat=True)
        )
        self.assertEqual(approvers, ["editor.dinkes", "redaktur.dinkes", "webadmin.dinkes"])

    def test_one_demo_user_per_role_per_opd_and_a_developer(self):
        users = get_user_model().objects
        for opd in OPD.objects.all():
            for role in Role:
                user = users.get(username=f"{role.value}.{opd.slug}")
                self.assertTrue(user.groups.filter(pk=opd.group_for(role).pk).exists())
                self.assertFalse(user.is_superuser)
        self.assertTrue(users.get(username="developer").is_superuser)

    def test_each_opd_has_a_ppid_with_dip_standar_pelayanan_and_requests(self):
        from ppid.models import InformationPage, InformationRequest, StandarPelayananPage

        host = {"host": "dinkes.ketapangkab.localhost"}
        dip = self.client.get("/ppid/dip/", headers=host)
        self.assertContains(dip, "Laporan Realisasi Anggaran")
        entry = InformationPage.objects.get(slug="laporan-realisasi-anggaran", url_path__contains="/dinkes/")
        self.assertEqual(
            list(
                TaskState.objects.filter(workflow_state__object_id=str(entry.pk)).values_list(
                    "finished_by__username", flat=True
                )
            ),
            ["editor.dinkes", "redaktur.dinkes", "webadmin.dinkes"],
        )
        self.assertTrue(StandarPelayananPage.objects.filter(live=True).exists())
        self.assertEqual(InformationRequest.objects.filter(opd__slug="dinkes").count(), 2)
        self.assertTrue(self.client.login(username="ppid.dinkes", password=DEMO_PASSWORD))
        self.assertContains(self.client.get("/admin/ppid/permohonan/", headers=host), "PPID/DINKES/")

    def test_demo_users_log_in_with_the_documented_password(self):
        response = self.client.post(
            "/admin/login/",
            {"username": "penulis.dinkes", "password": DEMO_PASSWORD},
            headers={"host": "dinkes.ketapangkab.localhost"},
        )
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_every_demo_site_has_its_newsroom_lists_and_menu(self):
        for spec in OPDS:
            slug, host = spec["slug"], spec["hostname"]
            with self.subTest(host=host):
                home = self.client.get("/", headers={"host": host}).content.decode()
                self.assertIn('aria-label="Menu utama"', home)
                self.assertIn("SP4N-LAPOR!", home)
                current, _open_ended, expired = ANNOUNCEMENTS[slug]
                listing = self.client.get("/pengumuman/", headers={"host": host}).content.decode()
                self.assertIn(current[0], listing)
                self.assertNotIn(expired[0], listing)
                expired_page = AnnouncementPage.objects.get(title=expired[0])
                self.assertContains(
                    self.client.get(expired_page.get_url_parts()[2], headers={"host": host}),
                    "sudah tidak berlaku",
                )
                upcoming, _later, past = EVENTS[slug]
                self.assertContains(self.client.get("/agenda/", headers={"host": host}), upcoming[0])
                self.assertContains(self.client.get("/agenda/lalu/", headers={"host": host}), past[0])
                self.assertContains(
                    self.client.get("/dokumen/", headers={"host": host}), DOCUMENTS[slug][0][0]
                )
                self.assertContains(self.client.get("/galeri/", headers={"host": host}), GALLERIES[slug][0])
                self.assertContains(self.client.get("/berita/rss/", headers={"host": host}), "<item>")

    def test_demo_documents_are_pdf_files_made_in_code(self):
        for page in DocumentPage.objects.select_related("document"):
            with page.document.open_file() as handle:
                self.assertTrue(handle.read(5) == b"%PDF-", page.document.title)

    def test_regency_portal_gathers_the_opds_news(self):
        html = self.client.get("/", headers={"host": "ketapangkab.localhost"}).content.decode()
        self.assertIn('<span class="opd-label">Dinas Kesehatan</span>', html)
        # The request's port (none: 80), not the Site's 8000 (core/public_urls.py).
        self.assertIn("http://dinkes.ketapangkab.localhost/berita/", html)
        self.assertContains(
            self.client.get("/berita-opd/", headers={"host": "ketapangkab.localhost"}), "Dinas Kesehatan"
        )

    def test_demo_content_pages_were_all_published_through_the_sop(self):
        for model in (NewsPage, AnnouncementPage, EventPage, DocumentPage, DatasetPage):
            for page in model.objects.all():
                self.assertEqual(
                    TaskState.objects.filter(
                        workflow_state__object_id=str(page.pk), status="approved"
                    ).count(),
                    3,
                    page.title,
                )

    def test_demo_has_english_pages_published_through_the_sop(self):
        from demo.english import INTROS, NEWS

        for spec in OPDS:
            host = spec["hostname"]
            with self.subTest(host=host):
                home = self.client.get("/en/", headers={"host": host})
                self.assertContains(home, escape(INTROS[spec["slug"]]))
                self.assertContains(home, '<html lang="en">')
                listing = self.client.get("/en/news/", headers={"host": host})
                english_titles = [NEWS[title][0] for title, _lead, _body in NEWS_BY_OPD[spec["slug"]][:2]]
                for title in english_titles:
                    self.assertContains(listing, escape(title))
                self.assertEqual(self.client.get("/en/profile/", headers={"host": host}).status_code, 200)
        english_article = NewsPage.objects.get(title=NEWS[NEWS_BY_OPD["dinkes"][0][0]][0])
        approvers = list(
            TaskState.objects.filter(workflow_state__object_id=str(english_article.pk))
            .order_by("started_at")
            .values_list("finished_by__username", flat=True)
        )
        self.assertEqual(approvers, ["editor.dinkes", "redaktur.dinkes", "webadmin.dinkes"])

    def test_every_demo_site_links_its_own_ppid_from_menu_footer_and_quick_links_in_both_languages(self):
        for spec in OPDS:
            host = spec["hostname"]
            for prefix in ("", "/en"):
                with self.subTest(host=host, language=prefix or "id"):
                    html = self.client.get(f"{prefix}/", headers={"host": host}).content.decode()
                    menu = html[
                        html.index('id="menu-utama"') : html.index("</nav>", html.index('id="menu-utama"'))
                    ]
                    footer = html[html.index('class="footer-ppid"') :]
                    quick = html[
                        html.index('class="quick-links"') : html.index("</ul>", html.index("quick-links"))
                    ]
                    for path in ("/ppid/permohonan/", "/ppid/keberatan/", "/ppid/lacak/", "/ppid/dip/"):
                        self.assertIn(f'href="{prefix}{path}"', menu)
                        self.assertIn(f'href="{prefix}{path}"', footer)
                    self.assertIn(f'href="{prefix}/ppid/"', quick)
                    self.assertNotIn("ppid.ketapangkab.go.id", html)
                    self.assertEqual(
                        self.client.get(f"{prefix}/ppid/", headers={"host": host}).status_code, 200
                    )

    def test_english_pages_show_english_names_link_texts_and_categories(self):
        from demo.english import NEWS

        html = self.client.get("/en/", headers={"host": "dinkes.ketapangkab.localhost"}).content.decode()
        self.assertIn(
            '<p class="identity-name"><a href="http://ketapangkab.localhost/en/">Ketapang Regency', html
        )
        self.assertIn('<h2 id="kaki-kontak">Health Office</h2>', html)
        self.assertIn("Request public information", html)
        self.assertIn("Privacy policy", html)
        self.assertNotIn("Kebijakan Privasi", html)
        self.assertNotIn("Permohonan informasi publik", html)
        self.assertIn("Related links", html)
        english_article = NewsPage.objects.get(title=NEWS[NEWS_BY_OPD["dinkes"][0][0]][0])
        article = self.client.get(
            english_article.get_url_parts()[2], headers={"host": "dinkes.ketapangkab.localhost"}
        )
        self.assertContains(article, "Public health")
        self.assertNotContains(article, "Kesehatan Masyarakat")

    def test_a_page_without_english_says_so_in_the_language_switcher(self):
        # The demo's profile sub-pages have no English (docs/i18n.md).
        html = self.client.get("/profil/visi-misi/", headers={"host": "dinkes.ketapangkab.localhost"})
        self.assertContains(html, 'hreflang="en">English <small class="switcher-note">(home page')
        self.assertContains(html, "this page is not yet available in this language")

    def test_absolute_links_follow_the_requests_port_not_the_sites(self):
        html = self.client.get("/", headers={"host": "ketapangkab.localhost:8123"}).content.decode()
        self.assertIn('href="http://dinkes.ketapangkab.localhost:8123/"', html)  # the OPD list
        self.assertIn("http://dinkes.ketapangkab.localhost:8123/berita/", html)  # the OPDs' news
        self.assertNotIn(":8000", html)
        feed = self.client.get("/berita/rss/", headers={"host": "dinkes.ketapangkab.localhost:8123"})
        self.assertContains(feed, "http://dinkes.ketapangkab.localhost:8123/berita/")
        self.assertNotContains(feed, ":8000")

    def test_each_opd_has_two_coverage_assignments_on_its_penulis_dashboard(self):
        from moderation.newsroom.models import Assignment

        for spec in OPDS:
            opd = OPD.objects.get(slug=spec["slug"])
            self.assertEqual(Assignment.objects.filter(opd=opd).count(), 2)
            client = Client(headers={"host": spec["hostname"]})
            self.assertTrue(client.login(username=f"penulis.{opd.slug}", password=DEMO_PASSWORD))
            self.assertContains(client.get("/admin/"), "Penugasan liputan saya (2)")

    def test_demo_data_catalogue_has_datasets_per_opd_linked_from_menu_and_footer(self):
        from demo.opendata import DATASETS

        portal = self.client.get("/", headers={"host": "ketapangkab.localhost"}).content.decode()
        self.assertIn('href="/data/"', portal)
        self.assertIn("Katalog Data", portal)
        catalogue = self.client.get("/data/", headers={"host": "ketapangkab.localhost"}).content.decode()
        names = self.client.get(
            "/api/3/action/package_list", headers={"host": "ketapangkab.localhost"}
        ).json()
        for slug, datasets in DATASETS.items():
            with self.subTest(opd=slug):
                self.assertGreaterEqual(len(datasets), 2)
                for title, dataset_slug, *_rest in datasets:
                    self.assertIn(title, catalogue)
                    self.assertIn(f"{slug}-{dataset_slug}", names["result"])
        page = DatasetPage.objects.get(slug="indeks-spbe")
        html = self.client.get(
            page.url, headers={"host": "diskominfo.ketapangkab.localhost"}
        ).content.decode()
        self.assertIn('class="data-preview"', html)
        self.assertIn("<svg", html)

    def test_second_run_changes_nothing(self):
        counts = (Page.objects.count(), Revision.objects.count(), get_user_model().objects.count())
        out = io.StringIO()
        call_command("seed_demo", stdout=out)
        self.assertIn("tidak ada yang diubah", out.getvalue())
        self.assertEqual(
            (Page.objects.count(), Revision.objects.count(), get_user_model().objects.count()), counts
        )


class SeedDemoRefusesInProductionTests(TestCase):
    @override_settings(DEBUG=False)
    def test_refuses_when_debug_is_off(self):
        with self.assertRaisesMessage(CommandError, "DEBUG"):
            call_command("seed_demo", stdout=io.StringIO())
        self.assertFalse(OPD.objects.exists())
