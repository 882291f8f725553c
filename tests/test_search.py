"""Search per site and across the portal: stemming on PostgreSQL, never a draft, OPD shown."""

import re
from unittest import skipUnless
from unittest.mock import patch

from django.db import connection
from django.test import TestCase

from news.announcements.models import AnnouncementIndexPage, AnnouncementPage
from news.models import NewsIndexPage, NewsPage
from opd.tests.factories import make_opd
from tests.content import add_index, days, publish
from tests.querycount import ConstantQueriesMixin

PORTAL = "ketapangkab.localhost"
DINKES = "dinkes.ketapangkab.localhost"


def add_article(index, title, lead, body=""):
    return publish(
        index,
        NewsPage(title=title, lead=lead, body=[("paragraph", f"<p>{body}</p>")] if body else []),
    )


class SearchTests(ConstantQueriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.disdik = make_opd("disdik", "Dinas Pendidikan")
        cls.dinkes_news = add_index(cls.dinkes, NewsIndexPage, "Berita", "berita")
        cls.disdik_news = add_index(cls.disdik, NewsIndexPage, "Berita", "berita")
        cls.roads = add_article(
            cls.dinkes_news,
            "Ambulans Desa Kini Lebih Cepat",
            "Perbaikan jalanan menuju puskesmas memangkas waktu rujukan.",
            body="Warga desa terpencil merasakan manfaatnya.",
        )
        cls.school = add_article(
            cls.disdik_news, "Sekolah Desa Terpencil Dapat Guru Baru", "Guru ditempatkan."
        )

    def search(self, query, host=DINKES, **params):
        extra = "".join(f"&{key}={value}" for key, value in params.items())
        return self.client.get(f"/cari/?q={query}{extra}", headers={"host": host})

    @skipUnless(connection.vendor == "postgresql", "Indonesian stemming needs PostgreSQL full-text search")
    def test_postgresql_finds_a_published_article_by_a_stemmed_word(self):
        # The article says "jalanan"; the Indonesian configuration stems both to "jalan".
        response = self.search("jalan")
        self.assertContains(response, "Ambulans Desa Kini Lebih Cepat")
        self.assertContains(response, "1 hasil")

    def test_search_never_returns_a_draft(self):
        draft = NewsPage(title="Rencana Zamrud", lead="Draf yang belum disetujui.", live=False)
        self.dinkes_news.add_child(instance=draft)
        draft.save_revision()
        # A live article with unapproved changes: the public searches the published text only.
        self.roads.lead = "Kata safir hanya ada di draf."
        self.roads.save_revision()
        self.assertContains(self.search("zamrud", lingkup="portal"), "0 hasil")
        self.assertContains(self.search("safir", lingkup="portal"), "0 hasil")
        self.assertContains(self.search("ambulans"), "Ambulans Desa Kini Lebih Cepat")

    def test_site_search_stays_on_the_site_and_portal_search_covers_every_opd_with_labels(self):
        on_site = self.search("desa").content.decode()
        self.assertIn("Ambulans Desa Kini Lebih Cepat", on_site)
        self.assertNotIn("Sekolah Desa Terpencil", on_site)
        for response in (self.search("desa", lingkup="portal"), self.search("desa", host=PORTAL)):
            html = response.content.decode()
            self.assertIn('<span class="opd-label">Dinas Kesehatan</span>', html)
            self.assertIn('<span class="opd-label">Dinas Pendidikan</span>', html)
            # Another OPD's result links to that OPD's own host.
            self.assertIn(f'href="{self.school.get_full_url()}"', html)

    def test_expired_announcements_are_left_out_and_current_ones_found(self):
        index = add_index(self.dinkes, AnnouncementIndexPage, "Pengumuman", "pengumuman")
        publish(
            index, AnnouncementPage(title="Vaksinasi Rabies Gratis", summary="Berlaku.", valid_until=days(3))
        )
        publish(
            index,
            AnnouncementPage(
                title="Vaksinasi Rabies Lama",
                summary="Sudah lewat.",
                valid_from=days(-30),
                valid_until=days(-1),
            ),
        )
        response = self.search("rabies")
        self.assertContains(response, "Vaksinasi Rabies Gratis")
        self.assertNotContains(response, "Vaksinasi Rabies Lama")

    def test_results_are_paginated(self):
        for number in range(12):
            add_article(self.dinkes_news, f"Posyandu Keliling {number:02d}", "Posyandu hadir di desa.")
        first = self.search("posyandu").content.decode()
        self.assertIn("12 hasil", first)
        self.assertEqual(first.count('<span class="opd-label">'), 10)
        second = self.search("posyandu", halaman=2).content.decode()
        self.assertEqual(second.count('<span class="opd-label">'), 2)

    @skipUnless(connection.vendor == "postgresql", "the bounded ranking is PostgreSQL's")
    def test_postgresql_ranks_among_the_newest_matches_and_caps_the_count(self):
        for number in range(5):
            add_article(self.dinkes_news, f"Posyandu Keliling {number:02d}", "Posyandu hadir di desa.")
        # The title holds the word twice (Wagtail weighs titles above bodies): it ranks first.
        add_article(self.dinkes_news, "Posyandu, Posyandu Balita", "Kabar lain.")
        # Within the OPD (its own pages walked newest first) and across the portal (the newest
        # pages of every OPD walked): the same ranking and the same cap.
        for scope in ("situs", "portal"):
            with self.subTest(scope=scope), patch("home.search.views.CANDIDATES", 4):
                html = self.search("posyandu", lingkup=scope).content.decode()
                self.assertIn("Lebih dari 4 hasil", html)
                self.assertEqual(html.count('<span class="opd-label">'), 4)
                titles = re.findall(r"<h2><a [^>]*>([^<]+)</a></h2>", html)
                self.assertEqual(titles[0], "Posyandu, Posyandu Balita")
                # Among the newest four: the oldest two articles are left out.
                self.assertNotIn("Posyandu Keliling 00", titles)
                self.assertNotIn("Posyandu Keliling 01", titles)
        self.assertIn("6 hasil", self.search("posyandu").content.decode())

    def test_empty_or_too_long_query_is_handled(self):
        self.assertNotContains(self.search(""), "hasil untuk")
        too_long = self.search("a" * 201)
        self.assertEqual(too_long.status_code, 200)
        self.assertContains(too_long, 'class="field-error"')

    def test_results_query_count_does_not_grow_with_matches(self):
        def grow():
            for number in range(8):
                add_article(self.disdik_news, f"Guru Desa {number}", "Guru baru untuk desa.")

        self.assert_constant_queries(
            "/cari/?q=desa&lingkup=portal", DINKES, grow, expect_growth_in="Guru Desa 7"
        )
