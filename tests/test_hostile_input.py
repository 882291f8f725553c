"""Hostile input through the admin, as a Penulis: a clear refusal, and nothing stored.

Each case asserts the message the person sees, that no row was added (pages, revisions,
images, documents, uploads) and that the media folder holds exactly the files it held.
Upload content checks live in security/uploads.py; rich text is cleaned by Wagtail's
Draftail converter and escaped by the templates.
"""

import json
import os
import re
import uuid

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, UploadedFile

from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import jpeg_bytes, login, page_form
from tests.test_sop_workflow import add_news_index

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
PHP = b"<?php system($_GET['c']); ?>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HOST = "dinkes.ketapangkab.localhost"


def media_files():
    root = settings.MEDIA_ROOT
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _, names in os.walk(root)
        for name in names
    )


def errors(response):
    """The error texts the form shows, one string (what the person reads)."""
    html = response.content.decode()
    found = re.findall(r'class="error-message">\s*(.*?)\s*</p>', html, re.S)
    found += re.findall(r'class="help-block help-critical"[^>]*>\s*(.*?)\s*<', html, re.S)
    return " | ".join(found) or html[html.find("messages") : html.find("messages") + 400]


# Markup that would run: a script element, an event-handler attribute on a real tag, a
# javascript: URL in a real link. The same words escaped as text are inert.
ACTIVE = re.compile(
    r"<script\b(?![^>]*\bsrc=\"/static/)|<[a-z][^<>]*\son[a-z]+\s*=|<a\b[^<>]*href\s*=\s*[\"']?\s*javascript:",
    re.I,
)


# Structured data (schema.org JSON-LD) is the one script the public templates emit on purpose;
# its content is JSON escaped by core's seo_tags, never executed.
JSON_LD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.S)


def active_markup(html):
    return ACTIVE.findall(JSON_LD.sub("", html))


def row_counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, Revision, get_image_model(), get_document_model(), UploadedFile)
    }


def contentstate(text, link_url=None):
    """Draftail's JSON for one paragraph, optionally with a link over its first word."""
    entity_ranges, entity_map = [], {}
    if link_url:
        entity_ranges = [{"offset": 0, "length": 4, "key": 0}]
        entity_map = {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link_url}}}
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": entity_ranges,
    }
    return json.dumps({"blocks": [block], "entityMap": entity_map})


def paragraph(value):
    return {
        "body-count": "1",
        "body-0-type": "paragraph",
        "body-0-value": value,
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": str(uuid.uuid4()),
    }


class HostileInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.penulis = member(cls.dinkes, Role.PENULIS)
        cls.index = add_news_index(cls.dinkes)

    def setUp(self):
        self.client = login(self.penulis, host=HOST)

    def assert_refused_and_nothing_stored(self, send, message):
        rows, files = row_counts(), media_files()
        response = send()
        self.assertEqual(response.status_code, 200, response.get("Location"))
        self.assertIn(message, errors(response))
        self.assertEqual(row_counts(), rows)
        self.assertEqual(media_files(), files)
        return response

    def upload_image(self, name, content):
        return lambda: self.client.post(
            "/admin/images/add/",
            {
                "title": name,
                "file": SimpleUploadedFile(name, content),
                "description": "Foto kegiatan",
                "collection": self.dinkes.collection.pk,
            },
        )

    def upload_document(self, name, content):
        return lambda: self.client.post(
            "/admin/documents/add/",
            {
                "title": name,
                "file": SimpleUploadedFile(name, content),
                "collection": self.dinkes.collection.pk,
            },
        )

    def add_news(self, fields):
        url = f"/admin/pages/add/news/newspage/{self.index.pk}/"
        data = page_form(self.client, url, NewsPage)
        data.update({"title": "Berita", "slug": "berita-uji", "lead": "Teras berita.", **fields})
        return lambda: self.client.post(url, data)

    # --- Uploads -------------------------------------------------------------------------

    def test_image_that_is_really_html_is_refused(self):
        self.assert_refused_and_nothing_stored(
            self.upload_image("foto.jpg", HTML), "Bukan gambar .jpeg yang valid"
        )

    def test_image_that_is_really_php_is_refused(self):
        self.assert_refused_and_nothing_stored(self.upload_image("foto.jpg", PHP), "Unggah gambar yang valid")

    def test_svg_with_script_is_refused(self):
        self.assert_refused_and_nothing_stored(
            self.upload_image("logo.svg", SVG), "Format gambar tidak didukung"
        )

    def test_oversized_image_is_refused(self):
        # A real JPEG padded past the 10 MB limit (trailing bytes are ignored by decoders).
        big = jpeg_bytes().read().ljust(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1, b"\0")
        self.assert_refused_and_nothing_stored(
            self.upload_image("foto-besar.jpg", big), "Berkas ini terlalu besar"
        )

    @override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
    def test_oversized_document_is_refused(self):
        self.assert_refused_and_nothing_stored(
            self.upload_document("laporan.pdf", PDF.ljust(2048, b" ")), "Berkas ini terlalu besar"
        )

    def test_document_with_a_double_extension_is_refused(self):
        self.assert_refused_and_nothing_stored(
            self.upload_document("laporan.php.pdf", PDF), "ekstensi berbahaya (.php)"
        )

    # --- Page editor ---------------------------------------------------------------------

    def test_ten_thousand_character_title_gets_a_field_error(self):
        self.assert_refused_and_nothing_stored(
            self.add_news({"title": "J" * 10_000}), "paling banyak 255 karakter"
        )

    def test_slug_with_path_traversal_is_refused(self):
        for slug in ("../../etc/passwd", "..", "berita/../admin"):
            with self.subTest(slug=slug):
                self.assert_refused_and_nothing_stored(self.add_news({"slug": slug}), "“slug” valid")

    def test_script_in_rich_text_is_stored_sanitised_and_rendered_inert(self):
        hostile = '<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(2)">x</a>'
        response = self.add_news(
            {
                "lead": "<script>alert('teras')</script>",
                **paragraph(contentstate("klik " + hostile, link_url="javascript:alert(document.cookie)")),
                "action-submit": "1",
            }
        )()
        self.assertEqual(response.status_code, 302)
        page = NewsPage.objects.get(slug="berita-uji")
        self.assertTrue(active_markup('<p><a href="javascript:x">a</a><img src=x onerror=y></p>'))  # can fail
        stored = page.get_latest_revision_as_object().body[0].value.source
        self.assertEqual(active_markup(stored), [])
        self.assertIn("&lt;script&gt;", stored)  # kept as text the reader can see

        # Through the SOP's last step (here directly), then as the public sees it.
        page.get_latest_revision().publish(skip_permission_checks=True)
        public = self.client_class(headers={"host": HOST}).get(page.url)
        html = public.content.decode()
        self.assertEqual(public.status_code, 200)
        self.assertIn("klik", html)
        self.assertEqual(active_markup(html), [])
        self.assertIn("&lt;script&gt;alert(&#x27;teras&#x27;)&lt;/script&gt;", html)

    # --- Encoding ------------------------------------------------------------------------

    def test_non_utf8_bytes_in_form_fields_never_cause_a_server_error(self):
        rows = row_counts()
        url = f"/admin/pages/add/news/newspage/{self.index.pk}/"
        form = page_form(self.client, url, NewsPage)
        form.update({"title": "Berita", "slug": "berita-uji", "lead": "x"})
        # Invalid UTF-8 (a lone 0xFF, a broken two-byte sequence) inside otherwise complete forms.
        encoded = (
            form.urlencode()
            .replace("title=Berita", "title=%FF%FEBer%C3%28ita")
            .replace("lead=x", "lead=%80%81")
        )
        multipart = (
            b'--x\r\nContent-Disposition: form-data; name="title"\r\n\r\n\xff\xfe foto\r\n'
            b'--x\r\nContent-Disposition: form-data; name="collection"\r\n\r\n\x80\r\n--x--\r\n'
        )
        cases = [
            (url, encoded.encode(), "application/x-www-form-urlencoded"),
            ("/admin/images/add/", b"title=%FF%FE&collection=%80", "application/x-www-form-urlencoded"),
            ("/admin/images/add/", multipart, "multipart/form-data; boundary=x"),
            ("/admin/documents/add/", multipart, "multipart/form-data; boundary=x"),
        ]
        for target, data, content_type in cases:
            with self.subTest(target=target, data=data[:40]):
                response = self.client.post(target, data=data, content_type=content_type)
                self.assertLess(response.status_code, 500)
        for query in ("/admin/pages/search/?q=%FF%FE", "/admin/images/?q=%C3%28", "/?q=%FF"):
            with self.subTest(query=query):
                self.assertLess(self.client.get(query).status_code, 500)
        # No upload was stored; the page, if accepted, holds text (U+FFFD), never broken bytes.
        after = row_counts()
        self.assertEqual(after[get_image_model().__name__], rows[get_image_model().__name__])
        self.assertEqual(after[get_document_model().__name__], rows[get_document_model().__name__])
        for page in NewsPage.objects.all():
            self.assertIn("\ufffd", page.title)
            page.title.encode("utf-8")
