"""Every newsroom page type: written by a Penulis in the admin, published through the SOP,
then read by the public (listing, detail, feed, sitemap) on its OPD's own host."""

import json
import re

from django.test import TestCase
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from demo.embeds import store_video_embed
from home.models import StandardPage
from news.announcements.models import AnnouncementIndexPage, AnnouncementPage
from news.events.models import EventIndexPage, EventPage
from news.gallery.models import GalleryIndexPage, GalleryPage
from news.library.models import DocumentIndexPage, DocumentPage
from news.models import NewsCategory, NewsIndexPage, NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import approve_through_sop, create_page, form_errors, inline, login, stream
from tests.content import add_index, days, hours_from_now, make_document, make_image, publish

HOST = "dinkes.ketapangkab.localhost"
VIDEO_URL = "https://www.youtube.com/watch?v=abc123XYZ00"


def json_ld(html):
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]


class NewsroomThroughSOPTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.image = make_image(cls.dinkes, "Imunisasi di Puskesmas")
        cls.image2 = make_image(cls.dinkes, "Antrean imunisasi", colour="olive")
        cls.document = make_document(cls.dinkes, "Perda Kesehatan Lingkungan")
        cls.category = NewsCategory.objects.create(
            site=cls.dinkes.site, name="Kesehatan Masyarakat", slug="kesmas"
        )
        store_video_embed(VIDEO_URL, "Video imunisasi")

    def setUp(self):
        self.penulis = login(self.people[Role.PENULIS], host=HOST)

    def public(self, url):
        return self.client.get(url, headers={"host": HOST})

    def write_and_publish(self, parent, model, fields):
        response = create_page(self.penulis, parent, model, fields)
        self.assertEqual(response.status_code, 302, form_errors(response))
        page = model.objects.get(slug=fields["slug"])
        self.assertFalse(page.live, "a Penulis must not publish without the SOP")
        return approve_through_sop(page, self.people, HOST)

    def assert_listed_everywhere(self, page, listing_url, feed_url):
        url = page.get_url_parts()[2]
        full_url = page.get_full_url()
        self.assertContains(self.public(listing_url), f'href="{url}"')
        self.assertEqual(self.public(url).status_code, 200)
        feed = self.public(feed_url)
        self.assertEqual(feed.status_code, 200)
        self.assertIn("xml", feed["Content-Type"])
        self.assertIn(f"<link>{full_url}</link>", feed.content.decode())
        self.assertContains(self.public("/sitemap.xml"), f"<loc>{full_url}</loc>")
        # Never on another OPD's host.
        self.assertEqual(self.client.get(url, headers={"host": "ketapangkab.localhost"}).status_code, 404)

    def test_news_with_every_body_block_goes_live_and_is_listed_filtered_fed_and_mapped(self):
        index = add_index(self.dinkes, NewsIndexPage, "Berita", "berita")
        table = {
            "data": [["Puskesmas", "Capaian"], ["Sukabangun", "92 persen"]],
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Capaian imunisasi MR",
            "cell": [],
            "mergeCells": [],
        }
        body = stream(
            "body",
            [
                ("heading", {"text": "Capaian per puskesmas", "level": "h2"}),
                ("paragraph", rich_text("<p>Imunisasi berjalan di seluruh puskesmas.</p>")),
                (
                    "image",
                    {"image": self.image.pk, "caption": "Petugas memberi vaksin", "credit": "Humas Dinkes"},
                ),
                (
                    "gallery",
                    {
                        "title": "Suasana imunisasi",
                        "images": {
                            "count": "2",
                            "0": {"value": self.image.pk, "deleted": "", "order": "0", "id": ""},
                            "1": {"value": self.image2.pk, "deleted": "", "order": "1", "id": ""},
                        },
                    },
                ),
                ("video", {"video": VIDEO_URL, "caption": "Liputan video"}),
                ("document", {"document": self.document.pk, "title": "Unduh juknis imunisasi"}),
                ("quote", {"quote": "Imunisasi itu gratis.", "attribution": "Kepala Dinas Kesehatan"}),
                ("table", json.dumps(table)),
            ],
        )
        page = self.write_and_publish(
            index,
            NewsPage,
            {
                "title": "Imunisasi MR Capai 92 Persen",
                "slug": "imunisasi-mr",
                "date": "2026-03-10",
                "lead": "Capaian imunisasi melampaui target provinsi.",
                "featured_image": self.image.pk,
                "featured_image_caption": "Imunisasi di Puskesmas Sukabangun",
                "reporters": "Tim Peliput Dinkes",
                "photographer": "Andi",
                "coverage_place": "Puskesmas Sukabangun",
                "coverage_date": "2026-03-09",
                "categories": [self.category.pk],
                "tags": "imunisasi, puskesmas",
                **body,
            },
        )
        self.assertEqual(list(page.categories.all()), [self.category])
        self.assertEqual(sorted(page.tags.names()), ["imunisasi", "puskesmas"])

        index_url = index.get_url_parts()[2]
        self.assert_listed_everywhere(page, index_url, f"{index_url}rss/")
        self.assertContains(self.public(f"{index_url}atom/"), page.get_full_url())
        self.assertContains(self.public(f"{index_url}kategori/kesmas/rss/"), page.get_full_url())
        self.assertEqual(self.public(f"{index_url}kategori/tidak-ada/rss/").status_code, 404)
        for query in ("kategori=kesmas", "tag=imunisasi", "bulan=2026-03"):
            with self.subTest(filter=query):
                self.assertContains(self.public(f"{index_url}?{query}"), "Imunisasi MR Capai 92 Persen")
        self.assertNotContains(self.public(f"{index_url}?tag=gizi"), "Imunisasi MR Capai 92 Persen")

        html = self.public(page.get_url_parts()[2]).content.decode()
        for expected in (
            '<h2 class="block-heading">Capaian per puskesmas</h2>',
            "Imunisasi berjalan di seluruh puskesmas.",
            "Petugas memberi vaksin",
            "(Humas Dinkes)",
            "Suasana imunisasi",
            "youtube-nocookie.com/embed/abc123XYZ00",
            "Unduh juknis imunisasi",
            "Imunisasi itu gratis.",
            "<caption>Capaian imunisasi MR</caption>",
            "92 persen",
            "Imunisasi di Puskesmas Sukabangun",
            f"Foto: {self.image.credit}",
            "<dd>Andi</dd>",
            "Puskesmas Sukabangun",
            'type="image/webp"',
            f'alt="{self.image.description}"',
            f'<link rel="canonical" href="{page.get_full_url()}">',
            '<meta property="og:type" content="article">',
            'content="summary_large_image"',
        ):
            self.assertIn(expected, html)
        (article,) = json_ld(html)
        self.assertEqual(article["@type"], "NewsArticle")
        self.assertEqual(article["headline"], "Imunisasi MR Capai 92 Persen")
        self.assertEqual(article["mainEntityOfPage"], page.get_full_url())
        self.assertEqual(article["publisher"]["name"], "Dinas Kesehatan")

    def test_announcement_goes_live_and_stays_listed_while_valid(self):
        index = add_index(self.dinkes, AnnouncementIndexPage, "Pengumuman", "pengumuman")
        page = self.write_and_publish(
            index,
            AnnouncementPage,
            {
                "title": "Jadwal Posyandu Bulan Ini",
                "slug": "jadwal-posyandu",
                "date": str(days(0)),
                "valid_from": str(days(0)),
                "valid_until": str(days(14)),
                "summary": "Posyandu buka setiap Selasa.",
                "attachment": self.document.pk,
            },
        )
        index_url = index.get_url_parts()[2]
        self.assert_listed_everywhere(page, index_url, f"{index_url}rss/")
        detail = self.public(page.get_url_parts()[2])
        self.assertContains(detail, "Unduh lampiran")
        self.assertNotContains(detail, "sudah tidak berlaku")

    def test_announcement_ending_before_it_starts_is_refused_and_nothing_is_saved(self):
        index = add_index(self.dinkes, AnnouncementIndexPage, "Pengumuman", "pengumuman")
        response = create_page(
            self.penulis,
            index,
            AnnouncementPage,
            {
                "title": "Salah Tanggal",
                "slug": "salah-tanggal",
                "valid_from": str(days(5)),
                "valid_until": str(days(1)),
                "summary": "Tanggal terbalik.",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "tidak boleh sebelum tanggal mulai berlaku")
        self.assertFalse(AnnouncementPage.objects.filter(slug="salah-tanggal").exists())

    def test_event_goes_live_with_ics_json_ld_and_moves_to_past_after_it_ends(self):
        index = add_index(self.dinkes, EventIndexPage, "Agenda", "agenda")
        start = hours_from_now(24).replace(minute=0, second=0, microsecond=0)
        page = self.write_and_publish(
            index,
            EventPage,
            {
                "title": "Rapat Koordinasi Stunting",
                "slug": "rakor-stunting",
                "start": start.astimezone().strftime("%Y-%m-%d %H:%M"),
                "end": (start + (hours_from_now(3) - hours_from_now(0)))
                .astimezone()
                .strftime("%Y-%m-%d %H:%M"),
                "place": "Aula Dinas Kesehatan, Jl. D.I. Panjaitan No. 5",
                "organiser": "Bidang Kesehatan Masyarakat",
                "summary": "Koordinasi percepatan penurunan stunting.",
            },
        )
        self.assertEqual(page.start, start)
        index_url = index.get_url_parts()[2]
        self.assert_listed_everywhere(page, index_url, f"{index_url}rss/")
        self.assertNotContains(self.public(f"{index_url}lalu/"), "Rapat Koordinasi Stunting")

        html = self.public(page.get_url_parts()[2]).content.decode()
        (event,) = json_ld(html)
        self.assertEqual(event["@type"], "Event")
        self.assertEqual(event["location"]["name"], "Aula Dinas Kesehatan, Jl. D.I. Panjaitan No. 5")
        self.assertEqual(event["organizer"]["name"], "Bidang Kesehatan Masyarakat")

        for url in (f"{page.get_url_parts()[2]}ical/", f"{index_url}ical/"):
            with self.subTest(url=url):
                ics = self.public(url)
                self.assertEqual(ics["Content-Type"], "text/calendar; charset=utf-8")
                self.assertIn("attachment;", ics["Content-Disposition"])
                body = ics.content.decode()
                self.assertIn("SUMMARY:Rapat Koordinasi Stunting", body)
                self.assertIn(
                    f"DTSTART:{start.strftime('%Y%m%dT%H%M%SZ')}", body.replace(";VALUE=DATE-TIME", "")
                )

        EventPage.objects.filter(pk=page.pk).update(start=hours_from_now(-5), end=hours_from_now(-3))
        self.assertContains(self.public(f"{index_url}lalu/"), "Rapat Koordinasi Stunting")
        self.assertNotContains(self.public(index_url), "Rapat Koordinasi Stunting")

    def test_document_goes_live_and_is_found_by_type_and_year(self):
        index = add_index(self.dinkes, DocumentIndexPage, "Produk Hukum", "produk-hukum")
        page = self.write_and_publish(
            index,
            DocumentPage,
            {
                "title": "Kesehatan Lingkungan",
                "slug": "perda-kesling",
                "document": self.document.pk,
                "doc_type": "perda",
                "number": "3 Tahun 2024",
                "year": "2024",
                "status": "berlaku",
            },
        )
        index_url = index.get_url_parts()[2]
        self.assert_listed_everywhere(page, index_url, f"{index_url}rss/")
        self.assertContains(self.public(f"{index_url}?jenis=perda&tahun=2024"), "Kesehatan Lingkungan")
        self.assertNotContains(self.public(f"{index_url}?jenis=sk"), "Kesehatan Lingkungan")
        unknown_year = self.public(f"{index_url}?tahun=1999")
        self.assertContains(unknown_year, 'class="field-error"')
        self.assertContains(self.public(page.get_url_parts()[2]), self.document.url)

    def test_document_page_without_a_file_is_refused(self):
        index = add_index(self.dinkes, DocumentIndexPage, "Produk Hukum", "produk-hukum")
        response = create_page(
            self.penulis,
            index,
            DocumentPage,
            {"title": "Tanpa Berkas", "slug": "tanpa-berkas", "doc_type": "sk", "year": "2025"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(DocumentPage.objects.filter(slug="tanpa-berkas").exists())

    def test_gallery_album_with_photos_and_video_goes_live(self):
        index = add_index(self.dinkes, GalleryIndexPage, "Galeri", "galeri")
        page = self.write_and_publish(
            index,
            GalleryPage,
            {
                "title": "Hari Kesehatan Nasional",
                "slug": "hkn",
                "date": str(days(-1)),
                "intro": "Kegiatan HKN di alun-alun.",
                **inline(
                    "photos",
                    [{"image": self.image.pk, "caption": "Senam bersama"}, {"image": self.image2.pk}],
                ),
                **stream("videos", [("video", {"video": VIDEO_URL, "caption": "Cuplikan HKN"})]),
            },
        )
        self.assertEqual(page.photos.count(), 2)
        index_url = index.get_url_parts()[2]
        self.assert_listed_everywhere(page, index_url, f"{index_url}rss/")
        html = self.public(page.get_url_parts()[2]).content.decode()
        self.assertIn("Senam bersama", html)
        self.assertIn(self.image2.caption, html)
        self.assertIn("youtube-nocookie.com/embed/abc123XYZ00", html)
        self.assertIn('type="image/webp"', html)

    def test_profile_page_goes_live_with_its_section_sub_navigation(self):
        profile = publish(self.dinkes.site.root_page, StandardPage(title="Profil", slug="profil"))
        publish(profile, StandardPage(title="Visi dan Misi", slug="visi-misi"))
        page = self.write_and_publish(
            profile,
            StandardPage,
            {
                "title": "Tugas dan Fungsi",
                "slug": "tugas-fungsi",
                **stream("body", [("paragraph", rich_text("<p>Melaksanakan urusan kesehatan.</p>"))]),
            },
        )
        html = self.public(page.get_url_parts()[2]).content.decode()
        self.assertIn("Melaksanakan urusan kesehatan.", html)
        self.assertIn('href="/profil/visi-misi/"', html)
        self.assertIn('<a href="/profil/tugas-fungsi/" aria-current="page">', html)
        self.assertContains(self.public("/sitemap.xml"), f"<loc>{page.get_full_url()}</loc>")
        self.assertEqual(Page.objects.live().filter(slug="tugas-fungsi").count(), 1)
