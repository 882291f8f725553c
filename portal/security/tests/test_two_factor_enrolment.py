"""First enrolment of an authenticator app needs a code sent to the account's e-mail.

A phished password alone must never show the TOTP secret. Every enrolment and every reset
is in Wagtail's audit log and e-mailed to the person.
"""

import re
from datetime import timedelta
from io import StringIO

import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from opd.roles import Role
from opd.tests.factories import UserFactory, make_opd, member
from portal.security.tests.test_two_factor import current_code
from tests.admin import login

SETUP = "/admin/2fa/aktifkan/"


def mailed_code():
    """The six-digit code of the last enrolment mail."""
    return re.search(r"autentikator pada akun admin Anda: (\d{6})", mail.outbox[-1].body).group(1)


@override_settings(PORTAL_REQUIRE_2FA=True)
class FirstEnrolmentNeedsTheEmailCodeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.editor = member(cls.dinkes, Role.EDITOR)
        cls.developer = UserFactory(username="developer", is_superuser=True, is_staff=True)

    def assertNoSecret(self, response):
        self.assertNotContains(response, "two-factor-qr")
        self.assertNotContains(response, "kunci rahasia")
        for device in TOTPDevice.objects.filter(user=self.editor):
            self.assertNotContains(response, device.key)

    def send_code(self, client):
        response = client.post(SETUP, {"kirim": "1", "next": "/admin/"})
        self.assertEqual(response.status_code, 200)
        return response

    def test_password_alone_never_shows_the_secret(self):
        client = login(self.editor)
        self.assertRedirects(client.get("/admin/"), f"{SETUP}?next=/admin/", fetch_redirect_response=False)
        page = client.get(SETUP)
        self.assertContains(page, "e***@ketapangkab.go.id")  # the registered mailbox, masked
        self.assertNoSecret(page)
        self.assertFalse(TOTPDevice.objects.filter(user=self.editor).exists())
        # Guessing a TOTP code at the setup step confirms nothing either.
        self.assertNoSecret(client.post(SETUP, {"token": "123456", "next": "/admin/"}))
        self.assertFalse(TOTPDevice.objects.filter(user=self.editor).exists())
        self.assertEqual(client.get("/admin/pages/").status_code, 302)

    def test_the_code_goes_to_the_registered_email_and_the_page_says_where(self):
        client = login(self.editor)
        response = self.send_code(client)
        self.assertContains(response, "Kode dikirim ke e***@ketapangkab.go.id")
        self.assertEqual([m.to for m in mail.outbox], [[self.editor.email]])
        self.assertIn("Kode pendaftaran", mail.outbox[0].subject)
        self.assertNoSecret(response)

    def test_a_second_send_within_the_cooldown_sends_nothing(self):
        client = login(self.editor)
        self.send_code(client)
        self.assertContains(self.send_code(client), "satu menit")
        self.assertEqual(len(mail.outbox), 1)

    def test_wrong_code_is_refused_in_indonesian(self):
        client = login(self.editor)
        self.send_code(client)
        wrong = "000000" if mailed_code() != "000000" else "111111"
        response = client.post(SETUP, {"code": wrong, "next": "/admin/"})
        self.assertContains(response, "Kode salah")
        self.assertNoSecret(response)
        self.assertContains(client.post(SETUP, {"code": "12ab", "next": "/admin/"}), "Masukkan 6 angka")

    def test_expired_code_is_refused(self):
        client = login(self.editor)
        self.send_code(client)
        code = mailed_code()
        with time_machine.travel(timezone.now() + timedelta(minutes=11)):
            response = client.post(SETUP, {"code": code, "next": "/admin/"})
        self.assertContains(response, "Kode sudah kedaluwarsa")
        self.assertNoSecret(response)

    def test_code_is_void_after_five_wrong_tries(self):
        client = login(self.editor)
        self.send_code(client)
        code = mailed_code()
        wrong = "000000" if code != "000000" else "111111"
        for _try in range(5):
            response = client.post(SETUP, {"code": wrong, "next": "/admin/"})
        self.assertContains(response, "terlalu sering")
        response = client.post(SETUP, {"code": code, "next": "/admin/"})
        self.assertContains(response, "Tidak ada kode yang berlaku")
        self.assertNoSecret(response)

    def test_a_used_code_cannot_be_used_again(self):
        first = login(self.editor)
        self.send_code(first)
        code = mailed_code()
        self.assertEqual(first.post(SETUP, {"code": code, "next": "/admin/"}).status_code, 302)
        # Another session (the phisher's) replays the code read over the shoulder.
        second = login(self.editor)
        response = second.post(SETUP, {"code": code, "next": "/admin/"})
        self.assertContains(response, "Tidak ada kode yang berlaku")
        self.assertNoSecret(response)

    def test_right_code_shows_the_secret_and_enrolment_completes_logged_and_mailed(self):
        client = login(self.editor)
        self.send_code(client)
        response = client.post(SETUP, {"code": mailed_code(), "next": "/admin/pages/"})
        self.assertRedirects(response, f"{SETUP}?next=/admin/pages/", fetch_redirect_response=False)

        page = client.get(f"{SETUP}?next=/admin/pages/")
        self.assertContains(page, "two-factor-qr")
        device = TOTPDevice.objects.get(user=self.editor)
        self.assertFalse(device.confirmed)

        with self.captureOnCommitCallbacks(execute=True):
            done = client.post(SETUP, {"token": current_code(device), "next": "/admin/pages/"})
        self.assertRedirects(done, "/admin/pages/", fetch_redirect_response=False)
        device.refresh_from_db()
        self.assertTrue(device.confirmed)
        self.assertEqual(client.get("/admin/pages/").status_code, 200)

        entry = ModelLogEntry.objects.get(action="security.2fa_enrolled", object_id=str(self.editor.pk))
        self.assertEqual(entry.user, self.editor)
        self.assertEqual(entry.message, "Aplikasi autentikator didaftarkan (2FA aktif)")
        notice = mail.outbox[-1]
        self.assertEqual(notice.to, [self.editor.email])
        self.assertIn("diaktifkan", notice.subject)
        self.assertIn("Jika bukan Anda", notice.body)

    def test_the_enrolment_is_in_the_users_history_in_indonesian(self):
        client = login(self.editor)
        self.send_code(client)
        client.post(SETUP, {"code": mailed_code(), "next": "/admin/"})
        client.get(SETUP)
        client.post(
            SETUP, {"token": current_code(TOTPDevice.objects.get(user=self.editor)), "next": "/admin/"}
        )
        with override_settings(PORTAL_REQUIRE_2FA=False):
            history = login(self.developer).get(reverse("wagtailusers_users:history", args=[self.editor.pk]))
        self.assertContains(history, "Aplikasi autentikator didaftarkan (2FA aktif)")

    def test_an_account_without_email_cannot_enrol_and_is_told_whom_to_ask(self):
        self.editor.email = ""
        self.editor.save(update_fields=["email"])
        client = login(self.editor)
        response = client.get(SETUP)
        self.assertContains(response, "belum memiliki alamat surel")
        self.assertNoSecret(response)
        self.assertContains(client.post(SETUP, {"kirim": "1"}), "belum memiliki alamat surel")
        self.assertEqual(mail.outbox, [])

    def test_a_verified_session_adds_a_device_without_the_email_code(self):
        existing = TOTPDevice.objects.create(user=self.editor, name="ponsel", confirmed=True)
        client = login(self.editor)
        client.post("/admin/2fa/verifikasi/", {"token": current_code(existing), "next": "/admin/"})
        self.assertContains(client.get(SETUP), "two-factor-qr")


@override_settings(PORTAL_REQUIRE_2FA=True)
class TwoFactorResetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.editor = member(cls.dinkes, Role.EDITOR)
        cls.developer = UserFactory(username="developer", is_superuser=True, is_staff=True)
        TOTPDevice.objects.create(user=cls.editor, name="ponsel hilang", confirmed=True)

    def test_reset_by_the_web_developer_is_logged_mailed_and_needs_the_email_code_again(self):
        with self.captureOnCommitCallbacks(execute=True):
            call_command("reset_2fa", self.editor.username, oleh="developer", stdout=StringIO())
        self.assertFalse(TOTPDevice.objects.filter(user=self.editor).exists())
        entry = ModelLogEntry.objects.get(action="security.2fa_reset", object_id=str(self.editor.pk))
        self.assertEqual(entry.user, self.developer)
        self.assertEqual(entry.message, "Perangkat 2FA dihapus; harus mendaftar ulang")
        self.assertEqual(mail.outbox[-1].to, [self.editor.email])
        self.assertIn("diatur ulang", mail.outbox[-1].subject)

        # The next login (the phone's finder, or a phisher) gets the e-mail step, not the secret.
        page = login(self.editor).get(SETUP)
        self.assertContains(page, "Kirim kode ke surel saya")
        self.assertNotContains(page, "two-factor-qr")
