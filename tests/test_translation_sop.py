"""English translations of an OPD's pages go through the OPD's SOP, over HTTP.

wagtail-localize's editor keeps the translated strings; "Ajukan terjemahan ke <SOP>"
(translations/) saves them as a draft of the English page and starts the workflow, whose
Publikasi step publishes it. Nobody else can publish it, and no other OPD can touch it.
"""

import re

from bs4 import BeautifulSoup
from django.test import TestCase
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

from news.models import NewsIndexPage, NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import approve_through_sop, edit_page, is_refused, login, workflow_action
from tests.content import publish
from tests.translation import editor_props, put_string, start_translation, string_segments, translate_strings

HOST = "dinkes.ketapangkab.localhost"
TITLE = "Imunisasi Capai Target"
LEAD = "Capaian imunisasi melampaui target provinsi."
PARAGRAPH = "Petugas mendatangi setiap posyandu."
ENGLISH = {
    TITLE: "Immunisation Reaches Target",
    LEAD: "Immunisation exceeded the provincial target.",
    PARAGRAPH: "Health workers visited every posyandu.",
}


def english_index(index):
    """The English news list, as an earlier translation through the SOP would have left it."""
    translated = index.copy_for_translation(Locale.objects.get(language_code="en"))
    translated.title = "News"
    translated.slug = "news"
    translated.save_revision().publish(skip_permission_checks=True)
    return translated


def switcher_links(response):
    """{lang: href} of the public language switcher."""
    soup = BeautifulSoup(response.content, "html.parser")
    nav = soup.select_one("nav.language-switcher")
    assert nav is not None, "no language switcher"
    return {link["hreflang"]: link["href"] for link in nav.select("a[hreflang]")}


def alternates(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}


class TranslationSOPTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.disdikbud = make_opd("disdikbud", "Dinas Pendidikan dan Kebudayaan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.outsider = member(cls.disdikbud, Role.PENULIS)
        cls.outsider_admin = member(cls.disdikbud, Role.WEBADMIN)
        cls.en = Locale.objects.get(language_code="en")
        cls.index = publish(cls.dinkes.site.root_page, NewsIndexPage(title="Berita", slug="berita"))
        cls.index_en = english_index(cls.index)
        cls.article = publish(
            cls.index,
            NewsPage(title=TITLE, slug="imunisasi", lead=LEAD, body=[("paragraph", f"<p>{PARAGRAPH}</p>")]),
        )

    def client_for(self, role):
        return login(self.people[role], host=HOST)

    def public(self, path):
        return self.client.get(path, headers={"host": HOST})

    def start(self):
        """The Penulis starts the English translation and translates every string."""
        penulis = self.client_for(Role.PENULIS)
        response = start_translation(penulis, self.article, self.en.pk)
        self.assertEqual(response.status_code, 302)
        english = self.article.get_translation(self.en)
        translate_strings(penulis, self.edit_url(english), ENGLISH)
        return penulis, english

    @staticmethod
    def edit_url(page):
        return f"/admin/pages/{page.pk}/edit/"

    @staticmethod
    def submit_url(page):
        return f"/admin/terjemahan/{page.pk}/ajukan/"


class TranslationThroughSOPTests(TranslationSOPTestCase):
    def test_translation_travels_the_sop_and_goes_live_at_its_english_url(self):
        penulis, english = self.start()
        self.assertFalse(english.live, "a translation of a live page must start as a draft")
        self.assertEqual(self.public("/en/news/imunisasi/").status_code, 404)

        editor = penulis.get(self.edit_url(english))
        self.assertContains(editor, "Ajukan terjemahan ke SOP Pengelolaan Website — Dinas Kesehatan")
        self.assertContains(penulis.get(self.submit_url(english)), "Ajukan terjemahan ke SOP")
        response = penulis.post(self.submit_url(english))
        self.assertEqual(response.status_code, 302)

        english.refresh_from_db()
        self.assertFalse(english.live)
        self.assertEqual(english.current_workflow_task.specific.step, "koreksi")
        self.assertEqual(english.current_workflow_state.requested_by, self.people[Role.PENULIS])
        self.assertEqual(english.get_latest_revision().as_object().title, ENGLISH[TITLE])
        self.assertEqual(self.public("/en/news/imunisasi/").status_code, 404)

        approve_through_sop(english, self.people, HOST)
        page = self.public("/en/news/imunisasi/")
        self.assertContains(page, ENGLISH[TITLE])
        self.assertContains(page, ENGLISH[PARAGRAPH])
        self.assertContains(page, '<html lang="en">')

    def test_the_original_and_its_translation_link_to_each_other(self):
        _penulis, english = self.start()
        self.client_for(Role.PENULIS).post(self.submit_url(english))
        approve_through_sop(english, self.people, HOST)

        original = self.public("/berita/imunisasi/")
        self.assertEqual(switcher_links(original)["en"], "/en/news/imunisasi/")
        self.assertEqual(
            alternates(original),
            {
                "id": f"http://{HOST}/berita/imunisasi/",
                "en": f"http://{HOST}/en/news/imunisasi/",
                "x-default": f"http://{HOST}/berita/imunisasi/",
            },
        )
        translated = self.public("/en/news/imunisasi/")
        self.assertEqual(switcher_links(translated)["id"], "/berita/imunisasi/")
        self.assertEqual(alternates(translated), alternates(original))

    def test_changes_requested_then_corrected_resume_the_same_workflow(self):
        penulis, english = self.start()
        penulis.post(self.submit_url(english))
        english.refresh_from_db()
        state = english.current_workflow_state
        response = workflow_action(
            self.client_for(Role.EDITOR), english, "reject", comment="Judul kurang tepat."
        )
        self.assertEqual(response.status_code, 302)
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)

        segments = string_segments(editor_props(penulis, self.edit_url(english)))
        self.assertEqual(
            put_string(penulis, segments[TITLE], "Immunisation Beats the Target").status_code, 200
        )
        self.assertEqual(penulis.post(self.submit_url(english)).status_code, 302)
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(english.current_workflow_state.pk, state.pk)

        approve_through_sop(english, self.people, HOST)
        self.assertContains(self.public("/en/news/imunisasi/"), "Immunisation Beats the Target")

    def test_submitting_twice_while_in_moderation_is_refused(self):
        penulis, english = self.start()
        penulis.post(self.submit_url(english))
        self.assertEqual(penulis.post(self.submit_url(english)).status_code, 302)
        self.assertEqual(english.workflow_states.count(), 1)
        self.assertContains(penulis.get(self.submit_url(english)), "sudah dalam moderasi")
        self.assertNotContains(penulis.get(self.edit_url(english)), "Ajukan terjemahan ke")

    def test_a_change_to_a_live_translation_waits_for_the_sop(self):
        penulis, english = self.start()
        penulis.post(self.submit_url(english))
        approve_through_sop(english, self.people, HOST)

        segments = string_segments(editor_props(penulis, self.edit_url(english)))
        put_string(penulis, segments[TITLE], "Immunisation Title Rewritten")
        self.assertEqual(penulis.post(self.submit_url(english)).status_code, 302)
        english.refresh_from_db()
        self.assertTrue(english.live)
        self.assertTrue(english.has_unpublished_changes)
        live = self.public("/en/news/imunisasi/")
        self.assertContains(live, ENGLISH[TITLE])
        self.assertNotContains(live, "Immunisation Title Rewritten")

        approve_through_sop(english, self.people, HOST)
        self.assertContains(self.public("/en/news/imunisasi/"), "Immunisation Title Rewritten")


class NoPublicationAroundTheSOPTests(TranslationSOPTestCase):
    def test_penulis_cannot_publish_the_translation_directly(self):
        penulis, english = self.start()
        props = editor_props(penulis, self.edit_url(english))
        self.assertFalse(props["perms"]["canPublish"])

        response = penulis.post(self.edit_url(english), {"action": "publish"})
        self.assertTrue(is_refused(response), response.status_code)
        english.refresh_from_db()
        self.assertFalse(english.live)
        self.assertEqual(self.public("/en/news/imunisasi/").status_code, 404)

    def test_every_sop_role_is_refused_the_publish_action(self):
        _penulis, english = self.start()
        for role in (Role.EDITOR, Role.REDAKTUR, Role.WEBADMIN):
            response = self.client_for(role).post(self.edit_url(english), {"action": "publish"})
            self.assertTrue(is_refused(response), (role, response.status_code))
        english.refresh_from_db()
        self.assertFalse(english.live)

    def test_converting_the_translation_to_an_alias_is_refused(self):
        penulis, english = self.start()
        response = penulis.post(f"/admin/localize/page/{english.pk}/convert_to_alias/")
        self.assertTrue(is_refused(response), response.status_code)
        english.refresh_from_db()
        self.assertIsNone(english.alias_of_id)
        self.assertFalse(english.live)

    def test_sync_with_publish_immediately_is_refused(self):
        penulis, english = self.start()
        source = Translation.objects.get(
            target_locale=self.en, source__object_id=self.article.translation_key
        ).source
        response = penulis.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
        self.assertTrue(is_refused(response), response.status_code)
        english.refresh_from_db()
        self.assertFalse(english.live)


class OtherOPDTests(TranslationSOPTestCase):
    def test_another_opd_cannot_start_a_translation_of_this_opds_page(self):
        outsider = login(self.outsider, host=HOST)
        response = start_translation(outsider, self.article, self.en.pk)
        self.assertTrue(is_refused(response), response.status_code)
        self.assertIsNone(self.article.get_translation_or_none(self.en))

    def test_another_opd_cannot_open_edit_or_submit_this_opds_translation(self):
        _penulis, english = self.start()
        translation = Translation.objects.get(
            target_locale=self.en, source__object_id=self.article.translation_key
        )
        string = StringTranslation.objects.filter(locale=self.en, data=ENGLISH[TITLE]).get()
        edit_string_url = next(
            url
            for source, url in string_segments(editor_props(_penulis, self.edit_url(english))).items()
            if source == TITLE
        )
        outsider = login(self.outsider, host=HOST)
        for url in (
            self.edit_url(english),
            self.submit_url(english),
            f"/admin/localize/translate/{translation.pk}/preview/",
            f"/admin/localize/translate/{translation.pk}/pofile/download/",
            f"/admin/localize/update/{translation.source_id}/",
        ):
            self.assertTrue(is_refused(outsider.get(url)), url)
        self.assertEqual(put_string(outsider, edit_string_url, "Hacked").status_code, 403)
        self.assertTrue(is_refused(outsider.post(self.submit_url(english))))
        self.assertTrue(is_refused(outsider.post(f"/admin/localize/translate/{translation.pk}/disable/")))
        string.refresh_from_db()
        self.assertEqual(string.data, ENGLISH[TITLE])
        english.refresh_from_db()
        self.assertIsNone(english.current_workflow_state)
        self.assertTrue(Translation.objects.get(pk=translation.pk).enabled)

    def test_the_translations_report_is_reserved_to_the_web_developer(self):
        self.start()
        penulis = self.client_for(Role.PENULIS)
        self.assertTrue(is_refused(penulis.get("/admin/localize/reports/translations/")))
        self.assertNotContains(penulis.get("/admin/"), "/admin/localize/reports/translations/")


class OutOfDateTranslationTests(TranslationSOPTestCase):
    def test_a_changed_original_shows_the_translation_out_of_date_and_sync_carries_the_new_text(self):
        penulis, english = self.start()
        penulis.post(self.submit_url(english))
        approve_through_sop(english, self.people, HOST)
        self.assertNotContains(penulis.get(self.edit_url(english)), "Teks asli berubah")

        # The Indonesian original gets a new lead through its own SOP.
        new_lead = "Capaian imunisasi kini 95 persen."
        response = edit_page(penulis, self.article, {"lead": new_lead})
        self.assertEqual(response.status_code, 302)
        approve_through_sop(self.article, self.people, HOST)

        editor = penulis.get(self.edit_url(english))
        self.assertContains(editor, "Teks asli berubah: perbarui terjemahan")
        source_id = Translation.objects.get(
            pk=editor_props(penulis, self.edit_url(english))["links"]["stopTranslationUrl"].split("/")[-3]
        ).source_id
        response = penulis.post(f"/admin/localize/update/{source_id}/", {})
        self.assertEqual(response.status_code, 302)
        self.assertNotContains(penulis.get(self.edit_url(english)), "Teks asli berubah")

        segments = string_segments(editor_props(penulis, self.edit_url(english)))
        self.assertIn(new_lead, segments, "the new text is offered for translation")
        self.assertNotIn(LEAD, segments)
        penulis.post(self.submit_url(english))
        approve_through_sop(english, self.people, HOST)
        page = self.public("/en/news/imunisasi/")
        self.assertContains(page, new_lead)  # untranslated yet: the original's words
        self.assertContains(page, ENGLISH[TITLE])  # what was translated stays translated


class LanguageSwitcherTests(TranslationSOPTestCase):
    def test_switching_on_a_page_without_translation_goes_to_the_english_home(self):
        links = switcher_links(self.public("/berita/imunisasi/"))
        self.assertEqual(links["en"], "/en/")
        self.assertEqual(self.public(links["en"]).status_code, 200)
        self.assertEqual(links["id"], "/berita/imunisasi/")

    def test_the_switcher_is_a_labelled_nav_with_languages_marked(self):
        soup = BeautifulSoup(self.public("/berita/").content, "html.parser")
        nav = soup.select_one("header nav.language-switcher")
        self.assertEqual(nav["aria-label"], "Pilihan bahasa")
        current = nav.select_one("a[aria-current]")
        self.assertEqual((current["lang"], current["hreflang"]), ("id", "id"))
        english = nav.select_one('a[lang="en"]')
        self.assertEqual(english.get_text(strip=True), "English")
        self.assertEqual(english["href"], "/en/news/")

    def test_search_switches_to_the_same_search_in_english(self):
        links = switcher_links(self.public("/cari/?q=imunisasi"))
        self.assertEqual(links["en"], "/en/cari/?q=imunisasi")

    def test_a_missing_page_offers_the_homes(self):
        response = self.public("/en/tidak-ada/")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(switcher_links(response), {"id": "/", "en": "/en/"})

    def test_sitemap_lists_both_languages_with_alternates_for_this_host_only(self):
        sitemap = self.public("/sitemap.xml").content.decode()
        self.assertIn(f"<loc>http://{HOST}/en/news/</loc>", sitemap)
        self.assertIn(f'<xhtml:link rel="alternate" hreflang="en" href="http://{HOST}/en/news/"/>', sitemap)
        self.assertIn(
            f'<xhtml:link rel="alternate" hreflang="x-default" href="http://{HOST}/berita/"/>', sitemap
        )
        self.assertNotIn("/en/news/imunisasi/", sitemap, "a translation that is not live is not listed")
        self.assertFalse(re.search(r"<loc>http://(?!dinkes\.)", sitemap), "another host's page is listed")
