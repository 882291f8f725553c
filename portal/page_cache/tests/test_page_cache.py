"""Cache-Control for Varnish, and which URLs a publication purges (against a small fake Varnish)."""

import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import time_machine
from django.test import TestCase, TransactionTestCase, override_settings
from wagtail.models import Locale

from news.models import NewsIndexPage, NewsPage
from opd.tests.factories import UserFactory, make_opd
from portal.page_cache.purge import urls_to_purge
from tests.admin import login
from tests.transactional import KeepsMigratedData


def add_news(opd, title="Posyandu", slug="posyandu"):
    index = NewsIndexPage.objects.child_of(opd.site.root_page).first()
    if index is None:
        index = NewsIndexPage(title="Berita", slug="berita")
        opd.site.root_page.add_child(instance=index)
        index.save_revision().publish(skip_permission_checks=True)
    article = NewsPage(title=title, slug=slug, lead="Teras.")
    index.add_child(instance=article)
    return index, article


class FakeVarnish:
    """Records the PURGE requests it receives (Host, path), and apart the hosts it was asked
    to drop whole (``X-Portal-Purge: host``)."""

    def __init__(self):
        received = self.received = []
        hosts = self.purged_hosts = []

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802 - HTTP method name
                if self.headers.get("X-Portal-Purge") == "host":
                    hosts.append(self.headers["Host"])
                else:
                    received.append((self.headers["Host"], self.path))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class CacheControlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")

    def test_anonymous_page_may_be_kept_by_varnish_and_briefly_by_browsers(self):
        response = self.client.get("/", headers={"host": "dinkes.ketapangkab.localhost"})
        self.assertEqual(response["Cache-Control"], "public, max-age=60, s-maxage=3600")

    def test_logged_in_page_and_admin_are_private(self):
        user = UserFactory(username="developer", is_superuser=True, is_staff=True)
        client = login(user, host="dinkes.ketapangkab.localhost")
        page = client.get("/", headers={"host": "dinkes.ketapangkab.localhost"})
        self.assertIn("private", page["Cache-Control"])
        self.assertNotIn("public", page["Cache-Control"])
        self.assertIn("no-store", self.client.get("/admin/login/")["Cache-Control"])

    def test_not_found_is_not_marked_public(self):
        response = self.client.get("/tidak-ada/", headers={"host": "dinkes.ketapangkab.localhost"})
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("public", response.get("Cache-Control", ""))

    @override_settings(ROOT_URLCONF="portal.page_cache.tests.failing_urls")
    def test_server_errors_are_never_stored_by_varnish_or_browsers(self):
        self.client.raise_request_exception = False
        failed = self.client.get("/uji-rusak/", headers={"host": "dinkes.ketapangkab.localhost"})
        self.assertEqual(failed.status_code, 500)
        self.assertContains(failed, "Terjadi gangguan", status_code=500)
        self.assertContains(failed, "Dinas Kesehatan", status_code=500)  # the site's branded page
        self.assertIn("no-store", failed["Cache-Control"])
        self.assertIn("private", failed["Cache-Control"])
        self.assertNotIn("public", failed["Cache-Control"])
        unavailable = self.client.get(
            "/uji-tidak-tersedia/", headers={"host": "dinkes.ketapangkab.localhost"}
        )
        self.assertEqual(unavailable.status_code, 503)
        self.assertIn("no-store", unavailable["Cache-Control"])
        self.assertNotIn("public", unavailable["Cache-Control"])


class LastModifiedTests(TestCase):
    """Last-Modified beside the ETag: a revisit with If-Modified-Since gets a 304 until the page,
    or the public content it shows besides its own (menus, lists), changes."""

    HOST = {"host": "dinkes.ketapangkab.localhost"}

    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")

    def test_a_page_and_its_feed_answer_if_modified_since_with_304_until_a_publication(self):
        # The moment the public content changed is recorded when the publication commits.
        with (
            time_machine.travel(datetime(2026, 11, 2, 8, 0, tzinfo=UTC), tick=False),
            self.captureOnCommitCallbacks(execute=True),
        ):
            _index, article = add_news(self.dinkes)
            article.save_revision().publish(skip_permission_checks=True)
        with time_machine.travel(datetime(2026, 11, 3, 8, 0, tzinfo=UTC), tick=False):
            first = self.client.get("/berita/posyandu/", headers=self.HOST)
            self.assertEqual(first.status_code, 200)
            self.assertEqual(first["Last-Modified"], "Mon, 02 Nov 2026 08:00:00 GMT")
            self.assertIn("ETag", first)
            again = self.client.get(
                "/berita/posyandu/", headers={**self.HOST, "if-modified-since": first["Last-Modified"]}
            )
            self.assertEqual(again.status_code, 304)
            older = self.client.get(
                "/berita/posyandu/",
                headers={**self.HOST, "if-modified-since": "Sun, 01 Nov 2026 08:00:00 GMT"},
            )
            self.assertEqual(older.status_code, 200)
            feed = self.client.get("/berita/rss/", headers=self.HOST)
            self.assertEqual(feed.status_code, 200)
            self.assertIn("Last-Modified", feed)
            self.assertEqual(
                self.client.get(
                    "/berita/rss/", headers={**self.HOST, "if-modified-since": feed["Last-Modified"]}
                ).status_code,
                304,
            )
        with time_machine.travel(datetime(2026, 11, 4, 8, 0, tzinfo=UTC), tick=False):
            with self.captureOnCommitCallbacks(execute=True):
                add_news(self.dinkes, "Imunisasi", "imunisasi")[1].save_revision().publish(
                    skip_permission_checks=True
                )
            # The article itself did not change, but its related articles and lists did.
            after = self.client.get(
                "/berita/posyandu/", headers={**self.HOST, "if-modified-since": first["Last-Modified"]}
            )
            self.assertEqual(after.status_code, 200)
            self.assertEqual(after["Last-Modified"], "Wed, 04 Nov 2026 08:00:00 GMT")


class FragmentCacheTests(TestCase):
    """Header, footer, home blocks and cards are kept rendered; a publication shows at once."""

    HOST = {"host": "dinkes.ketapangkab.localhost"}

    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")

    def test_published_unpublished_and_renamed_content_shows_on_the_next_request(self):
        index, article = add_news(self.dinkes)
        article.save_revision().publish(skip_permission_checks=True)
        self.assertContains(self.client.get("/berita/", headers=self.HOST), "Posyandu")
        self.assertContains(self.client.get("/berita/posyandu/", headers=self.HOST), "Posyandu")
        article.title = "Posyandu Balita"
        article.save_revision().publish(skip_permission_checks=True)
        self.assertContains(self.client.get("/berita/", headers=self.HOST), "Posyandu Balita")
        self.assertContains(self.client.get("/berita/posyandu/", headers=self.HOST), "Posyandu Balita")
        article.unpublish()
        self.assertNotContains(self.client.get("/berita/", headers=self.HOST), "Posyandu")
        # The footer's OPD list follows a renamed OPD.
        self.assertContains(self.client.get("/", headers=self.HOST), "Dinas Kesehatan")
        self.dinkes.name = "Dinas Kesehatan dan KB"
        self.dinkes.save()
        self.assertContains(self.client.get("/", headers=self.HOST), "Dinas Kesehatan dan KB")
        # The menu follows a page's new title (a page published under a new name).
        index.title = "Kabar Dinas"
        index.save_revision().publish(skip_permission_checks=True)
        self.assertEqual(self.client.get("/berita/", headers=self.HOST).status_code, 200)


class PurgeListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")

    def test_publication_purges_the_page_its_listings_the_portal_home_and_site_paths(self):
        _index, article = add_news(self.dinkes)
        urls = urls_to_purge(article)
        for url in (
            "http://dinkes.ketapangkab.localhost/berita/posyandu/",
            "http://dinkes.ketapangkab.localhost/berita/",
            "http://dinkes.ketapangkab.localhost/",
            "http://ketapangkab.localhost/",
            "http://dinkes.ketapangkab.localhost/sitemap.xml",
            "http://dinkes.ketapangkab.localhost/feed/",
            "http://dinkes.ketapangkab.localhost/en/feed/",
            "http://ketapangkab.localhost/sitemap.xml",
        ):
            self.assertIn(url, urls)
        self.assertFalse(any("disdikbud" in url for url in urls))

    def test_publishing_a_translation_purges_the_original_whose_switcher_links_to_it(self):
        index, article = add_news(self.dinkes)
        article.save_revision().publish(skip_permission_checks=True)
        english_index = index.copy_for_translation(Locale.objects.get(language_code="en"))
        english_index.save_revision().publish(skip_permission_checks=True)
        english = article.copy_for_translation(Locale.objects.get(language_code="en"))
        english.save_revision().publish(skip_permission_checks=True)
        urls = urls_to_purge(english)
        self.assertIn("http://dinkes.ketapangkab.localhost/en/berita/posyandu/", urls)
        self.assertIn("http://dinkes.ketapangkab.localhost/berita/posyandu/", urls)


class PurgeOnPublishTests(KeepsMigratedData, TransactionTestCase):
    def setUp(self):
        self.varnish = FakeVarnish()
        self.addCleanup(self.varnish.close)
        location = f"http://127.0.0.1:{self.varnish.port}"
        backends = {"varnish": {"BACKEND": "portal.page_cache.backends.VarnishBackend", "LOCATION": location}}
        overrider = override_settings(WAGTAILFRONTENDCACHE=backends)
        overrider.enable()
        self.addCleanup(overrider.disable)

    def test_publish_and_unpublish_send_purge_for_the_listings(self):
        make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        dinkes = make_opd("dinkes", "Dinas Kesehatan")
        _index, article = add_news(dinkes)
        self.varnish.received.clear()
        article.save_revision().publish(skip_permission_checks=True)
        self.assertIn(("dinkes.ketapangkab.localhost", "/berita/posyandu/"), self.varnish.received)
        self.assertIn(("dinkes.ketapangkab.localhost", "/berita/"), self.varnish.received)
        self.assertIn(("ketapangkab.localhost", "/"), self.varnish.received)

        self.varnish.received.clear()
        article.unpublish()
        self.assertIn(("dinkes.ketapangkab.localhost", "/berita/"), self.varnish.received)

    def test_unreachable_varnish_does_not_block_publishing(self):
        self.varnish.close()
        dinkes = make_opd("dinkes", "Dinas Kesehatan")
        _index, article = add_news(dinkes)
        article.save_revision().publish(skip_permission_checks=True)
        article.refresh_from_db()
        self.assertTrue(article.live)
