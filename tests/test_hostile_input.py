"""Hostile input through the admin, as a Penulis: a clear refusal, and nothing stored.

Each case asserts the message the person sees, that no row was added (pages, revisions,
images, documents, uploads) and that the media folder holds exactly the files it held.
Upload content checks live in security/uploads.py; rich text is cleaned by Wagtail's
Draftail converter and escaped by the templates.
"""

import io
import json
import os
import re
import uuid
import zipfile

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
MB = 1024 * 1024


def zip_bytes(entries):
    """A deflated zip of (name, size in MB of zeros, or bytes) entries, written in 1 MB chunks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            if isinstance(content, bytes):
                archive.writestr(name, content)
                continue
            with archive.open(name, "w", force_zip64=True) as entry:
                for _chunk in range(content):
                    entry.write(bytes(MB))
    return buffer.getvalue()


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
        # Only the real reason: no empty-extension message from Wagtail's own check beside it.
        self.assertNotIn("“”", errors(response))
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

    def test_zip_bomb_is_refused(self):
        bomb = zip_bytes([("nol.bin", 200)])  # 200 MB of zeros
        self.assertLess(len(bomb), 300 * 1024)
        self.assert_refused_and_nothing_stored(self.upload_document("data.zip", bomb), "ciri bom zip")

    def test_office_document_that_is_a_zip_bomb_is_refused(self):
        bomb = zip_bytes([("word/document.xml", b"<w:document/>"), ("word/media/nol.bin", 101)])
        self.assert_refused_and_nothing_stored(self.upload_document("surat.docx", bomb), "ciri bom zip")

    def test_archive_with_too_many_entries_is_refused(self):
        crowded = zip_bytes([(f"berkas-{number}.txt", b"") for number in range(10_001)])
        self.assert_refused_and_nothing_stored(
            self.upload_document("data.zip", crowded), "Arsip memuat 10001 berkas; batasnya 10000"
        )

    def test_ordinary_zip_is_accepted(self):
        response = self.upload_document(
            "data.zip", zip_bytes([("data.csv", b"a,b\n1,2\n"), ("nol.bin", 2)])
        )()
        self.assertEqual(response.status_code, 302, errors(response))

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

    # --- Malformed admin posts ----------------------------------------------------------

    def assert_malformed_post_is_a_bad_request(self, send):
        rows = row_counts()
        response = send()
        self.assertEqual(response.status_code, 400, response.content[:300])
        self.assertContains(response, "Formulir yang dikirim tidak lengkap", status_code=400)
        self.assertEqual(row_counts(), rows)
        return response

    def test_page_create_without_the_streamfields_management_data_is_a_bad_request(self):
        # What a browser never sends: the StreamField's block count, or a block's type, missing.
        for missing in ("body-count", "body-0-type"):
            with self.subTest(missing=missing):
                url = f"/admin/pages/add/news/newspage/{self.index.pk}/"
                data = page_form(self.client, url, NewsPage)
                data.update(
                    {"title": "Berita", "slug": "berita-uji", "lead": "Teras.", **paragraph("<p>x</p>")}
                )
                del data[missing]
                self.assert_malformed_post_is_a_bad_request(
                    lambda url=url, data=data: self.client.post(url, data)
                )

    def test_page_edit_without_the_streamfields_management_data_is_a_bad_request(self):
        self.assertEqual(self.add_news({"action-submit": "1"})().status_code, 302)
        page = NewsPage.objects.get(slug="berita-uji")
        url = f"/admin/pages/{page.pk}/edit/"
        data = page_form(self.client, url, NewsPage)
        del data["body-count"]
        self.assert_malformed_post_is_a_bad_request(lambda: self.client.post(url, data))
        # The page and its draft are as they were.
        self.assertEqual(page.get_latest_revision_as_object().title, "Berita")

    def test_site_settings_without_the_streamfields_management_data_is_a_bad_request(self):
        from home.navigation.models import SiteNavigation

        client = login(member(self.dinkes, Role.WEBADMIN), host=HOST)
        url = f"/admin/settings/navigation/sitenavigation/{self.dinkes.site.pk}/"
        self.assertEqual(client.get(url).status_code, 200)
        data = {"main_menu-count": "0", "quick_links-count": "0"}  # footer_links-count missing
        with self.assertLogs("portal.security.malformed_post", "WARNING") as logged:
            self.assert_malformed_post_is_a_bad_request(lambda: client.post(url, data))
        self.assertIn("footer_links-count", logged.output[0])
        self.assertFalse(
            SiteNavigation.objects.filter(site=self.dinkes.site).exclude(footer_links=[]).exists()
        )
        # The complete form is accepted.
        self.assertEqual(client.post(url, {**data, "footer_links-count": "0"}).status_code, 302)

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


# --- The public site ----------------------------------------------------------------------

# Each of these once could, or on one of the two databases might, reach the full-text engine
# as syntax: FTS5 on SQLite reads quotes, parentheses, AND/OR/NOT/NEAR, '*', '-', '^' and
# 'column:' as operators; PostgreSQL refuses NUL bytes.
HOSTILE_QUERIES = [
    '"', "'", '""', '"ambulans', "ambulans'", "(", ")", "(ambulans", "ambulans)", "()",
    "AND", "OR", "NOT", "NEAR", "ambulans AND", "OR ambulans", "NOT ambulans", "ambulans NOT desa",
    "NEAR(ambulans desa)", "*", "ambulans*", "*ambulans", "-", "-ambulans", "ambulans -desa", "^",
    "^ambulans", ":", "title:ambulans", "body:", "{ambulans}", "[", "\\", "\\'", "%", "_",
    "' OR 1=1 --", "'; DROP TABLE wagtailcore_page; --", "ambulans\x00", "\x00", "🚑", "ambulans 🚑",
    "ｄｅｓａ", "\u202edesa", "a\u0301", "\t\n", "x" * 10_000, "ambulans " * 100,
]  # fmt: skip

# Queries that still hold the word "ambulans" as a word: the article must be found.
FINDS_THE_ARTICLE = ['"ambulans', "ambulans'", "(ambulans", "ambulans)", "ambulans AND", "OR ambulans",
                     "ambulans*", "ambulans 🚑", "{ambulans}", "title:ambulans", "^ambulans"]  # fmt: skip


class PublicSearchHostileInputTests(TestCase):
    """/cari/ answers every query with results or "0 hasil", never a server error (both databases)."""

    @classmethod
    def setUpTestData(cls):
        from news.models import NewsIndexPage
        from tests.content import add_index, publish

        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        index = add_index(cls.dinkes, NewsIndexPage, "Berita", "berita")
        publish(index, NewsPage(title="Ambulans Desa Kini Lebih Cepat", lead="Rujukan lebih cepat."))

    def test_hostile_queries_answer_results_or_no_results(self):
        public = self.client_class(headers={"host": HOST})
        for query in HOSTILE_QUERIES:
            with self.subTest(query=query[:40]):
                response = public.get("/cari/", {"q": query})
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                answered = "hasil untuk" in html or 'class="field-error"' in html
                if not query.strip():  # only blanks: the search form, nothing searched
                    answered = 'class="search-form"' in html and "hasil untuk" not in html
                self.assertTrue(answered, html[html.find("<main") : html.find("</main>")])
                if query in FINDS_THE_ARTICLE:
                    self.assertIn("Ambulans Desa Kini Lebih Cepat", html)


class PublicFormHostileInputTests(TestCase):
    """The PPID request form stores what the PPID can use, or refuses with a clear message."""

    @classmethod
    def setUpTestData(cls):
        from ppid.tests.factories import ppid_page

        ppid_page(make_opd("dinkes", "Dinas Kesehatan"))

    def submit(self, nik):
        from ppid.tests.factories import request_data

        return self.client_class(headers={"host": HOST}).post("/ppid/permohonan/", request_data(nik=nik))

    def test_nik_in_full_width_digits_or_grouped_is_stored_as_ascii(self):
        from ppid.models import InformationRequest

        for typed in (
            "６１０４０１５２０３９００００２",
            "6104 0152 0390 0002",
            "６１０４ ０１５２ ０３９０ ０００２",
        ):
            with self.subTest(typed=typed):
                InformationRequest.objects.all().delete()
                self.assertEqual(self.submit(typed).status_code, 302)
                self.assertEqual(InformationRequest.objects.get().nik, "6104015203900002")

    def test_nik_in_digits_of_other_scripts_is_refused(self):
        from ppid.models import InformationRequest

        # Arabic-Indic and Devanagari digits: Python's \d and int() accept them, NFKC keeps them.
        for typed in ("٦١٠٤٠١٥٢٠٣٩٠٠٠٠٢", "६१०४०१५२०३९००००२", "61040152039000０\u0662"):
            with self.subTest(typed=typed):
                response = self.submit(typed)
                self.assertContains(response, "NIK harus terdiri atas 16 angka")
                self.assertFalse(InformationRequest.objects.exists())
