"""The banner on the public sites over time (time-machine): every site, both languages, on
from its start and gone at its end without anyone acting; the OPD's own notice on its site
only; the cache lifetime cut at the banner's next change; the JSON endpoint and RSS feed."""

import datetime
import json

import time_machine
from django.test import Client, TestCase
from django.utils.http import parse_http_date

from home.alerts.models import Level
from opd.tests.factories import make_opd

from .factories import DINKES, DISPAR, PORTAL, make_alert, wib

HOSTS = (PORTAL, DINKES, DISPAR)
START = wib(2026, 12, 5, 8, 0)


def get(path, host, **headers):
    return Client(headers={"host": host, **headers}).get(path)


class BannerOverTimeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.dispar = make_opd("dispar", "Dinas Pariwisata")
        cls.flood = make_alert(
            level=Level.DARURAT,
            text="Banjir Sungai Pawan: hindari jalan Ketapang–Sukadana",
            text_en="Pawan river flood: avoid the Ketapang–Sukadana road",
            link="https://bpbd.ketapangkab.go.id/banjir",
            starts_at=START,
            hours=6,
        )

    def test_regency_alert_shows_on_every_site_from_its_start_and_is_gone_at_its_end(self):
        with time_machine.travel(START - datetime.timedelta(minutes=1), tick=False):
            for host in HOSTS:
                self.assertNotContains(get("/", host), "Banjir Sungai Pawan")
        with time_machine.travel(START + datetime.timedelta(minutes=1), tick=False):
            for host in HOSTS:
                response = get("/", host)
                self.assertContains(response, "Banjir Sungai Pawan: hindari jalan Ketapang–Sukadana")
                self.assertContains(response, 'role="alert"', count=1)
                self.assertContains(response, 'href="https://bpbd.ketapangkab.go.id/banjir"')
                english = get("/en/", host)
                self.assertContains(english, "Pawan river flood: avoid the Ketapang–Sukadana road")
                self.assertContains(english, "Emergency")
            # Every page, not only the home page: a 404 too.
            self.assertContains(get("/tidak-ada/", DINKES), "Banjir Sungai Pawan", status_code=404)
        with time_machine.travel(START + datetime.timedelta(hours=6), tick=False):
            for host in HOSTS:
                self.assertNotContains(get("/", host), "Banjir Sungai Pawan")
                self.assertNotContains(get("/en/", host), "Pawan river flood")

    def test_opd_notice_shows_below_the_regency_alert_on_its_own_site_only_without_role_alert(self):
        make_alert(
            site=self.dinkes.site, level=Level.WASPADA, text="Posyandu Delta Pawan pindah", starts_at=START
        )
        with time_machine.travel(START + datetime.timedelta(minutes=1), tick=False):
            page = get("/", DINKES).content.decode()
            self.assertLess(page.index("Banjir Sungai Pawan"), page.index("Posyandu Delta Pawan pindah"))
            self.assertEqual(page.count('role="alert"'), 1)  # darurat only
            for host in (PORTAL, DISPAR):
                self.assertNotContains(get("/", host), "Posyandu Delta Pawan")
            # No English text written: the Indonesian shows on the English page.
            self.assertContains(get("/en/", DINKES), "Posyandu Delta Pawan pindah")

    def test_cached_copies_never_outlive_the_banners_next_change(self):
        with time_machine.travel(START - datetime.timedelta(seconds=90), tick=False):
            before = get("/", DISPAR)
            self.assertEqual(before["Cache-Control"], "public, max-age=60, s-maxage=90")
            self.assertEqual(before["X-Portal-Expires-Exactly"], "1")
        with time_machine.travel(START + datetime.timedelta(hours=5, minutes=50), tick=False):
            during = get("/", DISPAR)
            self.assertEqual(during["Cache-Control"], "public, max-age=60, s-maxage=600")
            # The page changed when the banner appeared: a copy from before is not "not modified".
            self.assertGreaterEqual(parse_http_date(during["Last-Modified"]), START.timestamp())
        with time_machine.travel(START - datetime.timedelta(days=2), tick=False):
            far = get("/", DISPAR)
            self.assertEqual(far["Cache-Control"], "public, max-age=60, s-maxage=3600")
            self.assertNotIn("X-Portal-Expires-Exactly", far)

    def test_json_endpoint_gives_both_languages_for_other_systems(self):
        with time_machine.travel(START + datetime.timedelta(minutes=1), tick=False):
            response = get("/peringatan.json", DISPAR)
            self.assertEqual(response["Access-Control-Allow-Origin"], "*")
            self.assertIn("s-maxage=", response["Cache-Control"])
            data = json.loads(response.content)
            self.assertEqual(data["site"], DISPAR)
            [alert] = data["alerts"]
            self.assertEqual(alert["scope"], "kabupaten")
            self.assertEqual(alert["level"], "darurat")
            self.assertEqual(alert["level_label"], {"id": "Darurat", "en": "Emergency"})
            self.assertEqual(alert["text"]["en"], "Pawan river flood: avoid the Ketapang–Sukadana road")
            self.assertEqual(alert["ends_at"], "2026-12-05T14:00:00+07:00")
        with time_machine.travel(START + datetime.timedelta(hours=7), tick=False):
            self.assertEqual(json.loads(get("/peringatan.json", DISPAR).content)["alerts"], [])

    def test_rss_feed_in_each_language(self):
        with time_machine.travel(START + datetime.timedelta(minutes=1), tick=False):
            feed = get("/peringatan/rss/", PORTAL)
            self.assertEqual(feed.status_code, 200)
            self.assertContains(feed, "Darurat: Banjir Sungai Pawan")
            self.assertContains(get("/en/peringatan/rss/", PORTAL), "Emergency: Pawan river flood")
        with time_machine.travel(START + datetime.timedelta(hours=7), tick=False):
            self.assertNotContains(get("/peringatan/rss/", PORTAL), "Banjir")
