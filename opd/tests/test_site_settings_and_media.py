"""An OPD's branding and media belong to that OPD alone."""

from django.test import TestCase
from wagtail.images import get_image_model

from opd.models import SiteBranding
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import is_refused, jpeg_bytes, login


class SiteBrandingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.webadmin = member(cls.dinkes, Role.WEBADMIN)
        cls.editor = member(cls.dinkes, Role.EDITOR)

    def url(self, opd):
        return f"/admin/settings/opd/sitebranding/{opd.site.pk}/"

    def form(self, **overrides):
        data = {
            "official_name": "Dinas Kesehatan Kabupaten Ketapang",
            "short_name": "Dinkes",
            "address": "Jl. D.I. Panjaitan No. 5",
            "phone": "(0534) 31460",
            "email": "dinkes@ketapangkab.go.id",
            "accent_colour": "#0f6b3a",
        }
        data.update(overrides)
        return data

    def test_web_administrator_edits_own_branding_and_the_public_site_shows_it(self):
        client = login(self.webadmin, host="dinkes.ketapangkab.localhost")
        response = client.post(self.url(self.dinkes), self.form())
        self.assertEqual(response.status_code, 302)
        branding = SiteBranding.for_site(self.dinkes.site)
        self.assertEqual(branding.short_name, "Dinkes")
        home = self.client.get("/", headers={"host": "dinkes.ketapangkab.localhost"})
        self.assertContains(home, "--accent: #0f6b3a")
        self.assertContains(home, "Jl. D.I. Panjaitan No. 5")

    def test_low_contrast_accent_colour_is_refused_with_a_field_error(self):
        client = login(self.webadmin, host="dinkes.ketapangkab.localhost")
        response = client.post(self.url(self.dinkes), self.form(accent_colour="#ffff66"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "minimal 4,5:1")
        self.assertNotEqual(SiteBranding.for_site(self.dinkes.site).accent_colour, "#ffff66")

    def test_web_administrator_cannot_open_or_change_another_opds_branding(self):
        client = login(self.webadmin, host="dinkes.ketapangkab.localhost")
        before = SiteBranding.for_site(self.diskominfo.site).official_name
        self.assertNotEqual(client.get(self.url(self.diskominfo)).status_code, 200)
        response = client.post(self.url(self.diskominfo), self.form(official_name="Diretas"))
        self.assertNotEqual(response.status_code, 200)
        self.assertEqual(SiteBranding.for_site(self.diskominfo.site).official_name, before)

    def test_other_roles_cannot_change_branding(self):
        client = login(self.editor, host="dinkes.ketapangkab.localhost")
        response = client.post(self.url(self.dinkes), self.form(official_name="Diubah Editor"))
        self.assertTrue(is_refused(response) or response.status_code == 403, response)
        self.assertEqual(SiteBranding.for_site(self.dinkes.site).official_name, "Dinas Kesehatan")


class MediaCollectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.diskominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.penulis = member(cls.dinkes, Role.PENULIS)

    def upload(self, collection):
        client = login(self.penulis, host="dinkes.ketapangkab.localhost")
        return client.post(
            "/admin/images/add/",
            {
                "title": "Foto liputan",
                "file": jpeg_bytes(),
                "description": "Foto",
                "collection": collection.pk,
            },
        )

    def test_penulis_uploads_into_own_opd_collection(self):
        self.assertEqual(self.upload(self.dinkes.collection).status_code, 302)
        self.assertEqual(get_image_model().objects.get().collection, self.dinkes.collection)

    def test_forged_collection_of_another_opd_never_receives_the_upload(self):
        # With one permitted collection Wagtail ignores the posted one and files the
        # image in the uploader's own OPD collection.
        self.upload(self.diskominfo.collection)
        self.assertFalse(get_image_model().objects.filter(collection=self.diskominfo.collection).exists())
        self.assertEqual(
            list(get_image_model().objects.values_list("collection", flat=True)), [self.dinkes.collection.pk]
        )
