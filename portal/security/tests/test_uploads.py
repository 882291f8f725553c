"""Uploads: files must be what their name says; nothing a browser or server would run."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import jpeg_bytes, login

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
PHP = b"<?php system($_GET['c']); ?>"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


class UploadContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.penulis = member(cls.dinkes, Role.PENULIS)

    def setUp(self):
        self.client = login(self.penulis, host="dinkes.ketapangkab.localhost")

    def upload_document(self, name, content):
        return self.client.post(
            "/admin/documents/add/",
            {
                "title": name,
                "file": SimpleUploadedFile(name, content),
                "collection": self.dinkes.collection.pk,
            },
        )

    def upload_image(self, name, content):
        return self.client.post(
            "/admin/images/add/",
            {
                "title": name,
                "file": SimpleUploadedFile(name, content),
                "description": "Foto kegiatan",
                "collection": self.dinkes.collection.pk,
            },
        )

    def assert_refused(self, response, message):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, message)

    def test_real_pdf_and_docx_are_accepted(self):
        self.assertEqual(self.upload_document("laporan.pdf", PDF).status_code, 302)
        self.assertEqual(self.upload_document("surat.docx", docx_bytes()).status_code, 302)
        self.assertEqual(get_document_model().objects.count(), 2)

    def test_html_renamed_pdf_is_refused(self):
        self.assert_refused(self.upload_document("laporan.pdf", HTML), "bukan berkas .pdf yang sah")
        self.assertFalse(get_document_model().objects.exists())

    def test_php_renamed_docx_is_refused(self):
        self.assert_refused(self.upload_document("surat.docx", PHP), "bukan berkas .docx yang sah")

    def test_double_extension_is_refused(self):
        self.assert_refused(self.upload_document("laporan.php.pdf", PDF), "ekstensi berbahaya (.php)")
        self.assert_refused(self.upload_document("data.html.txt", b"halo"), "ekstensi berbahaya (.html)")

    def test_dotted_names_without_dangerous_parts_are_fine(self):
        self.assertEqual(self.upload_document("Laporan.Keuangan.2025.pdf", PDF).status_code, 302)

    def test_text_file_carrying_script_is_refused(self):
        self.assert_refused(
            self.upload_document("data.csv", b"nama,nilai\n<script>x</script>,1\n"), "kode HTML"
        )

    def test_pdf_with_javascript_action_is_refused(self):
        evil = PDF.replace(
            b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>"
        )
        self.assert_refused(self.upload_document("undangan.pdf", evil), "JavaScript")

    def test_document_types_outside_the_list_are_refused(self):
        self.assert_refused(self.upload_document("shell.php", PHP), "ekstensi berbahaya (.php)")
        self.assert_refused(self.upload_document("arsip.7z", b"7z"), "Jenis berkas .7z tidak diizinkan")

    def test_html_or_php_renamed_jpg_is_refused_as_an_image(self):
        for content in (HTML, PHP):
            response = self.upload_image("foto.jpg", content)
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "error-message")
        self.assertFalse(get_image_model().objects.exists())

    def test_image_with_a_hidden_extension_is_refused(self):
        self.assert_refused(
            self.upload_image("foto.php.jpg", jpeg_bytes().read()), "ekstensi berbahaya (.php)"
        )

    def test_svg_image_is_refused(self):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        self.upload_image("logo.svg", svg)
        self.assertFalse(get_image_model().objects.exists())

    def test_jpeg_with_php_in_its_comment_is_refused(self):
        jpeg = jpeg_bytes().read()
        polyglot = jpeg[:2] + b"\xff\xfe\x00\x20" + PHP.ljust(30) + jpeg[2:]
        self.assert_refused(self.upload_image("foto.jpg", polyglot), "Gambar memuat kode HTML atau skrip")

    def test_real_jpeg_is_accepted(self):
        self.assertEqual(self.upload_image("foto.jpg", jpeg_bytes().read()).status_code, 302)
