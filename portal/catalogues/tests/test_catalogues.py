"""The catalogues are complete, keep their placeholders, use the GLOSARIUM's words, and compile
without GNU gettext."""

import gettext
import os
import shutil
import tempfile
from io import StringIO
from pathlib import Path
from unittest import mock

import polib
from django.conf import settings
from django.core.management import call_command
from django.test import SimpleTestCase
from django.utils import translation

from portal.catalogues import sources
from portal.catalogues.checks import catalogue_problems, is_empty
from portal.catalogues.compile import CatalogueError, compile_catalogue, po_files
from portal.catalogues.sync import sync_vendor_catalogue
from portal.catalogues.untranslated import OVERRIDES, TEMPLATE_FIXES, fixed_template

# The GLOSARIUM's admin vocabulary, as the admin must say it (GLOSARIUM.md, "Admin actions").
GLOSARIUM = {
    "Dashboard": "Dasbor",
    "Pages": "Halaman",
    "Images": "Gambar",
    "Documents": "Dokumen",
    "Reports": "Laporan",
    "Settings": "Pengaturan",
    "Help": "Bantuan",
    "Save draft": "Simpan draf",
    "Publish": "Terbitkan",
    "Unpublish": "Batalkan penerbitan",
    "Submit to %(workflow_name)s": "Ajukan ke %(workflow_name)s",
    "Awaiting your review": "Menunggu tinjauan Anda",
    "Approve": "Setujui",
    "Approve with comment": "Setujui dengan komentar",
    "Request changes": "Minta perubahan",
    "Preview": "Pratinjau",
    "History": "Riwayat",
    "Comments": "Komentar",
    "Upload": "Unggah",
    "Choose an image": "Pilih gambar",
    "Add child page": "Tambah subhalaman",
    "Log out": "Keluar",
    "Locked": "Terkunci",
    "Unlock": "Buka kunci",
    "scheduled": "terjadwal",
    "Draft": "Draf",
    "Live": "Tayang",
    "In Moderation": "Dalam moderasi",
    "Search": "Cari",
}
# Words of Wagtail's shipped Indonesian that the GLOSARIUM replaced, and the misspelling it used.
REPLACED_WORDS = ("konsep", "publikasi", "terpublikasi", "kadaluarsa", "turunan", "potongan")


def live_entries(path):
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


class OwnCatalogueTests(SimpleTestCase):
    """``locale/``: the strings of our own apps, written in Indonesian."""

    def test_every_site_language_has_a_catalogue_with_no_empty_or_fuzzy_entry(self):
        for code, _name in settings.LANGUAGES:
            path = sources.catalogue_path(sources.own_locale_dir(), code)
            with self.subTest(language=code):
                self.assertTrue(path.exists(), f"{path}: run `make makemessages`")
                catalogue = polib.pofile(str(path))
                self.assertFalse(catalogue.metadata_is_fuzzy, f"{path}: fuzzy header")
                entries = live_entries(path)
                self.assertTrue(entries)
                self.assertEqual([e.msgid for e in entries if is_empty(e)], [], f"{path}: untranslated")
                self.assertEqual([e.msgid for e in entries if "fuzzy" in e.flags], [], f"{path}: fuzzy")

    def test_the_indonesian_catalogue_translates_each_string_to_itself(self):
        path = sources.catalogue_path(sources.own_locale_dir(), settings.LANGUAGE_CODE)
        for entry in live_entries(path):
            expected = entry.msgid_plural or entry.msgid
            self.assertEqual(entry.msgstr_plural[0] if entry.msgid_plural else entry.msgstr, expected)

    def test_our_strings_never_turn_a_wagtail_string_back_into_english(self):
        # locale/ outranks locale/wagtail/: an Indonesian msgid of ours that happened to equal one
        # of Wagtail's English msgids would replace Wagtail's Indonesian by itself.
        ours = sources.catalogue_path(sources.own_locale_dir(), settings.LANGUAGE_CODE)
        wagtail = {
            (e.msgctxt, e.msgid): e.msgstr
            for e in live_entries(sources.catalogue_path(sources.vendor_locale_dir(), settings.LANGUAGE_CODE))
        }
        for entry in live_entries(ours):
            key = (entry.msgctxt, entry.msgid)
            if key in wagtail:
                self.assertEqual(entry.msgstr, wagtail[key], f"{entry.msgid!r} shadows Wagtail's string")


class WagtailCatalogueTests(SimpleTestCase):
    """``locale/wagtail/``: our Indonesian for Wagtail and wagtail-localize."""

    def test_every_string_of_the_installed_packages_is_translated(self):
        for language in sources.translated_languages():
            for domain in sources.DOMAINS:
                path = sources.catalogue_path(sources.vendor_locale_dir(), language, domain)
                translated = {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)).translated_entries()}
                needed = {
                    (e.msgctxt, e.msgid)
                    for catalogue in sources.vendor_catalogues(domain)
                    for e in polib.pofile(str(catalogue.source))
                    if not e.obsolete
                }
                with self.subTest(path=str(path)):
                    missing = sorted(msgid for _ctx, msgid in needed - translated)
                    self.assertEqual(missing, [], "run `manage.py sync_catalogues` and translate these")

    def test_the_admin_uses_the_glossary_words(self):
        with translation.override("id"):
            for english, indonesian in GLOSARIUM.items():
                with self.subTest(english=english):
                    self.assertEqual(translation.gettext(english), indonesian)

    def test_no_word_the_glossary_replaced_is_left(self):
        for path in po_files([sources.vendor_locale_dir()]):
            for entry in live_entries(path):
                text = " ".join([entry.msgstr, *entry.msgstr_plural.values()]).lower()
                for word in REPLACED_WORDS:
                    self.assertNotIn(word, text.split(), f"{path.name}: {entry.msgid!r} → {text!r}")

    def test_templates_that_bypass_gettext_are_overridden_from_the_installed_wagtail(self):
        for name in TEMPLATE_FIXES:
            with self.subTest(template=name):
                self.assertEqual((OVERRIDES / name).read_text(), fixed_template(name), "run sync_catalogues")


class CatalogueQualityTests(SimpleTestCase):
    def test_every_translation_keeps_the_placeholders_and_tags_of_its_source(self):
        for path in po_files(settings.LOCALE_PATHS):
            with self.subTest(path=str(path)):
                self.assertEqual(catalogue_problems(polib.pofile(str(path))), [])

    def test_a_dropped_placeholder_or_tag_is_caught(self):
        entry = polib.POEntry(
            msgid='Page <a href="%(url)s">%(title)s</a> locked',
            msgstr='Halaman <a href="%(tautan)s">%(title)s terkunci',
            flags=["python-format"],
        )
        catalogue = polib.POFile()
        catalogue.append(entry)
        problems = catalogue_problems(catalogue)
        self.assertEqual(len(problems), 1)
        self.assertIn("%(url)s", problems[0])
        self.assertIn("</a>", problems[0])


class CompileTests(SimpleTestCase):
    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="portal-catalogues-"))
        self.addCleanup(shutil.rmtree, self.folder)

    def test_compiles_without_gnu_gettext_to_what_python_reads(self):
        source = sources.catalogue_path(sources.vendor_locale_dir(), "id")
        po = self.folder / "django.po"
        shutil.copy(source, po)
        catalogue = polib.pofile(str(po))
        catalogue.append(polib.POEntry(msgid="Not reviewed yet", msgstr="Belum ditinjau", flags=["fuzzy"]))
        catalogue.save()

        with mock.patch.dict(os.environ, {"PATH": str(self.folder)}):  # no msgfmt to be found
            compiled = compile_catalogue(po)

        with open(compiled.mo, "rb") as handle:
            reader = gettext.GNUTranslations(handle)
        self.assertEqual(reader.gettext("Save draft"), "Simpan draf")
        self.assertEqual(reader.gettext("Request changes"), "Minta perubahan")
        self.assertEqual(reader.ngettext("%(count)s document", "%(count)s documents", 1), "%(count)s dokumen")
        self.assertEqual(reader.gettext("Not reviewed yet"), "Not reviewed yet")  # fuzzy: left out

    def test_refuses_a_catalogue_with_a_broken_placeholder(self):
        catalogue = polib.POFile()
        catalogue.metadata = {
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
        catalogue.append(
            polib.POEntry(msgid="Edit '%(title)s'", msgstr="Ubah '%(judul)s'", flags=["python-format"])
        )
        po = self.folder / "django.po"
        catalogue.save(str(po))
        with self.assertRaises(CatalogueError):
            compile_catalogue(po)
        self.assertFalse(po.with_suffix(".mo").exists())


class SyncTests(SimpleTestCase):
    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="portal-catalogues-"))
        self.addCleanup(shutil.rmtree, self.folder)
        self.po = self.folder / "django.po"
        shutil.copy(sources.catalogue_path(sources.vendor_locale_dir(), "id"), self.po)

    def rewrite(self, change):
        catalogue = polib.pofile(str(self.po))
        change(catalogue)
        catalogue.save()

    def test_a_release_adds_strings_for_review_drops_old_ones_and_keeps_ours(self):
        def simulate_an_older_catalogue(catalogue):
            for msgid in ("Save draft", "Wagtail core"):  # new in "this release"
                catalogue.remove(catalogue.find(msgid))
            catalogue.append(
                polib.POEntry(msgid="A string Wagtail dropped", msgstr="String yang dihapus Wagtail")
            )

        self.rewrite(simulate_an_older_catalogue)
        result = sync_vendor_catalogue("id", "django", path=self.po)

        catalogue = polib.pofile(str(self.po))
        self.assertEqual(sorted(msgid for _ctx, msgid in result.added), ["Save draft", "Wagtail core"])
        # Wagtail ships Indonesian for both: it is offered, marked fuzzy, for someone to review.
        admin = next(c for c in sources.vendor_catalogues("django") if c.app == "wagtail.admin")
        shipped = polib.pofile(str(admin.shipped("id")[0]))
        self.assertEqual(catalogue.find("Save draft").msgstr, shipped.find("Save draft").msgstr)
        self.assertIn("fuzzy", catalogue.find("Save draft").flags)
        self.assertTrue(catalogue.find("A string Wagtail dropped", include_obsolete_entries=True).obsolete)
        self.assertEqual(catalogue.find("Request changes").msgstr, "Minta perubahan")

    def test_a_second_run_changes_nothing(self):
        sync_vendor_catalogue("id", "django", path=self.po)
        first = self.po.read_text()
        result = sync_vendor_catalogue("id", "django", path=self.po)
        self.assertEqual(self.po.read_text(), first)
        self.assertEqual((result.added, result.obsoleted, result.untranslated), ([], [], 0))


class ReportTests(SimpleTestCase):
    def test_report_prints_ours_wagtail_and_wagtail_localize(self):
        out = StringIO()
        call_command("catalogue_report", stdout=out)
        report = out.getvalue()
        for row in ("Portal (aplikasi kita)", "Wagtail (django)", "wagtail-localize (django)", "(djangojs)"):
            self.assertIn(row, report)
        self.assertIn("100.0%", report)
