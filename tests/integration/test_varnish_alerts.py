"""The alert banner through Varnish (issue 24): set on the portal by the regency's Web
Administrator, it appears on every demo host on the next request although every home page
was cached, and it is gone from the cached pages at its end time without anyone acting."""

import datetime
import io
import time

import requests
from django.core.management import call_command
from django.test import LiveServerTestCase, override_settings
from django.utils import timezone

from home.alerts.models import Alert
from opd.models import OPD
from opd.roles import Role
from opd.tests.factories import member
from tests.admin import form_errors, login
from tests.integration.services import varnish
from tests.transactional import KeepsMigratedData

TEXT = "Kabut asap pekat: kurangi kegiatan di luar ruangan"


class VarnishAlertTests(KeepsMigratedData, LiveServerTestCase):
    """deploy/varnish/portal.vcl on loopback in front of the demo served by the test server."""

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
        for _ in range(100):
            if requests.get(f"http://127.0.0.1:{cls.http_port}/healthz/", timeout=5).status_code == 200:
                return
            time.sleep(0.1)
        raise AssertionError(f"Varnish never reached the test server:\n{cls.varnish.log()}")

    def setUp(self):
        with override_settings(DEBUG=True):  # seed_demo refuses to run in production
            call_command("seed_demo", port=self.server_thread.port, stdout=io.StringIO())
        self.hosts = list(OPD.objects.values_list("site__hostname", flat=True))
        self.assertGreaterEqual(len(self.hosts), 3)

    def fetch(self, host, path="/"):
        return requests.get(f"http://127.0.0.1:{self.http_port}{path}", headers={"Host": host}, timeout=10)

    def cache_every_home_page(self):
        for host in self.hosts:
            self.fetch(host)
            self.assertEqual(self.fetch(host).headers["X-Cache"], "HIT", host)

    def test_banner_set_on_the_portal_shows_on_every_demo_host_at_once_and_goes_at_its_end(self):
        self.cache_every_home_page()
        portal = OPD.objects.get(is_portal=True)
        client = login(member(portal, Role.WEBADMIN, username="webadmin.uji"), host=portal.site.hostname)
        now = timezone.localtime()
        response = client.post(
            "/admin/snippets/alerts/alert/add/",
            {
                "site": "",
                "level": "waspada",
                "text": TEXT,
                "text_en": "",
                "link": "",
                "starts_at": now.strftime("%Y-%m-%d %H:%M"),
                "ends_at": (now + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
            },
        )
        self.assertEqual(response.status_code, 302, form_errors(response))
        for host in self.hosts:
            fresh = self.fetch(host)
            self.assertEqual(fresh.headers["X-Cache"], "MISS", host)
            self.assertIn(TEXT, fresh.text, host)
            self.assertIn(TEXT, self.fetch(host, "/peringatan.json").text, host)

        # Its end: moved to a few seconds from now (as the administrator would, through the
        # admin); the copies cached from then on expire with it, whatever Varnish's grace.
        alert = Alert.objects.get()
        end = timezone.now() + datetime.timedelta(seconds=3)
        response = client.post(
            f"/admin/snippets/alerts/alert/edit/{alert.pk}/",
            {
                "site": "",
                "level": "waspada",
                "text": TEXT,
                "text_en": "",
                "link": "",
                "starts_at": timezone.localtime(alert.starts_at).strftime("%Y-%m-%d %H:%M:%S"),
                "ends_at": timezone.localtime(end).strftime("%Y-%m-%d %H:%M:%S"),
            },
        )
        self.assertEqual(response.status_code, 302, form_errors(response))
        alert.refresh_from_db()
        for host in self.hosts:
            self.fetch(host)
            cached = self.fetch(host)
            self.assertEqual(cached.headers["X-Cache"], "HIT", host)
            self.assertIn(TEXT, cached.text)
            self.assertNotIn("X-Portal-Expires-Exactly", cached.headers)
        time.sleep(max(0.0, (alert.ends_at - timezone.now()).total_seconds()) + 1.2)
        for host in self.hosts:
            self.assertNotIn(TEXT, self.fetch(host).text, host)
