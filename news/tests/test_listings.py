"""The news list of a site and the portal's "Berita OPD": filters, pagination, labels, query counts."""

from datetime import date

from django.test import TestCase

from home.models import HomePage
from news.models import NewsCategory, NewsIndexPage, NewsPage, OPDNewsIndexPage
from opd.tests.factories import make_opd
from tests.content import add_index, make_image, publish
from tests.querycount import ConstantQueriesMixin

DINKES = "dinkes.ketapangkab.localhost"
PORTAL = "ketapangkab.localhost"


def add_article(index, title, day=date(2026, 3, 1), image=None, **fields):
    return publish(
        index, NewsPage(title=title, lead=f"Teras {title}.", date=day, featured_image=image, **fields)
    )


class NewsIndexTests(ConstantQueriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.index = add_index(cls.dinkes, NewsIndexPage, "Berita", "berita")
        cls.kesmas = NewsCategory.objects.create(
            site=cls.dinkes.site, name="Kesehatan Masyarakat", slug="kesmas"
        )
        cls.image = make_image(cls.dinkes)
        cls.first = add_article(cls.index, "Posyandu Balita Aktif", image=cls.image)
        cls.first.categories.add(cls.kesmas)
        cls.first.tags.add("posyandu")
        cls.first.save_revision().publish(skip_permission_checks=True)

    def get(self, url, host=DINKES):
        return self.client.get(url, headers={"host": host})

    def test_every_page_of_the_site_advertises_its_news_feeds(self):
        rss = f'type="application/rss+xml" title="Berita (RSS)" href="http://{DINKES}/berita/rss/"'
        atom = f'href="http://{DINKES}/berita/atom/"'
        for url in ("/", self.first.url):
            with self.subTest(url=url):
                html = self.get(url).content.decode()
                self.assertIn(rss, html)
                self.assertIn(atom, html)
        # The regency portal has no news list of its own here: it advertises none, never Dinkes's.
        portal_home = self.get("/", host="ketapangkab.localhost").content.decode()
        self.assertNotIn("/berita/rss/", portal_home)

    def test_listing_query_count_does_not_grow_with_articles(self):
        def grow():
            for number in range(15):
                article = add_article(self.index, f"Berita Tambahan {number}", image=make_image(self.dinkes))
                article.categories.add(self.kesmas)

        self.assert_constant_queries("/berita/", DINKES, grow, expect_growth_in="Berita Tambahan 14")

    def test_filtered_listing_query_count_does_not_grow_with_articles(self):
        def grow():
            for number in range(5):
                add_article(self.index, f"Berita Maret {number}", image=make_image(self.dinkes))

        self.assert_constant_queries(
            "/berita/?bulan=2026-03", DINKES, grow, expect_growth_in="Berita Maret 4"
        )

    def test_pagination_splits_the_list_and_keeps_the_filters_in_page_links(self):
        for number in range(13):
            add_article(self.index, f"Berita Nomor {number:02d}", day=date(2026, 3, 2 + number))
        first = self.get("/berita/?bulan=2026-03")
        self.assertContains(first, "Berita Nomor 12")
        self.assertNotContains(first, "Posyandu Balita Aktif")
        self.assertContains(first, 'href="?bulan=2026-03&amp;halaman=2"')
        second = self.get("/berita/?bulan=2026-03&halaman=2")
        self.assertContains(second, "Posyandu Balita Aktif")
        # A page number past the end shows the last page rather than an error.
        self.assertContains(self.get("/berita/?bulan=2026-03&halaman=99"), "Posyandu Balita Aktif")

    def test_unknown_category_or_month_is_a_field_error_not_a_crash(self):
        response = self.get("/berita/?kategori=tidak-ada&bulan=1999-01")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'class="field-error"', count=2)

    def test_drafts_and_other_sites_news_stay_out_of_the_list(self):
        draft = NewsPage(title="Draf Rahasia", lead="Belum terbit.", live=False)
        self.index.add_child(instance=draft)
        draft.save_revision()
        disdik = make_opd("disdik", "Dinas Pendidikan")
        add_article(add_index(disdik, NewsIndexPage, "Berita", "berita"), "Berita Sekolah")
        response = self.get("/berita/")
        self.assertContains(response, "Posyandu Balita Aktif")
        self.assertNotContains(response, "Draf Rahasia")
        self.assertNotContains(response, "Berita Sekolah")

    def test_categories_of_another_site_are_not_a_filter_here(self):
        disdik = make_opd("disdik", "Dinas Pendidikan")
        NewsCategory.objects.create(site=disdik.site, name="Kurikulum", slug="kurikulum")
        response = self.get("/berita/")
        self.assertContains(response, "Kesehatan Masyarakat")
        self.assertNotContains(response, "Kurikulum")
        self.assertEqual(self.get("/berita/kategori/kurikulum/rss/").status_code, 404)

    def test_related_articles_fall_back_to_the_same_category(self):
        other = add_article(self.index, "Kader Posyandu Dilatih", day=date(2026, 3, 5))
        other.categories.add(self.kesmas)
        other.save_revision().publish(skip_permission_checks=True)
        response = self.get(self.first.get_url_parts()[2])
        self.assertContains(response, "Berita terkait")
        self.assertContains(response, "Kader Posyandu Dilatih")


class OPDNewsIndexTests(ConstantQueriesMixin, TestCase):
    """ "Berita OPD" on the regency portal."""

    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.page = add_index(cls.portal, OPDNewsIndexPage, "Berita OPD", "berita-opd")
        add_article(
            add_index(cls.dinkes, NewsIndexPage, "Berita", "berita"),
            "Imunisasi MR",
            image=make_image(cls.dinkes),
        )

    def test_each_article_is_labelled_with_its_opd_and_links_to_its_own_host(self):
        response = self.client.get("/berita-opd/", headers={"host": PORTAL})
        self.assertContains(response, '<span class="opd-label">Dinas Kesehatan</span>')
        self.assertContains(response, 'href="http://dinkes.ketapangkab.localhost/berita/imunisasi-mr/"')

    def test_query_count_is_the_same_for_more_opds_and_more_articles(self):
        def grow():
            for slug in ("disdik", "dinsos", "dishub"):
                opd = make_opd(slug)
                index = add_index(opd, NewsIndexPage, "Berita", "berita")
                for number in range(3):
                    add_article(index, f"Kabar {slug} {number}", image=make_image(opd))

        self.assert_constant_queries("/berita-opd/", PORTAL, grow, expect_growth_in="Dinas Dishub")

    def test_opd_filter_shows_one_opd_and_rejects_unknown_ones(self):
        disdik = make_opd("disdik", "Dinas Pendidikan")
        add_article(add_index(disdik, NewsIndexPage, "Berita", "berita"), "PPDB Dibuka")
        only_disdik = self.client.get("/berita-opd/?opd=disdik", headers={"host": PORTAL})
        self.assertContains(only_disdik, "PPDB Dibuka")
        self.assertNotContains(only_disdik, "Imunisasi MR")
        unknown = self.client.get("/berita-opd/?opd=tidak-ada", headers={"host": PORTAL})
        self.assertContains(unknown, 'class="field-error"')

    def test_berita_opd_can_only_be_added_under_the_regency_portal(self):
        self.assertTrue(OPDNewsIndexPage.can_create_at(self.portal.site.root_page.specific))
        self.assertFalse(
            OPDNewsIndexPage.can_create_at(HomePage.objects.get(pk=self.dinkes.site.root_page_id))
        )
