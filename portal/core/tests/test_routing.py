"""Finding the page for a URL (core/routing.py), through the public site: the same answers as
Wagtail's routing (pages, sub-routes such as feeds, 404s, renames, unpublishing) in a fixed
number of queries, and a warm page that reads few cache keys and writes none."""

from contextlib import contextmanager
from datetime import date
from unittest import mock

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from opd.tests.factories import make_opd
from tests.content import add_index, make_image, publish

HOST = "dinkes.ketapangkab.localhost"
READS = ("get", "get_many")
WRITES = ("set", "set_many", "add", "delete", "delete_many", "incr", "touch")


@contextmanager
def cache_calls():
    """Every call made to Django's caches inside the block, as (method, first argument); not the
    calls a backend makes to itself (the local-memory cache's get_many calls its get)."""
    calls = []
    depth = [0]
    patches = []
    for alias in settings.CACHES:
        backend = caches[alias]
        for name in READS + WRITES:
            original = getattr(backend, name)

            def spy(*args, _name=name, _original=original, **kwargs):
                if not depth[0]:
                    calls.append((_name, args[0] if args else None))
                depth[0] += 1
                try:
                    return _original(*args, **kwargs)
                finally:
                    depth[0] -= 1

            patches.append(mock.patch.object(backend, name, spy))
    for patch in patches:
        patch.start()
    try:
        yield calls
    finally:
        for patch in patches:
            patch.stop()


class RoutingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.news_index = add_index(cls.dinkes, NewsIndexPage, "Berita", "berita")
        cls.article = publish(
            cls.news_index,
            NewsPage(
                title="Posyandu keliling di Delta Pawan",
                slug="posyandu-keliling",
                date=date(2026, 11, 2),
                lead="Petugas mendatangi warga.",
                featured_image=make_image(cls.dinkes, "Posyandu"),
                body=[("paragraph", "<p>Petugas menimbang balita.</p>")],
            ),
        )
        cls.profile = add_index(cls.dinkes, StandardPage, "Profil", "profil")

    def get(self, path):
        return self.client.get(path, headers={"host": HOST})

    def test_an_article_three_levels_down_costs_four_queries_and_keeps_its_trail(self):
        self.assertEqual(self.get("/berita/posyandu-keliling/").status_code, 200)
        with CaptureQueriesContext(connection) as queries:
            response = self.get("/berita/posyandu-keliling/")
        self.assertContains(response, "Posyandu keliling di Delta Pawan")
        # The pages along the path, the article itself, its translations (language switcher), and
        # its related articles (kept until the next publication, so read again only in tests
        # that publish); Wagtail's routing cost five for the first two alone.
        self.assertLessEqual(len(queries), 4, [q["sql"][:120] for q in queries])
        trail = response.content.decode().split('class="breadcrumb"', 1)[1].split("</nav>", 1)[0]
        self.assertIn('href="/berita/"', trail)
        self.assertIn(">Berita<", trail)
        self.assertIn('aria-current="page">Posyandu keliling di Delta Pawan<', trail)

    def test_the_home_page_and_a_plain_page_are_found(self):
        self.assertContains(self.get("/"), "Dinas Kesehatan")
        self.assertContains(self.get("/profil/"), "Profil")

    def test_a_list_pages_feed_is_still_its_own_sub_route(self):
        response = self.get("/berita/rss/")
        self.assertEqual(response.status_code, 200)
        self.assertIn("xml", response["Content-Type"])
        self.assertContains(response, "Posyandu keliling di Delta Pawan")

    def test_what_does_not_exist_is_404(self):
        for path in ("/berita/tidak-ada/", "/tidak-ada/", "/tidak-ada/posyandu-keliling/", "/profil/berita/"):
            with self.subTest(path=path):
                self.assertEqual(self.get(path).status_code, 404)

    def test_a_page_of_another_opd_is_not_found_on_this_host(self):
        other = make_opd("dindik", "Dinas Pendidikan")
        add_index(other, NewsIndexPage, "Kabar", "kabar")
        self.assertEqual(self.get("/kabar/").status_code, 404)
        self.assertEqual(
            self.client.get("/kabar/", headers={"host": "dindik.ketapangkab.localhost"}).status_code, 200
        )

    def test_a_renamed_list_moves_its_articles_at_once(self):
        self.assertEqual(self.get("/berita/posyandu-keliling/").status_code, 200)
        self.news_index.slug = "kabar"
        self.news_index.save_revision().publish(skip_permission_checks=True)
        self.assertEqual(self.get("/berita/posyandu-keliling/").status_code, 404)
        self.assertContains(self.get("/kabar/posyandu-keliling/"), "Posyandu keliling di Delta Pawan")

    def test_an_unpublished_article_is_gone_at_once(self):
        self.assertEqual(self.get("/berita/posyandu-keliling/").status_code, 200)
        self.article.unpublish()
        self.assertEqual(self.get("/berita/posyandu-keliling/").status_code, 404)

    def test_a_warm_article_reads_a_few_cache_keys_and_writes_none(self):
        self.get("/berita/posyandu-keliling/")
        self.get("/berita/posyandu-keliling/")
        with cache_calls() as calls:
            response = self.get("/berita/posyandu-keliling/")
        self.assertEqual(response.status_code, 200)
        writes = [call for call in calls if call[0] in WRITES]
        # Renditions read from the cache were written back on every request (Wagtail's
        # get_rendition), and each shared version was its own round trip.
        self.assertEqual(writes, [])
        reads = [call for call in calls if call[0] in READS]
        self.assertLessEqual(len(reads), 10, reads)
        versions = [call for call in reads if call[0] == "get" and str(call[1]).endswith("-version")]
        self.assertEqual(versions, [])  # all read together when the request started
