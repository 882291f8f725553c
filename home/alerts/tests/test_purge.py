"""Saving, changing or deleting an alert drops the cached pages of the sites it concerns
(against the small fake Varnish of the page-cache tests), once the change is committed."""

from django.test import TransactionTestCase, override_settings

from home.alerts.models import Level
from opd.tests.factories import make_opd
from portal.page_cache.tests.test_page_cache import FakeVarnish
from tests.transactional import KeepsMigratedData

from .factories import DINKES, DISPAR, PORTAL, make_alert


class AlertPurgeTests(KeepsMigratedData, TransactionTestCase):
    def setUp(self):
        self.varnish = FakeVarnish()
        self.addCleanup(self.varnish.close)
        location = f"http://127.0.0.1:{self.varnish.port}"
        backends = {"varnish": {"BACKEND": "portal.page_cache.backends.VarnishBackend", "LOCATION": location}}
        overrider = override_settings(WAGTAILFRONTENDCACHE=backends)
        overrider.enable()
        self.addCleanup(overrider.disable)
        make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        self.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        make_opd("dispar", "Dinas Pariwisata")
        self.varnish.purged_hosts.clear()

    def test_regency_alert_purges_every_host_on_save_change_and_delete(self):
        alert = make_alert()
        self.assertEqual(sorted(self.varnish.purged_hosts), sorted([PORTAL, DINKES, DISPAR]))
        for change in (lambda: alert.save(), alert.delete):
            self.varnish.purged_hosts.clear()
            change()
            self.assertEqual(sorted(self.varnish.purged_hosts), sorted([PORTAL, DINKES, DISPAR]))

    def test_opd_notice_purges_its_own_host_only(self):
        make_alert(site=self.dinkes.site, level=Level.INFORMASI)
        self.assertEqual(self.varnish.purged_hosts, [DINKES])

    def test_unreachable_varnish_does_not_stop_the_alert(self):
        self.varnish.close()
        alert = make_alert()
        alert.refresh_from_db()
        self.assertEqual(alert.level, Level.DARURAT)
