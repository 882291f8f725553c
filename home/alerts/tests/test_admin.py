"""Who may set which alert, through the admin as each role (issue 24): the regency portal's
Web Administrator and the Web Developer set the regency-wide banner; an OPD's Web
Administrator only a lower-level notice for its own site, and can neither change nor
delete nor hide the regency's."""

from django.test import TestCase
from wagtail.models import ModelLogEntry

from home.alerts.models import Alert, Level
from opd.roles import Role
from opd.tests.factories import UserFactory, make_opd, member
from tests.admin import form_errors, is_refused, login

from .factories import DINKES, PORTAL, make_alert

LIST = "/admin/snippets/alerts/alert/"
ADD = f"{LIST}add/"


def edit_url(alert):
    return f"{LIST}edit/{alert.pk}/"


def delete_url(alert):
    return f"{LIST}delete/{alert.pk}/"


def form(
    site="", level=Level.DARURAT, text="Banjir Sungai Pawan: jalan Ketapang–Sukadana tergenang", **extra
):
    data = {
        "site": site,
        "level": level,
        "text": text,
        "text_en": "Pawan river flood: the Ketapang–Sukadana road is under water",
        "link": "https://bpbd.ketapangkab.go.id/banjir",
        "starts_at": "2026-12-05 08:00",
        "ends_at": "2026-12-06 08:00",
    }
    data.update(extra)
    return data


class AlertAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.dispar = make_opd("dispar", "Dinas Pariwisata")
        cls.regency_admin = member(cls.portal, Role.WEBADMIN)
        cls.portal_redaktur = member(cls.portal, Role.REDAKTUR)
        cls.dinkes_admin = member(cls.dinkes, Role.WEBADMIN)
        cls.dinkes_editor = member(cls.dinkes, Role.EDITOR)
        cls.developer = UserFactory(username="developer", is_superuser=True)

    def test_regency_web_administrator_publishes_a_regency_wide_alert_in_the_audit_log(self):
        client = login(self.regency_admin)
        self.assertContains(client.get(ADD), "Seluruh situs Pemerintah Kabupaten Ketapang")
        response = client.post(ADD, form())
        self.assertEqual(response.status_code, 302, form_errors(response))
        alert = Alert.objects.get()
        self.assertIsNone(alert.site)
        self.assertEqual(alert.level, Level.DARURAT)
        log = ModelLogEntry.objects.get(object_id=str(alert.pk), action="wagtail.create")
        self.assertEqual(log.user, self.regency_admin)

        response = client.post(
            edit_url(alert), form(text="Banjir surut di Kota Ketapang", level=Level.WASPADA)
        )
        self.assertEqual(response.status_code, 302, form_errors(response))
        alert.refresh_from_db()
        self.assertEqual(alert.text, "Banjir surut di Kota Ketapang")
        self.assertTrue(ModelLogEntry.objects.filter(object_id=str(alert.pk), action="wagtail.edit").exists())

        self.assertEqual(client.post(delete_url(alert)).status_code, 302)
        self.assertFalse(Alert.objects.exists())
        self.assertTrue(
            ModelLogEntry.objects.filter(object_id=str(alert.pk), action="wagtail.delete").exists()
        )

    def test_web_developer_publishes_one_too(self):
        response = login(self.developer).post(ADD, form())
        self.assertEqual(response.status_code, 302, form_errors(response))
        self.assertIsNone(Alert.objects.get().site)

    def test_end_before_start_is_a_field_error_and_nothing_is_saved(self):
        response = login(self.regency_admin).post(ADD, form(ends_at="2026-12-05 07:00"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(form_errors(response), ["Waktu berakhir harus sesudah waktu mulai."])
        self.assertFalse(Alert.objects.exists())

    def test_opd_web_administrator_cannot_set_a_regency_wide_or_darurat_alert(self):
        client = login(self.dinkes_admin, host=DINKES)
        page = client.get(ADD)
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, "Seluruh situs Pemerintah Kabupaten Ketapang")
        self.assertNotContains(page, 'value="darurat"')
        # A forged form: no site (regency-wide) is refused, the OPD's own site is used instead.
        response = client.post(ADD, form(level=Level.WASPADA))
        self.assertEqual(response.status_code, 302, form_errors(response))
        self.assertEqual(Alert.objects.get().site, self.dinkes.site)
        Alert.objects.all().delete()
        # darurat is not theirs, even for their own site.
        response = client.post(ADD, form(site=self.dinkes.site.pk, level=Level.DARURAT))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(form_errors(response))
        self.assertFalse(Alert.objects.exists())

    def test_opd_web_administrator_cannot_see_change_delete_or_hide_the_regency_alert(self):
        regency = make_alert(text="Kabut asap: kualitas udara tidak sehat")
        other = make_alert(
            site=self.dispar.site, level=Level.INFORMASI, text="Objek wisata Pantai Air Mata Permai tutup"
        )
        client = login(self.dinkes_admin, host=DINKES)
        listing = client.get(LIST)
        self.assertEqual(listing.status_code, 200)
        self.assertNotContains(listing, "Kabut asap")
        self.assertNotContains(listing, "Pantai Air Mata")
        for alert in (regency, other):
            self.assertEqual(client.get(edit_url(alert)).status_code, 404)
            self.assertEqual(
                client.post(
                    edit_url(alert), form(site=self.dinkes.site.pk, level=Level.INFORMASI, text="Aman")
                ).status_code,
                404,
            )
            self.assertEqual(client.post(delete_url(alert)).status_code, 404)
        bulk = client.post(f"/admin/bulk/alerts/alert/delete/?next={LIST}&id={regency.pk}&id={other.pk}", {})
        self.assertIn(bulk.status_code, (200, 302, 403, 404))
        regency.refresh_from_db()
        other.refresh_from_db()
        self.assertEqual(regency.text, "Kabut asap: kualitas udara tidak sehat")
        self.assertEqual(Alert.objects.count(), 2)

    def test_opd_notice_goes_to_their_own_site_only(self):
        client = login(self.dinkes_admin, host=DINKES)
        response = client.post(ADD, form(site=self.dispar.site.pk, level=Level.INFORMASI))
        # One site of their own: the field is fixed to it, a forged other site is ignored.
        self.assertEqual(response.status_code, 302, form_errors(response))
        notice = Alert.objects.get()
        self.assertEqual(notice.site, self.dinkes.site)
        self.assertEqual(client.get(edit_url(notice)).status_code, 200)
        self.assertEqual(client.post(delete_url(notice)).status_code, 302)
        self.assertFalse(Alert.objects.exists())

    def test_other_roles_do_not_reach_the_alerts(self):
        alert = make_alert(site=self.dinkes.site, level=Level.INFORMASI)
        for user, host in ((self.dinkes_editor, DINKES), (self.portal_redaktur, PORTAL)):
            client = login(user, host=host)
            for url in (LIST, ADD, edit_url(alert)):
                response = client.get(url)
                self.assertTrue(is_refused(response) or response.status_code == 404, (user, url))
            self.assertTrue(
                is_refused(client.post(ADD, form(site=self.dinkes.site.pk, level=Level.INFORMASI)))
            )
            self.assertNotContains(client.get("/admin/"), LIST)
        self.assertEqual(Alert.objects.count(), 1)

    def test_the_menu_offers_alerts_to_web_administrators_only(self):
        self.assertContains(login(self.regency_admin).get("/admin/"), LIST)
        self.assertContains(login(self.dinkes_admin, host=DINKES).get("/admin/"), LIST)
