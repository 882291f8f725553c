"""Varnish in front of the portal: anonymous pages are cached, publishing purges them at once."""

import time

import requests
from django.test import LiveServerTestCase, override_settings

from news.models import NewsIndexPage, NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import edit_page, login, workflow_action
from tests.integration.services import varnish
from tests.transactional import KeepsMigratedData

DINKES = "dinkes.ketapangkab.localhost"
PORTAL = "ketapangkab.localhost"


class VarnishPageCacheTests(KeepsMigratedData, LiveServerTestCase):
    """deploy/varnish/portal.vcl, a real varnishd on loopback, the Django test server behind it."""

    host = "127.0.0.1"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.varnish, cls.http_port, cls.purge_port = varnish(cls.server_thread.port)
        cls.addClassCleanup(cls.varnish.stop)
        cls.purging = override_settings(
            WAGTAILFRONTENDCACHE={
                "varnish": {
                    "BACKEND": "portal.page_cache.backends.VarnishBackend",
                    "LOCATION": f"http://127.0.0.1:{cls.purge_port}",
                }
            }
        )
        cls.purging.enable()
        cls.addClassCleanup(cls.purging.disable)
        cls.wait_until_backend_healthy()

    @classmethod
    def wait_until_backend_healthy(cls):
        # Varnish probes /healthz/ before it sends traffic; bounded wait for the first good probe.
        for _ in range(100):
            response = requests.get(f"http://127.0.0.1:{cls.http_port}/healthz/", timeout=5)
            if response.status_code == 200:
                return
            time.sleep(0.1)
        raise AssertionError(f"Varnish never reached the test server:\n{cls.varnish.log()}")

    def fetch(self, path, host=DINKES, headers=None, **kwargs):
        headers = {"Host": host, **(headers or {})}
        return requests.get(f"http://127.0.0.1:{self.http_port}{path}", headers=headers, timeout=10, **kwargs)

    def make_news(self):
        portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        dinkes = make_opd("dinkes", "Dinas Kesehatan")
        people = {role: member(dinkes, role) for role in Role}
        index = NewsIndexPage(title="Berita Dinkes", slug="berita")
        dinkes.site.root_page.add_child(instance=index)
        index.save_revision().publish(skip_permission_checks=True)
        article = NewsPage(title="Posyandu Dibuka", slug="posyandu", lead="Teras berita lama.")
        index.add_child(instance=article)
        article.save_revision().publish(skip_permission_checks=True)
        return portal, people, index, article

    def test_second_fetch_is_a_hit_and_sop_publication_shows_at_once(self):
        _portal, people, index, article = self.make_news()
        url = article.get_url_parts()[2]

        first, second = self.fetch(url), self.fetch(url)
        self.assertEqual((first.status_code, second.status_code), (200, 200))
        self.assertEqual((first.headers["X-Cache"], second.headers["X-Cache"]), ("MISS", "HIT"))
        self.assertIn("Posyandu Dibuka", second.text)
        for path, host in (("/berita/", DINKES), ("/", DINKES), ("/", PORTAL)):
            self.fetch(path, host)
            self.assertEqual(self.fetch(path, host).headers["X-Cache"], "HIT", (host, path))

        # The Penulis rewrites the release; while it is in the SOP the public still sees the old one.
        penulis = login(people[Role.PENULIS], host=DINKES)
        response = edit_page(penulis, article, {"title": "Posyandu Diperluas", "lead": "Teras berita baru."})
        self.assertEqual(response.status_code, 302)
        for role in (Role.EDITOR, Role.REDAKTUR):
            self.assertEqual(
                workflow_action(login(people[role], host=DINKES), article, "approve").status_code, 302
            )
        still_cached = self.fetch(url)
        self.assertEqual(still_cached.headers["X-Cache"], "HIT")
        self.assertIn("Teras berita lama.", still_cached.text)

        # SOP 8: the Web Administrator approves, which publishes; the next visitor sees it.
        webadmin = login(people[Role.WEBADMIN], host=DINKES)
        self.assertEqual(workflow_action(webadmin, article, "approve").status_code, 302)
        article.refresh_from_db()
        self.assertTrue(article.live)
        self.assertEqual(article.title, "Posyandu Diperluas")

        fresh = self.fetch(url)
        self.assertEqual(fresh.headers["X-Cache"], "MISS")
        self.assertIn("Teras berita baru.", fresh.text)
        self.assertNotIn("Teras berita lama.", fresh.text)
        listing = self.fetch("/berita/")
        self.assertEqual(listing.headers["X-Cache"], "MISS")
        self.assertIn("Posyandu Diperluas", listing.text)
        # The OPD home and the regency portal's home were purged with it.
        self.assertEqual(self.fetch("/", DINKES).headers["X-Cache"], "MISS")
        self.assertEqual(self.fetch("/", PORTAL).headers["X-Cache"], "MISS")
        # Each language is its own cached copy: English visitors do not get the Indonesian page.
        self.assertEqual(self.fetch(url, headers={"Accept-Language": "en-GB"}).headers["X-Cache"], "MISS")
        self.assertEqual(self.fetch(url, headers={"Accept-Language": "id"}).headers["X-Cache"], "HIT")

    def test_admin_and_logged_in_visitors_are_never_cached(self):
        self.make_news()
        for _ in range(2):
            response = self.fetch("/admin/login/")
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.headers["X-Cache"], "MISS")
            self.assertIn("private", response.headers["Cache-Control"])
        for _ in range(2):
            response = self.fetch("/", cookies={"sessionid": "abc"})
            self.assertEqual(response.headers["X-Cache"], "MISS")

    def test_purge_is_refused_on_the_public_listener(self):
        response = requests.request(
            "PURGE", f"http://127.0.0.1:{self.http_port}/", headers={"Host": DINKES}, timeout=5
        )
        self.assertEqual(response.status_code, 405)
        allowed = requests.request(
            "PURGE", f"http://127.0.0.1:{self.purge_port}/", headers={"Host": DINKES}, timeout=5
        )
        self.assertEqual(allowed.status_code, 200)
