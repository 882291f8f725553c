"""Content-Security-Policy: the public site runs no inline script; the accent colour still works."""

import re

from django.test import TestCase

from opd.models import SiteBranding
from opd.tests.factories import UserFactory, make_opd
from portal.security.csp import style_hash
from tests.admin import login


class ContentSecurityPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        branding = SiteBranding.for_site(cls.dinkes.site)
        branding.accent_colour = "#2e7d32"
        branding.save()

    def test_public_page_policy_forbids_inline_script_and_allows_the_accent_style_by_hash(self):
        response = self.client.get("/", headers={"host": "dinkes.ketapangkab.localhost"})
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
        self.assertEqual(directives["script-src"], "'self'")
        self.assertNotIn("unsafe-inline", policy)
        self.assertEqual(directives["object-src"], "'none'")

        html = response.content.decode()
        [css] = re.findall(r"<style>(.*?)</style>", html, re.S)
        self.assertIn("--accent: #2e7d32", css)
        self.assertIn(style_hash(css), directives["style-src"])
        # No inline <script> element and no event-handler attributes in the page.
        self.assertNotRegex(html, r"<script(?![^>]*\bsrc=)[^>]*>")
        self.assertNotRegex(html, r"\son[a-z]+=")

    def test_each_site_gets_the_hash_of_its_own_accent(self):
        make_opd("dinkes2", "Dinas Lain")
        one = self.client.get("/", headers={"host": "dinkes.ketapangkab.localhost"})[
            "Content-Security-Policy"
        ]
        two = self.client.get("/", headers={"host": "dinkes2.ketapangkab.localhost"})[
            "Content-Security-Policy"
        ]
        self.assertNotEqual(one, two)

    def test_logged_in_page_with_the_userbar_has_no_inline_script(self):
        user = UserFactory(username="developer", is_superuser=True, is_staff=True)
        response = login(user, host="dinkes.ketapangkab.localhost").get(
            "/", headers={"host": "dinkes.ketapangkab.localhost"}
        )
        self.assertIn("Content-Security-Policy", response)
        self.assertNotRegex(
            response.content.decode(), r"<script(?![^>]*\b(src|type=\"application/json\")=?)[^>]*>"
        )

    def test_admin_is_not_under_the_public_policy(self):
        self.assertNotIn("Content-Security-Policy", self.client.get("/admin/login/"))
