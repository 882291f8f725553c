"""The regency portal shows what every OPD publishes, labelled by OPD, linking to the OPD's host;
nothing unpublished or expired shows anywhere public; the cost does not grow with the content."""

from datetime import date

from django.test import TestCase

from news.announcements.models import AnnouncementIndexPage, AnnouncementPage
from news.events.models import EventIndexPage
from news.events.tests.test_events import add_event
from news.models import NewsIndexPage, NewsPage, OPDNewsIndexPage
from opd.tests.factories import make_opd
from tests.content import add_index, days, make_image, publish
from tests.querycount import ConstantQueriesMixin

PORTAL = "ketapangkab.localhost"
HOME_BLOCKS = [
    ("featured_news", {"count": 3, "scope": "all"}),
    ("latest_news", {"heading": "Berita OPD", "count": 6, "scope": "all"}),
    ("announcements", {"heading": "Pengumuman", "count": 5, "scope": "all"}),
    ("agenda", {"heading": "Agenda", "count": 5, "scope": "all"}),
]


def set_home_blocks(opd, blocks):
    home = opd.site.root_page.specific
    home.body = blocks
    home.save_revision().publish(skip_permission_checks=True)
    return home


def add_opd_with_content(slug, name, news=1, with_images=True):
    opd = make_opd(slug, name)
    news_index = add_index(opd, NewsIndexPage, "Berita", "berita")
    for number in range(news):
        image = make_image(opd, f"Foto {slug} {number}") if with_images else None
        publish(
            news_index,
            NewsPage(
                title=f"Kabar {name} {number}",
                lead=f"Teras kabar {name}.",
                date=date(2026, 4, 1 + number),
                featured_image=image,
                featured=True,
            ),
        )
    announcements = add_index(opd, AnnouncementIndexPage, "Pengumuman", "pengumuman")
    publish(
        announcements,
        AnnouncementPage(
            title=f"Pengumuman {name}", summary="Ringkasan.", valid_from=days(-1), valid_until=days(5)
        ),
    )
    add_event(add_index(opd, EventIndexPage, "Agenda", "agenda"), f"Agenda {name}", in_hours=30)
    return opd, news_index, announcements


class PortalAggregationTests(ConstantQueriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.berita_opd = add_index(cls.portal, OPDNewsIndexPage, "Berita OPD", "berita-opd")
        set_home_blocks(cls.portal, HOME_BLOCKS)
        cls.dinkes, cls.dinkes_news, cls.dinkes_announcements = add_opd_with_content(
            "dinkes", "Dinas Kesehatan"
        )
        cls.disdik, _news, _announcements = add_opd_with_content("disdik", "Dinas Pendidikan")

    def get(self, url, host=PORTAL):
        return self.client.get(url, headers={"host": host})

    def test_portal_home_and_berita_opd_label_each_item_with_its_opd_and_link_to_its_host(self):
        article = NewsPage.objects.get(title="Kabar Dinas Kesehatan 0")
        for url in ("/", "/berita-opd/"):
            with self.subTest(url=url):
                html = self.get(url).content.decode()
                self.assertIn(f'href="{article.get_full_url()}"', html)
                self.assertTrue(article.get_full_url().startswith("http://dinkes.ketapangkab.localhost/"))
                self.assertIn('<span class="opd-label">Dinas Kesehatan</span>', html)
                self.assertIn('<span class="opd-label">Dinas Pendidikan</span>', html)
                self.assertIn("Kabar Dinas Pendidikan 0", html)
        home = self.get("/").content.decode()
        self.assertIn("Pengumuman Dinas Kesehatan", home)
        self.assertIn("Agenda Dinas Pendidikan", home)

    def test_an_opd_home_with_site_blocks_shows_only_its_own_content(self):
        set_home_blocks(self.dinkes, [(name, {**value, "scope": "site"}) for name, value in HOME_BLOCKS])
        html = self.get("/", host="dinkes.ketapangkab.localhost").content.decode()
        self.assertIn("Kabar Dinas Kesehatan 0", html)
        self.assertIn("Pengumuman Dinas Kesehatan", html)
        self.assertNotIn("Dinas Pendidikan 0", html)
        self.assertNotIn("Agenda Dinas Pendidikan", html)

    def test_unpublished_and_expired_items_never_appear_anywhere_public(self):
        draft = NewsPage(title="Draf Belum Disetujui", lead="Menunggu Redaktur.", live=False)
        self.dinkes_news.add_child(instance=draft)
        draft.save_revision()
        withdrawn = publish(self.dinkes_news, NewsPage(title="Berita Ditarik", lead="Ditarik kembali."))
        withdrawn.unpublish()
        expired = publish(
            self.dinkes_announcements,
            AnnouncementPage(
                title="Pengumuman Kedaluwarsa", summary="Lewat.", valid_from=days(-9), valid_until=days(-2)
            ),
        )
        places = [
            (PORTAL, "/"),
            (PORTAL, "/berita-opd/"),
            ("dinkes.ketapangkab.localhost", "/"),
            ("dinkes.ketapangkab.localhost", "/berita/"),
            ("dinkes.ketapangkab.localhost", "/berita/rss/"),
            ("dinkes.ketapangkab.localhost", "/pengumuman/"),
            ("dinkes.ketapangkab.localhost", "/pengumuman/rss/"),
            ("dinkes.ketapangkab.localhost", "/sitemap.xml"),
        ]
        for host, url in places:
            with self.subTest(host=host, url=url):
                html = self.get(url, host=host).content.decode()
                for title in ("Draf Belum Disetujui", "Berita Ditarik", "Pengumuman Kedaluwarsa"):
                    self.assertNotIn(title, html)
                self.assertNotIn(expired.get_full_url(), html)
        for word in ("Ditarik", "Disetujui", "Kedaluwarsa"):
            with self.subTest(search=word):
                self.assertContains(self.get(f"/cari/?q={word}"), f'0 hasil untuk "{word}"')
        # The expired announcement is still there for whoever has its address.
        self.assertContains(
            self.get(expired.get_url_parts()[2], host="dinkes.ketapangkab.localhost"), "tidak berlaku"
        )
        self.assertEqual(
            self.get(withdrawn.get_url_parts()[2], host="dinkes.ketapangkab.localhost").status_code, 404
        )

    def test_portal_pages_cost_the_same_queries_for_more_opds_and_more_content(self):
        grown = []

        def grow():
            if grown:
                return
            for slug, name in (
                ("dinsos", "Dinas Sosial"),
                ("dishub", "Dinas Perhubungan"),
                ("dpupr", "Dinas PUPR"),
            ):
                add_opd_with_content(slug, name, news=3)
            grown.append(True)

        for url in ("/", "/berita-opd/"):
            with self.subTest(url=url):
                self.assert_constant_queries(url, PORTAL, grow)
        self.assertContains(self.get("/berita-opd/"), "Kabar Dinas PUPR 2")
