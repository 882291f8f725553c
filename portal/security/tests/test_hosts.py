"""ALLOWED_HOSTS derived from the Wagtail sites, checked per request in production."""

from django.core.cache import cache
from django.test import TestCase, override_settings
from wagtail.models import Site

from opd.tests.factories import make_opd

PRODUCTION_HOSTS = {
    "ALLOWED_HOSTS": ["*"],
    "PORTAL_ALLOWED_HOSTS_FROM_SITES": True,
    "PORTAL_EXTRA_ALLOWED_HOSTS": ["www.ketapangkab.localhost"],
}


@override_settings(**PRODUCTION_HOSTS)
class SiteHostsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")

    def setUp(self):
        # The hostname list is cached; a rolled-back test must not leave its sites behind.
        cache.clear()

    def get(self, host, path="/"):
        return self.client.get(path, headers={"host": host})

    def test_every_site_hostname_is_served(self):
        self.assertEqual(self.get("ketapangkab.localhost").status_code, 200)
        self.assertEqual(self.get("dinkes.ketapangkab.localhost").status_code, 200)
        self.assertEqual(self.get("DINKES.ketapangkab.localhost:443").status_code, 200)

    def test_extra_host_from_the_environment_is_served(self):
        self.assertEqual(self.get("www.ketapangkab.localhost").status_code, 200)

    def test_unknown_host_is_refused(self):
        self.assertEqual(self.get("phishing.example").status_code, 400)
        self.assertEqual(self.get("dinsos.ketapangkab.localhost").status_code, 400)

    def test_new_opd_site_is_served_as_soon_as_it_exists(self):
        self.assertEqual(self.get("dinsos.ketapangkab.localhost").status_code, 400)
        make_opd("dinsos", "Dinas Sosial")
        self.assertEqual(self.get("dinsos.ketapangkab.localhost").status_code, 200)
        site = Site.objects.get(hostname="dinsos.ketapangkab.localhost")
        site.hostname = "dinsos-baru.ketapangkab.localhost"
        site.save()
        self.assertEqual(self.get("dinsos.ketapangkab.localhost").status_code, 400)
        self.assertEqual(self.get("dinsos-baru.ketapangkab.localhost").status_code, 200)

    def test_health_check_answers_a_load_balancer_probing_by_address(self):
        self.assertEqual(self.get("10.0.0.12", "/healthz/").status_code, 200)

    @override_settings(ADMINS=[("Web Developer", "webdev@ketapangkab.localhost")])
    def test_unknown_host_is_logged_once_as_a_warning_without_a_traceback_or_mail(self):
        from django.core import mail

        with self.assertLogs("django", "DEBUG") as logged:
            self.assertEqual(self.get("phishing.example").status_code, 400)
        about_it = [record for record in logged.records if "phishing.example" in record.getMessage()]
        self.assertEqual(len(about_it), 1, logged.output)
        self.assertEqual(
            (about_it[0].name, about_it[0].levelname), ("django.security.DisallowedHost", "WARNING")
        )
        self.assertIsNone(about_it[0].exc_info)
        self.assertEqual(mail.outbox, [])  # error mail goes to the Web Developer for ERROR only
