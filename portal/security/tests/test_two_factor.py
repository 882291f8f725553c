"""Two-factor authentication: the admin is refused until the session has a verified TOTP code."""

import re

from django.core import mail
from django.test import TestCase, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opd.roles import Role
from opd.tests.factories import UserFactory, make_opd, member
from tests.admin import login


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@override_settings(PORTAL_REQUIRE_2FA=True)
class TwoFactorRequiredTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.editor = member(cls.dinkes, Role.EDITOR)
        cls.developer = UserFactory(username="developer", is_superuser=True, is_staff=True)

    def enrol(self, user):
        return TOTPDevice.objects.create(user=user, name="ponsel", confirmed=True)

    def test_editor_with_a_device_is_refused_the_admin_until_a_code_is_entered(self):
        device = self.enrol(self.editor)
        client = login(self.editor)

        response = client.get("/admin/pages/")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], "/admin/2fa/verifikasi/?next=/admin/pages/")
        self.assertEqual(client.post("/admin/pages/", {}).status_code, 403)

        wrong = client.post("/admin/2fa/verifikasi/", {"token": "000000", "next": "/admin/pages/"})
        self.assertEqual(wrong.status_code, 200)
        self.assertContains(wrong, "Kode salah")
        self.assertEqual(client.get("/admin/").status_code, 302)

        device.refresh_from_db()
        device.throttling_failure_count = 0
        device.save()
        right = client.post(
            "/admin/2fa/verifikasi/", {"token": current_code(device), "next": "/admin/pages/"}
        )
        self.assertRedirects(right, "/admin/pages/", fetch_redirect_response=False)
        self.assertEqual(client.get("/admin/").status_code, 200)

    def test_superuser_without_a_device_must_enrol_before_using_the_admin(self):
        client = login(self.developer)
        response = client.get("/admin/")
        self.assertRedirects(response, "/admin/2fa/aktifkan/?next=/admin/", fetch_redirect_response=False)

        # First the code sent to the account's e-mail (security/tests/test_two_factor_enrolment.py).
        self.assertNotContains(client.get("/admin/2fa/aktifkan/"), "<svg")
        client.post("/admin/2fa/aktifkan/", {"kirim": "1"})
        code = re.search(r": (\d{6})", mail.outbox[-1].body).group(1)
        client.post("/admin/2fa/aktifkan/", {"code": code, "next": "/admin/"})
        setup = client.get("/admin/2fa/aktifkan/")
        self.assertEqual(setup.status_code, 200)
        self.assertContains(setup, "<svg")
        device = TOTPDevice.objects.get(user=self.developer)
        self.assertFalse(device.confirmed)

        response = client.post("/admin/2fa/aktifkan/", {"token": current_code(device), "next": "/admin/"})
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        device.refresh_from_db()
        self.assertTrue(device.confirmed)
        self.assertEqual(client.get("/admin/").status_code, 200)

    def test_password_alone_cannot_enrol_a_second_device(self):
        self.enrol(self.editor)
        client = login(self.editor)
        response = client.get("/admin/2fa/aktifkan/")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/admin/2fa/verifikasi/"))
        self.assertEqual(TOTPDevice.objects.filter(user=self.editor).count(), 1)

    def test_next_parameter_cannot_send_the_user_to_another_site(self):
        device = self.enrol(self.editor)
        client = login(self.editor)
        response = client.post(
            "/admin/2fa/verifikasi/", {"token": current_code(device), "next": "https://evil.example/"}
        )
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_public_site_and_login_page_need_no_second_factor(self):
        self.enrol(self.editor)
        client = login(self.editor, host="dinkes.ketapangkab.localhost")
        self.assertEqual(client.get("/", headers={"host": "dinkes.ketapangkab.localhost"}).status_code, 200)
        self.assertEqual(self.client.get("/admin/login/").status_code, 200)


class TwoFactorSwitchedOffTests(TestCase):
    def test_admin_opens_without_a_code_when_the_setting_is_off(self):
        make_opd("dinkes", "Dinas Kesehatan")
        user = UserFactory(username="developer", is_superuser=True, is_staff=True)
        self.assertEqual(login(user).get("/admin/").status_code, 200)
