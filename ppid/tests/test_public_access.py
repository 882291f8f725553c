"""The PPID reached as a citizen reaches it (issue 19): from every site's menu and footer in both
languages, with forms a browser can submit (an Origin header, not "null", passes the CSRF check)
and a branded Indonesian page when the CSRF check refuses a form."""

from django.core.cache import cache
from django.test import Client, TestCase

from home.navigation.models import SiteNavigation
from opd.provisioning import provision_opd
from opd.tests.factories import make_opd
from ppid.models import InformationRequest, PPIDPage

from .factories import request_data

HOST = "dinkes.ketapangkab.localhost"
PPID_PATHS = ("/ppid/dip/", "/ppid/permohonan/", "/ppid/lacak/", "/ppid/keberatan/")


class PPIDFromEverySiteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")

    def setUp(self):
        cache.clear()

    def test_provisioning_gives_each_site_a_published_ppid_page_in_both_languages_and_a_menu_entry(self):
        for opd in (self.portal, self.dinkes):
            with self.subTest(opd=opd.slug):
                pages = PPIDPage.objects.descendant_of(opd.site.root_page.get_parent()).filter(
                    translation_key=PPIDPage.objects.child_of(opd.site.root_page).get().translation_key
                )
                self.assertEqual(
                    sorted(pages.live().values_list("locale__language_code", flat=True)), ["en", "id"]
                )
                menu = SiteNavigation.for_site(opd.site).main_menu
                self.assertEqual([item.value["page"].slug for item in menu], ["ppid"])

    def test_provisioning_again_adds_nothing_twice(self):
        provision_opd(slug="dinkes", name="Dinas Kesehatan", hostname=HOST, port=80)
        key = PPIDPage.objects.child_of(self.dinkes.site.root_page).get().translation_key
        self.assertEqual(PPIDPage.objects.filter(translation_key=key).count(), 2)
        self.assertEqual(len(SiteNavigation.for_site(self.dinkes.site).main_menu), 1)

    def test_menu_and_footer_link_every_ppid_service_in_indonesian_and_english(self):
        client = Client(headers={"host": HOST})
        for prefix in ("", "/en"):
            with self.subTest(language=prefix or "id"):
                home = client.get(f"{prefix}/")
                self.assertEqual(home.status_code, 200)
                html = home.content.decode()
                menu = html[
                    html.index('id="menu-utama"') : html.index("</nav>", html.index('id="menu-utama"'))
                ]
                footer = html[html.index('class="footer-ppid"') :]
                for path in PPID_PATHS:
                    self.assertIn(f'href="{prefix}{path}"', menu)
                    self.assertIn(f'href="{prefix}{path}"', footer)
                for path in ("/ppid/", *PPID_PATHS):
                    self.assertEqual(client.get(prefix + path).status_code, 200, prefix + path)
        english = client.get("/en/ppid/")
        self.assertContains(english, '<html lang="en">')
        self.assertContains(english, "Information requests")

    def test_ppid_pages_keep_the_origin_in_the_referrer_so_that_browsers_send_a_real_origin(self):
        response = Client(headers={"host": HOST}).get("/ppid/permohonan/")
        # "no-referrer" made Chromium send "Origin: null", refused by Django's CSRF check.
        self.assertEqual(response["Referrer-Policy"], "strict-origin")

    def test_a_request_posted_with_the_sites_origin_passes_the_csrf_check(self):
        client = Client(enforce_csrf_checks=True, headers={"host": HOST})
        client.get("/ppid/permohonan/")
        token = client.cookies["csrftoken"].value
        response = client.post(
            "/ppid/permohonan/",
            {**request_data(), "csrfmiddlewaretoken": token},
            headers={"origin": f"http://{HOST}"},
        )
        self.assertEqual(response.status_code, 302)
        item = InformationRequest.objects.get()
        self.assertEqual(response["Location"], f"/ppid/lacak/{item.token}/?baru=1")

    def test_a_refused_form_gets_a_branded_indonesian_page_with_a_way_back(self):
        client = Client(enforce_csrf_checks=True, headers={"host": HOST})
        client.get("/ppid/permohonan/")
        token = client.cookies["csrftoken"].value
        response = client.post(
            "/ppid/permohonan/",
            {**request_data(), "csrfmiddlewaretoken": token},
            headers={"origin": "null"},
        )
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "Formulir tidak dapat dikirim", status_code=403)
        self.assertContains(response, 'href="/ppid/permohonan/"', status_code=403)
        self.assertContains(response, "Dinas Kesehatan", status_code=403)  # the site's own header
        self.assertNotContains(response, "Siti Rahmawati", status_code=403)
        self.assertFalse(InformationRequest.objects.exists())


class TrackingLookupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.other = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")

    def setUp(self):
        cache.clear()
        self.client = Client(headers={"host": HOST})
        self.client.post("/ppid/permohonan/", request_data())
        self.item = InformationRequest.objects.get()

    def test_the_tracking_code_or_a_pasted_link_opens_the_request(self):
        for typed in (self.item.token, f"http://{HOST}/ppid/lacak/{self.item.token}/?baru=1"):
            response = self.client.post("/ppid/lacak/", {"kode": typed})
            self.assertRedirects(response, f"/ppid/lacak/{self.item.token}/", fetch_redirect_response=False)
        response = self.client.post("/ppid/keberatan/", {"kode": self.item.token})
        self.assertRedirects(
            response, f"/ppid/lacak/{self.item.token}/keberatan/", fetch_redirect_response=False
        )

    def test_an_unknown_code_or_another_opds_code_is_refused_with_a_clear_message(self):
        other = Client(headers={"host": "diskominfo.ketapangkab.localhost"})
        for client, code in ((self.client, "tidak-ada"), (other, self.item.token)):
            response = client.post("/ppid/lacak/", {"kode": code})
            self.assertContains(response, "Kode pelacakan tidak dikenal di PPID ini")
            self.assertContains(response, f'value="{code}"')  # what was typed is kept

    def test_the_tracking_page_shows_the_code_to_note(self):
        response = self.client.get(f"/ppid/lacak/{self.item.token}/")
        self.assertContains(response, f'<code class="tracking-code">{self.item.token}</code>')


class ExistingInstallTests(TestCase):
    def test_ensure_opd_roles_gives_an_older_opd_its_ppid_pages_and_menu_entry(self):
        import io

        from django.core.management import call_command

        dinkes = make_opd("dinkes", "Dinas Kesehatan")
        # An OPD provisioned before PPID pages came with provisioning.
        PPIDPage.objects.filter(
            translation_key=PPIDPage.objects.get(
                url_path__endswith="/ppid/", locale__language_code="id"
            ).translation_key
        ).delete()
        navigation = SiteNavigation.for_site(dinkes.site)
        navigation.main_menu = []
        navigation.save()
        self.assertEqual(Client(headers={"host": HOST}).get("/en/ppid/").status_code, 404)

        call_command("ensure_opd_roles", stdout=io.StringIO())
        cache.clear()
        client = Client(headers={"host": HOST})
        self.assertEqual(client.get("/ppid/").status_code, 200)
        self.assertEqual(client.get("/en/ppid/").status_code, 200)
        self.assertContains(client.get("/en/"), 'href="/en/ppid/permohonan/"')
        self.assertEqual(len(SiteNavigation.for_site(dinkes.site).main_menu), 1)
