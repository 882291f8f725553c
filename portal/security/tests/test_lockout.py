"""Login throttling (django-axes) on the Wagtail admin login."""

from django.test import TestCase, override_settings

from opd.roles import Role
from opd.tests.factories import TEST_PASSWORD, make_opd, member


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
class AdminLoginLockoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.editor = member(dinkes, Role.EDITOR)
        cls.redaktur = member(dinkes, Role.REDAKTUR)

    def attempt(self, username, password, address="203.0.113.7"):
        return self.client.post(
            "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
        )

    def test_correct_password_is_refused_after_five_failures(self):
        for _ in range(4):
            self.assertEqual(self.attempt(self.editor.username, "salah").status_code, 200)
        locked = self.attempt(self.editor.username, "salah")
        self.assertEqual(locked.status_code, 429)
        self.assertContains(locked, "Terlalu banyak percobaan masuk", status_code=429)

        refused = self.attempt(self.editor.username, TEST_PASSWORD)
        self.assertEqual(refused.status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_lockout_is_per_user_and_address(self):
        for _ in range(5):
            self.attempt(self.editor.username, "salah")
        # A colleague in the same office (same address) still logs in, and so does the
        # locked person from another address.
        self.assertEqual(self.attempt(self.redaktur.username, TEST_PASSWORD).status_code, 302)
        self.client.logout()
        self.assertEqual(
            self.attempt(self.editor.username, TEST_PASSWORD, address="198.51.100.9").status_code, 302
        )

    def test_success_before_the_limit_resets_the_count(self):
        for _ in range(4):
            self.attempt(self.editor.username, "salah")
        self.assertEqual(self.attempt(self.editor.username, TEST_PASSWORD).status_code, 302)
        self.client.logout()
        for _ in range(4):
            self.assertEqual(self.attempt(self.editor.username, "salah").status_code, 200)

    @override_settings(PORTAL_NUMBER_OF_PROXIES=2)
    def test_behind_nginx_and_varnish_the_visitor_address_is_the_one_locked(self):
        def through_proxies(visitor, password="salah"):
            return self.client.post(
                "/admin/login/",
                {"username": self.editor.username, "password": password},
                REMOTE_ADDR="127.0.0.1",
                HTTP_X_FORWARDED_FOR=f"10.9.9.9, {visitor}, 127.0.0.1",
            )

        for _ in range(5):
            through_proxies("203.0.113.50")
        self.assertEqual(through_proxies("203.0.113.50", TEST_PASSWORD).status_code, 429)
        self.assertEqual(through_proxies("203.0.113.51", TEST_PASSWORD).status_code, 302)
