"""The WordPress import through its command and the public site (issue 22)."""

import shutil
import tempfile
from datetime import UTC, date, datetime
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase, TransactionTestCase, override_settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry

from home.models import StandardPage
from moderation.integrity.models import Finding
from news.models import NewsCategory, NewsPage
from news.wordpress.media import Fetcher, MediaError
from news.wordpress.models import ImportedItem
from opd.roles import Role
from opd.tests.factories import make_opd, member
from portal.page_cache.tests.test_page_cache import FakeVarnish
from tests.admin import login
from tests.transactional import KeepsMigratedData

from .wxr import OLD, export_xml, write_export

HOST = "dinkes.ketapangkab.localhost"


def counts():
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "redirects": Redirect.objects.count(),
        "items": ImportedItem.objects.count(),
        "categories": NewsCategory.objects.count(),
        "logs": PageLogEntry.objects.count(),
    }


class ImportTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("portal", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.opd = make_opd("dinkes", "Dinas Kesehatan")
        cls.humas = member(cls.opd, Role.PENULIS, "humas.dinkes")
        cls.humas.email = "humas@dinkes.example.go.id"
        cls.humas.save()

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="wxr-test-"))
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)
        self.export, self.uploads = write_export(self.folder)

    def run_import(self, *extra, export=None):
        out = StringIO()
        call_command(
            "import_wordpress",
            "dinkes",
            str(export or self.export),
            "--uploads",
            str(self.uploads),
            *extra,
            stdout=out,
            stderr=StringIO(),
        )
        return out.getvalue()

    def news(self, wp_id):
        return ImportedItem.objects.get(site=self.opd.site, wp_id=wp_id).page.specific


class DryRunTests(ImportTestCase):
    def test_dry_run_reports_everything_and_writes_nothing(self):
        before = counts()
        output = self.run_import("--dry-run")
        self.assertEqual(counts(), before)
        self.assertIn("Berita: 4 diimpor", output)
        self.assertIn("Halaman: 3 diimpor", output)
        self.assertIn("Lampiran (gambar/dokumen): 3 diimpor", output)
        self.assertIn("berstatus privat", output)
        self.assertIn("[contact-form-7] × 1", output)
        self.assertIn("jetpack/slideshow × 1", output)
        self.assertIn("Uji coba", output)
        self.assertFalse(list(self.folder.glob("*laporan-impor.md")))


class ImportTests(ImportTestCase):
    def setUp(self):
        super().setUp()
        self.output = self.run_import("--old-host", "dinkes-lama.example.go.id")

    def test_import_creates_exactly_what_the_report_says(self):
        self.assertIn("Berita: 4 diimpor, 0 diperbarui, 0 tidak berubah, 2 dilewati", self.output)
        self.assertIn("Halaman: 3 diimpor", self.output)
        self.assertIn(
            "Lampiran (gambar/dokumen): 3 diimpor, 0 diperbarui, 0 tidak berubah, 1 dilewati", self.output
        )
        self.assertEqual(NewsPage.objects.descendant_of(self.opd.site.root_page).count(), 4)
        self.assertEqual(
            StandardPage.objects.descendant_of(self.opd.site.root_page)
            .filter(title__in=["Profil", "Visi dan Misi", "Struktur Organisasi"])
            .count(),
            3,
        )
        self.assertEqual(get_image_model().objects.filter(collection=self.opd.collection).count(), 2)
        self.assertEqual(get_document_model().objects.filter(collection=self.opd.collection).count(), 1)
        report = (self.folder / "dinkes.WordPress.2024-01-01-laporan-impor.md").read_text()
        self.assertIn("| Berita | 4 | 0 | 0 | 2 |", report)
        self.assertIn("Catatan Internal", report)
        self.assertIn("#11 Timbang", report)  # an image without alt text, to be completed
        self.assertIn("cdn.lain.example", report)  # missing media, never fetched

    def test_post_keeps_date_slug_author_categories_tags_and_photo(self):
        page = self.news(100)
        self.assertTrue(page.live)
        self.assertEqual(page.slug, "imunisasi-campak")
        self.assertEqual(page.date, date(2023, 5, 12))
        self.assertEqual(page.first_published_at, datetime(2023, 5, 12, 2, 30, tzinfo=UTC))
        self.assertEqual(page.reporters, "Humas Dinkes")
        self.assertEqual(page.owner, self.humas)  # matched by e-mail, no account made
        self.assertEqual([c.name for c in page.categories.all()], ["Kesehatan Masyarakat"])
        self.assertEqual([t.name for t in page.tags.all()], ["imunisasi"])
        self.assertEqual(page.featured_image.description, "Petugas memberi imunisasi")
        self.assertEqual(page.get_parent().slug, "berita")
        kinds = [block.block_type for block in page.body]
        self.assertEqual(kinds[:3], ["paragraph", "image", "paragraph"])
        self.assertIn("heading", kinds)
        text = str(page.body[2].value.source)
        self.assertIn('linktype="document"', text)
        self.assertIn('linktype="page"', text)  # the link to /profil/ became an internal link
        self.assertIn(
            "[contact-form-7", "".join(str(b.value) for b in page.body if b.block_type == "paragraph")
        )

    def test_gutenberg_blocks_become_body_blocks(self):
        page = self.news(101)
        kinds = [block.block_type for block in page.body]
        self.assertEqual(
            kinds,
            [
                "heading",
                "paragraph",
                "image",
                "gallery",
                "paragraph",
                "quote",
                "table",
                "video",
                "document",
                "paragraph",
            ],
        )
        self.assertEqual(page.body[7].value["video"].url, "https://www.youtube.com/watch?v=abc123")
        self.assertEqual(page.body[6].value["data"][1], ["Sukaharja", "120"])
        self.assertEqual(page.lead, "Posyandu balita berjalan lancar.")
        self.assertNotIn("iklan.example.com", str(page.body.raw_data))

    def test_imported_news_renders_on_the_opd_host_only(self):
        page = self.news(100)
        response = self.client.get("/berita/imunisasi-campak/", HTTP_HOST=HOST)
        self.assertContains(response, "Imunisasi Campak Serentak di 24 Puskesmas")
        self.assertContains(response, "Petugas memberi imunisasi")  # the photo's alt text
        self.assertContains(response, "/media/images/")
        self.assertEqual(
            self.client.get(
                page.url_path.removeprefix(self.opd.site.root_page.url_path[:-1]),
                HTTP_HOST="ketapangkab.localhost",
            ).status_code,
            404,
        )
        listing = self.client.get("/berita/", HTTP_HOST=HOST)
        self.assertContains(listing, "Posyandu Balita Sehat")
        self.assertNotContains(listing, "Rencana Kegiatan Juli")

    def test_old_addresses_answer_301_to_the_new_pages(self):
        for old, new in [
            ("/2023/05/12/imunisasi-campak/", "/berita/imunisasi-campak/"),
            ("/?p=100", "/berita/imunisasi-campak/"),
            ("/?page_id=202", "/profil/struktur-organisasi/"),
            ("/category/kesehatan/", "/berita/?kategori=kesehatan"),
            ("/tag/imunisasi/", "/berita/?tag=imunisasi"),
            ("/author/siti/", "/berita/"),
            ("/feed/", "/berita/rss/"),
        ]:
            with self.subTest(old=old):
                response = self.client.get(old, HTTP_HOST=HOST)
                self.assertEqual(response.status_code, 301)
                self.assertTrue(response["Location"].endswith(new), response["Location"])
        photo = self.client.get("/?attachment_id=10", HTTP_HOST=HOST)
        self.assertEqual(photo.status_code, 301)
        self.assertIn("original_images", photo["Location"])
        # Another OPD's site has none of these redirects.
        self.assertEqual(
            self.client.get("/2023/05/12/imunisasi-campak/", HTTP_HOST="ketapangkab.localhost").status_code,
            404,
        )

    def test_imported_pages_are_searchable_in_the_sitemap_and_their_photos_show_where_used(self):
        # Indexed once per page after its transaction, not on each of its saves.
        found = self.client.get("/cari/", {"q": "puskesmas"}, HTTP_HOST=HOST)
        self.assertContains(found, "Imunisasi Campak Serentak di 24 Puskesmas")
        self.assertNotContains(found, "Rencana Kegiatan Juli")  # a draft is not public
        sitemap = self.client.get("/sitemap.xml", HTTP_HOST=HOST)
        self.assertContains(sitemap, "/berita/imunisasi-campak/")
        self.assertContains(sitemap, "/profil/struktur-organisasi/")
        webadmin = member(self.opd, Role.WEBADMIN, "webadmin.dinkes")
        photo = self.news(100).featured_image
        usage = login(webadmin, host=HOST).get(f"/admin/images/usage/{photo.pk}/")
        self.assertContains(usage, "Imunisasi Campak Serentak di 24 Puskesmas")

    def test_pages_keep_their_hierarchy_and_menu_order(self):
        profile = self.news(200)
        self.assertEqual(profile.get_parent().id, self.opd.site.root_page.id)
        self.assertEqual([p.title for p in profile.get_children()], ["Struktur Organisasi", "Visi dan Misi"])
        self.assertEqual(self.client.get("/profil/visi-dan-misi/", HTTP_HOST=HOST).status_code, 200)

    def test_drafts_stay_drafts_and_private_trash_comments_are_skipped(self):
        self.assertFalse(self.news(103).live)
        self.assertFalse(ImportedItem.objects.filter(wp_id__in=[104, 105, 300]).exists())
        self.assertIn(
            "nav_menu_item × 1", (self.folder / "dinkes.WordPress.2024-01-01-laporan-impor.md").read_text()
        )

    def test_spam_injected_post_is_a_draft_with_an_integrity_finding(self):
        page = self.news(102)
        self.assertFalse(page.live)
        self.assertTrue(
            Finding.objects.filter(page=page, kind="spam_term", resolved_at__isnull=True).exists()
        )
        self.assertTrue(Finding.objects.filter(page=page, kind="hidden_content").exists())
        self.assertEqual(self.client.get("/berita/jadwal-pelayanan/", HTTP_HOST=HOST).status_code, 404)
        # Kept in the draft for the Web Administrator to review, no longer hidden.
        self.assertIn("slot gacor", str(page.body.raw_data))
        self.assertNotIn("display", str(page.body.raw_data))

    def test_every_imported_page_carries_the_import_revision(self):
        page = self.news(100)
        entry = PageLogEntry.objects.filter(page=page, action="wordpress.import").get()
        self.assertEqual(entry.revision, page.live_revision)
        self.assertEqual(str(entry.message), "Diimpor dari WordPress")

    def test_integrity_monitor_accepts_the_import_but_keeps_the_spam_finding(self):
        call_command("check_integrity", stdout=StringIO(), stderr=StringIO())
        imported = [self.news(100), self.news(101), self.news(200)]
        self.assertEqual(
            [(f.kind, f.detail) for f in Finding.objects.filter(page__in=imported, resolved_at__isnull=True)],
            [],
        )
        self.assertTrue(Finding.objects.filter(page=self.news(102), kind="spam_term").exists())

    def test_second_run_changes_nothing(self):
        before = counts()
        output = self.run_import()
        self.assertEqual(counts(), before)
        self.assertIn("Tidak ada yang berubah", output)
        self.assertIn("Berita: 0 diimpor, 0 diperbarui, 4 tidak berubah", output)

    def test_a_later_export_updates_but_never_overwrites_a_page_edited_in_the_portal(self):
        edited = self.news(101)
        edited.title = "Posyandu Balita Sehat (disunting)"
        edited.save_revision(user=self.humas)
        text = (
            self.export.read_text()
            .replace("Posyandu Balita Sehat di Delta Pawan", "Posyandu Balita Sehat 2023")
            .replace("Imunisasi Campak Serentak di 24 Puskesmas", "Imunisasi Campak Serentak di 25 Puskesmas")
        )
        self.export.write_text(text)
        output = self.run_import()
        self.assertIn("Berita: 0 diimpor, 1 diperbarui, 2 tidak berubah, 3 dilewati", output)
        self.assertEqual(self.news(100).title, "Imunisasi Campak Serentak di 25 Puskesmas")
        self.assertEqual(
            self.news(101).get_latest_revision_as_object().title, "Posyandu Balita Sehat (disunting)"
        )
        self.assertIn(
            "Posyandu Balita Sehat 2023",
            (self.folder / "dinkes.WordPress.2024-01-01-laporan-impor.md").read_text(),
        )


class ImportPurgeTests(KeepsMigratedData, TransactionTestCase):
    """Against a small fake Varnish: an import does not purge page by page."""

    def test_an_import_drops_the_opd_site_and_the_portal_once_instead_of_each_page(self):
        varnish = FakeVarnish()
        self.addCleanup(varnish.close)
        backends = {
            "varnish": {
                "BACKEND": "portal.page_cache.backends.VarnishBackend",
                "LOCATION": f"http://127.0.0.1:{varnish.port}",
            }
        }
        make_opd("portal", "Pemerintah Kabupaten Ketapang", is_portal=True)
        make_opd("dinkes", "Dinas Kesehatan")
        folder = Path(tempfile.mkdtemp(prefix="wxr-test-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        export, uploads = write_export(folder)
        with override_settings(WAGTAILFRONTENDCACHE=backends):
            call_command(
                "import_wordpress", "dinkes", str(export), "--uploads", str(uploads),
                stdout=StringIO(), stderr=StringIO(),
            )  # fmt: skip
        self.assertTrue(NewsPage.objects.filter(slug="imunisasi-campak", live=True).exists())
        self.assertEqual(sorted(varnish.purged_hosts), sorted([HOST, "ketapangkab.localhost"]))
        # Each new page's own address is purged once (Wagtail's own handler); its listings and
        # the portal's home are not purged again after every page.
        self.assertEqual(len(varnish.received), len(set(varnish.received)), varnish.received)
        self.assertNotIn(("ketapangkab.localhost", "/"), varnish.received)


class BadInputTests(ImportTestCase):
    def assert_refused(self, content, message):
        bad = self.folder / "bad.xml"
        bad.write_text(content)
        before = counts()
        with self.assertRaises(CommandError) as caught:
            self.run_import(export=bad)
        self.assertEqual(counts(), before)
        self.assertIn(message, str(caught.exception))
        self.assertNotIn("\n", str(caught.exception))

    def test_not_xml(self):
        self.assert_refused("ini bukan XML sama sekali", "bukan XML")

    def test_html(self):
        self.assert_refused("<!doctype html><html><body><p>Halo</body></html>", "bukan XML")

    def test_xml_that_is_not_wxr(self):
        self.assert_refused("<?xml version='1.0'?><feed><entry/></feed>", "bukan ekspor WordPress")

    def test_truncated(self):
        self.assert_refused(export_xml()[:6000], "bukan XML yang utuh")

    def test_billion_laughs(self):
        self.assert_refused(
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            "<rss><channel><title>&lol2;</title></channel></rss>",
            "ditolak",
        )

    def test_external_entity(self):
        self.assert_refused(
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>',
            "ditolak",
        )

    def test_unknown_opd(self):
        with self.assertRaisesMessage(CommandError, "OPD 'dinsos' tidak ada."):
            call_command("import_wordpress", "dinsos", str(self.export))

    def test_the_export_may_come_first_with_opd_named_by_option(self):
        output = StringIO()
        call_command("import_wordpress", str(self.export), "--opd", "dinkes", "--dry-run", stdout=output)
        self.assertIn("Berita: 4 diimpor", output.getvalue())
        with self.assertRaisesMessage(CommandError, "Tulis: import_wordpress OPD_SLUG EXPORT.xml"):
            call_command("import_wordpress", str(self.export))

    def test_private_media_host_is_refused_before_anything(self):
        before = counts()
        with self.assertRaisesMessage(CommandError, "alamat privat"):
            call_command("import_wordpress", "dinkes", str(self.export), "--fetch-media-from", "127.0.0.1")
        self.assertEqual(counts(), before)

    def test_an_attachment_on_another_host_is_never_fetched(self):
        fetcher = Fetcher("93.184.216.34")
        with self.assertRaisesMessage(MediaError, "host lain"):
            fetcher.read("https://cdn.lain.example/2023/05/luar.jpg")
        with self.assertRaisesMessage(MediaError, "bukan http"):
            fetcher.read("file:///etc/passwd")

    def test_old_host_is_taken_from_the_export(self):
        # No --old-host: the export's own site address says which links are the old site's.
        self.run_import()
        body = "".join(
            str(block.value.source) for block in self.news(100).body if block.block_type == "paragraph"
        )
        self.assertIn('linktype="page"', body)
        self.assertIn('linktype="document"', body)
        self.assertNotIn(OLD, body)
