"""Home pages built from blocks and profile pages with their sub-navigation."""

from datetime import date

from django.test import TestCase

from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from opd.tests.factories import make_opd
from tests.content import add_index, make_image, publish
from tests.querycount import ConstantQueriesMixin

HOST = "dinkes.ketapangkab.localhost"


class HomeBlocksTests(ConstantQueriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.news = add_index(cls.dinkes, NewsIndexPage, "Berita", "berita")
        publish(
            cls.news,
            NewsPage(
                title="Berita Utama Pertama",
                lead="Teras.",
                featured=True,
                date=date(2026, 5, 1),
                featured_image=make_image(cls.dinkes),
            ),
        )
        home = cls.dinkes.site.root_page.specific
        home.body = [
            ("featured_news", {"count": 2, "scope": "site"}),
            ("latest_news", {"heading": "Kabar Terbaru", "count": 4, "scope": "site"}),
            ("announcements", {"heading": "Pengumuman", "count": 3, "scope": "site"}),
            ("agenda", {"heading": "Agenda", "count": 3, "scope": "site"}),
            ("quick_links", {"heading": "Layanan"}),
            ("paragraph", "<p>Selamat datang di situs Dinas Kesehatan.</p>"),
        ]
        home.save_revision().publish(skip_permission_checks=True)

    def test_blocks_render_with_their_headings_and_content(self):
        html = self.client.get("/", headers={"host": HOST}).content.decode()
        self.assertIn('<section class="featured-news" aria-label="Berita utama">', html)
        self.assertIn('<h2 id="blok-kabar-terbaru">Kabar Terbaru</h2>', html)
        self.assertIn("Tidak ada pengumuman yang berlaku.", html)
        self.assertIn("Belum ada agenda mendatang.", html)
        self.assertIn("Selamat datang di situs Dinas Kesehatan.", html)
        self.assertEqual(html.count("Berita Utama Pertama"), 2)  # in the slider and in the latest news

    def test_home_query_count_does_not_grow_with_news(self):
        def grow():
            for number in range(8):
                publish(
                    self.news,
                    NewsPage(
                        title=f"Kabar {number}",
                        lead="Teras.",
                        featured=True,
                        date=date(2026, 6, 1 + number),
                        featured_image=make_image(self.dinkes),
                    ),
                )

        self.assert_constant_queries("/", HOST, grow, expect_growth_in="Kabar 7")


class ProfileSubNavigationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.profile = publish(cls.dinkes.site.root_page, StandardPage(title="Profil", slug="profil"))
        cls.vision = publish(cls.profile, StandardPage(title="Visi dan Misi", slug="visi-misi"))
        cls.structure = publish(cls.profile, StandardPage(title="Struktur Organisasi", slug="struktur"))
        cls.unit = publish(cls.structure, StandardPage(title="UPT Puskesmas", slug="upt"))
        draft = StandardPage(title="Draf Tugas", slug="draf", live=False)
        cls.profile.add_child(instance=draft)

    def subnav(self, url):
        html = self.client.get(url, headers={"host": HOST}).content.decode()
        return html[
            html.index('<nav class="subnav"') : html.index("</nav>", html.index('<nav class="subnav"'))
        ]

    def test_every_page_of_the_section_shows_the_sections_pages_and_marks_the_current_one(self):
        nav = self.subnav("/profil/visi-misi/")
        self.assertIn('<a href="/profil/visi-misi/" aria-current="page">Visi dan Misi</a>', nav)
        self.assertIn('<a href="/profil/struktur/">Struktur Organisasi</a>', nav)
        self.assertNotIn("UPT Puskesmas", nav)
        self.assertNotIn("Draf Tugas", nav)

    def test_a_nested_page_opens_its_branch(self):
        nav = self.subnav("/profil/struktur/upt/")
        self.assertIn('<a href="/profil/struktur/upt/" aria-current="page">UPT Puskesmas</a>', nav)
        self.assertIn('<a href="/profil/">Profil</a>', nav)
