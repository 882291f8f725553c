"""News categories are translated in wagtail-localize's editor, each OPD its own only."""

from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import Translation

from news.models import NewsCategory, NewsIndexPage, NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import approve_through_sop, is_refused, login
from tests.content import publish
from tests.test_translation_sop import english_index
from tests.translation import editor_props, put_string, start_translation, string_segments, translate_strings

HOST = "dinkes.ketapangkab.localhost"
SNIPPETS = "/admin/snippets/news/newscategory/"


class CategoryTranslationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.disdikbud = make_opd("disdikbud", "Dinas Pendidikan dan Kebudayaan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.outsider = member(cls.disdikbud, Role.WEBADMIN)
        cls.en = Locale.objects.get(language_code="en")
        cls.category = NewsCategory.objects.create(
            site=cls.dinkes.site, name="Kesehatan Masyarakat", slug="kesmas", description="Berita kesmas."
        )

    def setUp(self):
        self.webadmin = login(self.people[Role.WEBADMIN], host=HOST)

    def translate_category(self):
        response = self.webadmin.post(
            f"/admin/localize/submit/snippet/news/newscategory/{self.category.pk}/", {"locales": [self.en.pk]}
        )
        self.assertEqual(response.status_code, 302)
        english = NewsCategory.objects.get(translation_key=self.category.translation_key, locale=self.en)
        edit_url = f"{SNIPPETS}edit/{english.pk}/"
        translate_strings(
            self.webadmin,
            edit_url,
            {"Kesehatan Masyarakat": "Public Health", "Berita kesmas.": "Public health news."},
        )
        # A category has no drafts: the editor's Publish saves it (snippets need no SOP).
        self.assertEqual(self.webadmin.post(edit_url, {"action": "publish"}).status_code, 302)
        english.refresh_from_db()
        return english

    def test_web_administrator_translates_a_category_in_the_translation_editor(self):
        english = self.translate_category()
        self.assertEqual(
            (english.name, english.description, english.site),
            ("Public Health", "Public health news.", self.dinkes.site),
        )

    def test_a_translated_article_shows_the_english_category(self):
        self.translate_category()
        index = publish(self.dinkes.site.root_page, NewsIndexPage(title="Berita", slug="berita"))
        english_index(index)
        article = NewsPage(title="Posyandu Aktif", slug="posyandu", lead="Posyandu aktif setiap bulan.")
        article.categories = [self.category]
        article = publish(index, article)
        penulis = login(self.people[Role.PENULIS], host=HOST)
        self.assertEqual(start_translation(penulis, article, self.en.pk).status_code, 302)
        english = article.get_translation(self.en)
        penulis.post(f"/admin/terjemahan/{english.pk}/ajukan/")
        approve_through_sop(english, self.people, HOST)
        page = self.client.get("/en/news/posyandu/", headers={"host": HOST})
        self.assertContains(page, "Public Health")
        self.assertNotContains(page, "Kesehatan Masyarakat")

    def test_another_opd_cannot_translate_or_edit_this_opds_category(self):
        english = self.translate_category()
        translation = Translation.objects.get(
            source__object_id=self.category.translation_key, target_locale=self.en
        )
        segments = string_segments(editor_props(self.webadmin, f"{SNIPPETS}edit/{english.pk}/"))
        outsider = login(self.outsider, host="disdikbud.ketapangkab.localhost")
        self.assertTrue(
            is_refused(outsider.get(f"/admin/localize/submit/snippet/news/newscategory/{self.category.pk}/"))
        )
        self.assertEqual(put_string(outsider, segments["Kesehatan Masyarakat"], "Hacked").status_code, 403)
        self.assertTrue(is_refused(outsider.get(f"/admin/localize/update/{translation.source_id}/")))
        self.assertTrue(
            is_refused(outsider.get(f"/admin/localize/api/snippets/news/newscategory/{self.category.pk}/"))
        )
        self.assertTrue(is_refused(outsider.get("/admin/localize/api/snippets/news/newscategory/")))
        self.assertEqual(outsider.get(f"{SNIPPETS}edit/{english.pk}/").status_code, 404)
        english.refresh_from_db()
        self.assertEqual(english.name, "Public Health")
