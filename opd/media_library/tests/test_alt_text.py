"""Every photo the public sees has alt text: required at upload, checked again where it is placed."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from wagtail.images import get_image_model

from news.models import NewsIndexPage, NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import create_page, jpeg_bytes, login, stream
from tests.content import add_index, make_image

HOST = "dinkes.ketapangkab.localhost"


class AltTextTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.penulis = member(cls.dinkes, Role.PENULIS)
        cls.index = add_index(cls.dinkes, NewsIndexPage, "Berita", "berita")

    def setUp(self):
        self.client = login(self.penulis, host=HOST)

    def upload(self, url="/admin/images/add/", **fields):
        data = {"title": "Posyandu", "collection": self.dinkes.collection.pk, **fields}
        return self.client.post(url, {**data, "file": SimpleUploadedFile("foto.jpg", jpeg_bytes().read())})

    def test_upload_without_alt_text_is_refused_with_a_field_error(self):
        response = self.upload(description="  ")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Isi teks alternatif")
        self.assertFalse(get_image_model().objects.exists())

        self.assertEqual(self.upload(description="Kader menimbang balita").status_code, 302)
        self.assertEqual(get_image_model().objects.get().description, "Kader menimbang balita")

    def test_multiple_upload_keeps_the_file_pending_until_the_alt_text_is_given(self):
        response = self.client.post(
            "/admin/images/multiple/add/",
            {
                "files[]": SimpleUploadedFile("foto.jpg", jpeg_bytes().read()),
                "collection": self.dinkes.collection.pk,
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.json()["success"])
        self.assertFalse(get_image_model().objects.exists(), "no image without alt text")

    def test_photo_without_alt_text_cannot_be_placed_in_an_article(self):
        old = make_image(self.dinkes, "Foto lama")
        old.description = ""
        old.save()
        response = create_page(
            self.client,
            self.index,
            NewsPage,
            {
                "title": "Posyandu",
                "slug": "posyandu",
                "date": "2026-03-10",
                "lead": "Teras.",
                **stream("body", [("image", {"image": old.pk, "caption": "", "credit": ""})]),
            },
            action="",
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(NewsPage.objects.filter(slug="posyandu").exists())
        # The editor shows the error on the block (drawn by Wagtail's JavaScript from this data).
        self.assertIn("Foto ini belum punya teks alternatif", response.content.decode())
