"""Every public template speaks the page's language: our strings, dates and the switcher.

The pages are rendered over HTTP in Indonesian and at /en/ in English. In English, none of
our Indonesian template strings may show (each has its English in locale/en), and dates
use English month names.
"""

from datetime import date, timedelta
from pathlib import Path

import polib
from bs4 import BeautifulSoup
from django.conf import settings
from django.template.defaultfilters import date as date_filter
from django.test import TestCase
from django.utils import timezone, translation
from wagtail.models import Locale

from home.models import StandardPage
from news.announcements.models import AnnouncementIndexPage, AnnouncementPage
from news.events.models import EventIndexPage, EventPage
from news.gallery.models import GalleryIndexPage, GalleryPage, GalleryPhoto
from news.library.models import DocumentIndexPage, DocumentPage
from news.models import NewsIndexPage, NewsPage
from opd.tests.factories import make_opd
from tests.content import days, make_document, make_image, publish

HOST = "dinkes.ketapangkab.localhost"
CATALOGUE = Path(settings.BASE_DIR) / "locale" / "{lang}" / "LC_MESSAGES" / "django.po"
# Our strings the public sees: templates and what they show from forms and template tags.
PUBLIC_SOURCES = ("templates/", "forms.py", "templatetags/")


def catalogue(lang):
    return polib.pofile(str(CATALOGUE).format(lang=lang))


def public_strings():
    """Our Indonesian strings shown on public pages whose English differs (long enough to be unambiguous)."""
    return {
        entry.msgid: entry.msgstr
        for entry in catalogue("en")
        if not entry.obsolete
        and not entry.msgid_plural
        and "%" not in entry.msgid
        and entry.msgid != entry.msgstr
        and len(entry.msgid) >= 8
        and any(any(source in path for source in PUBLIC_SOURCES) for path, _line in entry.occurrences)
    }


def visible_text(response):
    soup = BeautifulSoup(response.content, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    attributes = [
        value
        for tag in soup.find_all(True)
        for name in ("aria-label", "placeholder", "title", "alt")
        if (value := tag.get(name))
    ]
    return " ".join([" ".join(soup.get_text(" ").split()), *attributes])


def english(page, **fields):
    """The page's English translation, published as its SOP would leave it."""
    translated = page.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish(skip_permission_checks=True)
    return translated


class CataloguesTests(TestCase):
    def test_our_catalogues_have_no_empty_or_fuzzy_entry(self):
        for lang in ("id", "en"):
            po = catalogue(lang)
            with self.subTest(lang=lang):
                self.assertEqual([e.msgid for e in po.untranslated_entries()], [])
                self.assertEqual([e.msgid for e in po.fuzzy_entries()], [])


class PublicPagesInBothLanguagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        home = cls.dinkes.site.root_page
        image = make_image(cls.dinkes)
        cls.pages = {}

        def pair(index_model, index_slug, english_slug, item):
            index = publish(home, index_model(title=index_model.__name__, slug=index_slug))
            publish(index, item)
            english_index = english(index, title=f"{index_model.__name__} EN", slug=english_slug)
            english(item, title=f"{item.title} EN")
            cls.pages[index_slug] = (f"/{index_slug}/", f"/en/{english_slug}/")
            cls.pages[f"{index_slug}-item"] = (
                f"/{index_slug}/{item.slug}/",
                f"/en/{english_slug}/{item.slug}/",
            )
            return english_index

        # March: "Maret" in Indonesian (some months are spelt alike in both languages).
        cls.news_date = date(2025, 3, 5)
        pair(
            NewsIndexPage,
            "berita",
            "news",
            NewsPage(
                title="Imunisasi", slug="imunisasi", lead="Teras.", date=cls.news_date, featured_image=image
            ),
        )
        pair(
            AnnouncementIndexPage,
            "pengumuman",
            "announcements",
            AnnouncementPage(title="Vaksinasi", slug="vaksinasi", summary="Ringkas.", valid_until=days(10)),
        )
        pair(
            EventIndexPage,
            "agenda",
            "events",
            EventPage(
                title="Posyandu",
                slug="posyandu",
                start=timezone.now() + timedelta(days=3),
                place="Aula",
                summary="x",
            ),
        )
        cls.pages["agenda-lalu"] = ("/agenda/lalu/", "/en/events/lalu/")
        pair(
            DocumentIndexPage,
            "dokumen",
            "documents",
            DocumentPage(
                title="Perda", slug="perda", document=make_document(cls.dinkes), doc_type="perda", year=2024
            ),
        )
        pair(
            GalleryIndexPage,
            "galeri",
            "gallery",
            GalleryPage(title="Album", slug="album", photos=[GalleryPhoto(image=image, sort_order=0)]),
        )
        profile = publish(home, StandardPage(title="Profil", slug="profil"))
        english(profile, title="Profile", slug="profile")
        cls.pages["profil"] = ("/profil/", "/en/profile/")
        cls.pages["beranda"] = ("/", "/en/")
        cls.pages["cari"] = ("/cari/?q=imunisasi", "/en/cari/?q=imunisasi")

    def get(self, path, status=200):
        response = self.client.get(path, headers={"host": HOST})
        self.assertEqual(response.status_code, status, path)
        return response

    def test_no_indonesian_interface_string_on_an_english_page(self):
        strings = public_strings()
        self.assertGreater(len(strings), 40, "the public strings were not found in the catalogue")
        for name, (_id_path, en_path) in self.pages.items():
            with self.subTest(page=name):
                response = self.get(en_path)
                self.assertContains(response, '<html lang="en">')
                text = visible_text(response)
                self.assertEqual([s for s in strings if s in text], [])
        text = visible_text(self.get("/en/tidak-ada/", status=404))
        self.assertEqual([s for s in strings if s in text], [])
        self.assertIn("Page not found", text)

    def test_known_english_strings_appear_at_en(self):
        expectations = {
            "beranda": ["Skip to content", "Search this site", "Ketapang Regency Government"],
            "berita": ["All categories", "Filter the list"],
            "pengumuman": ["valid until"],
            "agenda": ["Upcoming", "Past", "Download all events (iCalendar .ics)"],
            "dokumen": ["All types", "Download"],
            "agenda-item": ["Save to calendar (.ics)", "Place"],
        }
        for name, strings in expectations.items():
            text = visible_text(self.get(self.pages[name][1]))
            for string in strings:
                with self.subTest(page=name, string=string):
                    self.assertIn(string, text)

    def test_the_same_pages_are_in_indonesian_without_prefix(self):
        for name, (id_path, _en_path) in self.pages.items():
            with self.subTest(page=name):
                response = self.get(id_path)
                self.assertContains(response, '<html lang="id">')
                self.assertContains(response, "Langsung ke konten")

    def test_dates_follow_the_page_language(self):
        with translation.override("en"):
            english_date = date_filter(self.news_date, "j F Y")
        with translation.override("id"):
            indonesian_date = date_filter(self.news_date, "j F Y")
        self.assertNotEqual(english_date, indonesian_date)
        self.assertContains(self.get("/en/news/imunisasi/"), english_date)
        self.assertContains(self.get("/berita/imunisasi/"), indonesian_date)
