"""The survey as a citizen meets it over HTTP: reachable from the PPID's links, counted once per
visit, field errors with nothing lost, bots and floods refused without an error page, and the
closed period's result page with its band."""

from django.core.cache import cache
from django.test import Client, TestCase, override_settings
from django.utils import timezone

from opd.tests.factories import make_opd
from ppid.skm.models import SurveyResponse

from .factories import form_data, open_period, respond, service

HOST = "dinkes.ketapangkab.localhost"
PHONE = "Mozilla/5.0 (Linux; Android 14; SM-A146P) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"


class SurveyFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.period = open_period(cls.dinkes)
        cls.service = service(cls.dinkes)

    def setUp(self):
        cache.clear()
        self.client = Client(headers={"host": HOST, "user-agent": PHONE})

    def post(self, data, client=None):
        return (client or self.client).post("/skm/", data)

    def test_home_page_footer_and_ppid_page_link_the_survey_in_both_languages(self):
        for prefix in ("", "/en"):
            with self.subTest(language=prefix or "id"):
                html = self.client.get(f"{prefix}/").content.decode()
                footer = html[html.index('class="footer-ppid"') :]
                self.assertIn(f'href="{prefix}/skm/"', footer)
                self.assertContains(self.client.get(f"{prefix}/ppid/"), f'href="{prefix}/skm/hasil/"')
        self.assertEqual(self.client.get("/en/skm/").status_code, 200)

    def test_a_standar_pelayanan_page_invites_its_users_to_the_survey_with_the_service_chosen(self):
        page = self.client.get(self.service.url)
        self.assertContains(page, f'href="/skm/?layanan={self.service.pk}"')
        form = self.client.get(f"/skm/?layanan={self.service.pk}")
        self.assertContains(form, f'<option value="{self.service.pk}" selected>')

    def test_a_response_from_a_phone_is_counted_with_its_service_and_a_thank_you_page(self):
        response = self.post(form_data(service=self.service.pk, suggestion="Antrean perlu nomor urut."))
        self.assertRedirects(response, "/skm/terima-kasih/")
        stored = SurveyResponse.objects.get()
        self.assertEqual(
            (stored.opd, stored.period, stored.service), (self.dinkes, self.period, self.service)
        )
        self.assertEqual(stored.answers, (4, 3, 3, 4, 3, 3, 4, 3, 3))
        self.assertEqual(stored.suggestion, "Antrean perlu nomor urut.")
        self.assertFalse(stored.suggestion_held)
        thanks = self.client.get("/skm/terima-kasih/")
        self.assertContains(thanks, "Jawaban Anda sudah kami terima")
        self.assertEqual(thanks["Referrer-Policy"], "strict-origin")

    def test_the_form_asks_no_name_and_no_nik(self):
        html = self.client.get("/skm/").content.decode()
        for name in ('name="name"', 'name="nik"', 'name="email"', 'name="phone"'):
            self.assertNotIn(name, html)
        self.assertIn("Dikelola dengan baik", html)  # the regulation's wording of U8's best answer

    def test_missing_answers_are_field_errors_and_nothing_typed_is_lost(self):
        data = form_data(service=self.service.pk, suggestion="Ruang tunggu panas.")
        del data["u3"]
        data["u7"] = "5"
        response = self.post(data)
        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        self.assertIn("u3", form.errors)
        self.assertIn("u7", form.errors)
        self.assertNotIn("u1", form.errors)
        self.assertContains(response, "Pilih salah satu jawaban.")
        self.assertContains(response, "Ruang tunggu panas.")
        self.assertContains(response, 'value="4" id="id_u1_3" required checked')
        self.assertEqual(SurveyResponse.objects.count(), 0)

    def test_the_service_is_required_when_the_opd_has_standards(self):
        response = self.post(form_data())
        self.assertIn("service", response.context["form"].errors)
        self.assertEqual(SurveyResponse.objects.count(), 0)

    def test_a_repeat_in_the_same_visit_is_refused_without_an_error_page(self):
        self.assertEqual(self.post(form_data(service=self.service.pk)).status_code, 302)
        again = self.post(form_data(service=self.service.pk))
        self.assertEqual(again.status_code, 200)
        self.assertContains(again, "Anda sudah mengisi survei")
        self.assertEqual(SurveyResponse.objects.count(), 1)

    def test_a_forged_cookie_does_not_count_as_answered(self):
        self.client.cookies[f"skm-{self.dinkes.pk}"] = str(self.period.pk)
        self.assertEqual(self.post(form_data(service=self.service.pk)).status_code, 302)

    def test_a_bot_filling_the_honeypot_is_refused_quietly(self):
        response = self.post(form_data(service=self.service.pk, website="http://spam.example"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Jawaban tidak dapat diterima")
        self.assertEqual(SurveyResponse.objects.count(), 0)

    @override_settings(PORTAL_PPID_RATE_LIMIT=2)
    def test_many_responses_from_one_address_are_held_back_with_a_429_and_the_form_kept(self):
        for _ in range(2):
            self.assertEqual(
                self.post(form_data(service=self.service.pk), Client(headers={"host": HOST})).status_code, 302
            )
        refused = self.post(
            form_data(service=self.service.pk, suggestion="Tetap di sini."), Client(headers={"host": HOST})
        )
        self.assertEqual(refused.status_code, 429)
        self.assertIn("Retry-After", refused)
        self.assertContains(refused, "Tetap di sini.", status_code=429)
        self.assertEqual(SurveyResponse.objects.count(), 2)

    @override_settings(PORTAL_SPAM_TERMS=["slot gacor"])
    def test_a_suggestion_the_integrity_scanner_flags_is_held(self):
        self.post(form_data(service=self.service.pk, suggestion="Main slot gacor di https://judi.example/"))
        self.assertTrue(SurveyResponse.objects.get().suggestion_held)

    def test_no_open_period_means_no_form(self):
        self.period.closed_at = timezone.now()
        self.period.save()
        response = self.client.get("/skm/")
        self.assertContains(response, "sedang tidak membuka periode survei")
        self.assertNotContains(response, 'name="u1"')
        self.post(form_data(service=self.service.pk))
        self.assertEqual(SurveyResponse.objects.count(), 0)

    def test_an_unknown_host_gets_the_portal_and_the_portal_has_its_own_survey(self):
        response = Client(headers={"host": "ketapangkab.localhost"}).get("/skm/")
        self.assertContains(response, "sedang tidak membuka periode survei")

    def test_the_closed_period_publishes_its_result_with_the_band_and_only_then(self):
        for answers in [
            (4, 4, 3, 4, 3, 3, 4, 3, 3),
            (3, 3, 3, 4, 3, 4, 4, 3, 3),
            (4, 3, 2, 4, 3, 3, 4, 2, 3),
            (3, 3, 3, 4, 4, 3, 4, 3, 2),
        ]:
            respond(self.period, answers, self.service, sex="L")
        listing = self.client.get("/skm/hasil/")
        self.assertContains(listing, "Belum ada periode survei yang ditutup.")
        self.assertEqual(self.client.get(f"/skm/hasil/{self.period.pk}/").status_code, 404)
        self.period.closed_at = timezone.now()
        self.period.save()
        result = self.client.get(f"/skm/hasil/{self.period.pk}/")
        self.assertContains(result, '<dd class="skm-ikm">81,94</dd>', html=False)
        self.assertContains(result, "B (Baik)")
        self.assertContains(result, "Penerbitan Surat Keterangan Sehat")
        self.assertContains(result, "Laki-laki: 4")
        self.assertContains(self.client.get("/skm/hasil/"), "81,94")
        # Another OPD's site does not show it.
        other = make_opd("disdik", "Dinas Pendidikan")
        self.assertEqual(
            Client(headers={"host": "disdik.ketapangkab.localhost"})
            .get(f"/skm/hasil/{self.period.pk}/")
            .status_code,
            404,
        )
        self.assertFalse(other.survey_periods.exists())

    def test_the_regency_portal_lists_each_opds_latest_closed_result(self):
        respond(self.period, (4,) * 9, self.service)
        self.period.closed_at = timezone.now()
        self.period.save()
        portal = Client(headers={"host": "ketapangkab.localhost"}).get("/skm/hasil/")
        self.assertContains(portal, "IKM seluruh perangkat daerah")
        self.assertContains(portal, f'href="http://dinkes.ketapangkab.localhost/skm/hasil/{self.period.pk}/"')
        self.assertContains(portal, "A (Sangat Baik)")
        self.assertNotContains(self.client.get("/skm/hasil/"), "IKM seluruh perangkat daerah")
