"""A news page's English translation goes through the OPD's SOP, over HTTP."""

from django.test import TestCase
from wagtail.models import Locale, Page

from news.models import NewsIndexPage, NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import approve_through_sop, is_refused, login, workflow_action
from tests.content import publish
from tests.translation import editor_props, put_string, start_translation, string_segments, translate_strings

HOST = "dinkes.ketapangkab.localhost"


def english_index(index):
    """The English news list, as an earlier translation through the SOP would have left it."""
    en = Locale.objects.get(language_code="en")
    translated = index.copy_for_translation(en)
    translated.title = "News"
    translated.slug = "news"
    translated.save_revision().publish(skip_permission_checks=True)
    return translated


class TranslationThroughSOPTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.en = Locale.objects.get(language_code="en")
        cls.index = publish(cls.dinkes.site.root_page, NewsIndexPage(title="Berita", slug="berita"))
        cls.index_en = english_index(cls.index)
        cls.article = publish(
            cls.index,
            NewsPage(
                title="Imunisasi Capai Target",
                slug="imunisasi",
                lead="Capaian imunisasi melampaui target provinsi.",
                body=[("paragraph", "<p>Petugas mendatangi setiap posyandu.</p>")],
            ),
        )

    def client_for(self, role):
        return login(self.people[role], host=HOST)

    def test_scratch(self):
        penulis = self.client_for(Role.PENULIS)
        response = start_translation(penulis, self.article, self.en.pk)
        self.assertEqual(response.status_code, 302, response.content[:3000])
        english = self.article.get_translation(self.en)
        self.assertFalse(english.live)
        edit_url = f"/admin/pages/{english.pk}/edit/"
        props = editor_props(penulis, edit_url)
        print(string_segments(props))
        translate_strings(
            penulis,
            edit_url,
            {
                "Imunisasi Capai Target": "Immunisation Reaches Target",
                "Capaian imunisasi melampaui target provinsi.": "Immunisation exceeded the provincial target.",
                "Petugas mendatangi setiap posyandu.": "Health workers visited every posyandu.",
            },
        )
        response = penulis.get(edit_url)
        self.assertContains(response, "Ajukan terjemahan ke")
        response = penulis.post(f"/admin/terjemahan/{english.pk}/ajukan/")
        self.assertEqual(response.status_code, 302)
        english.refresh_from_db()
        print(english.current_workflow_task, english.live, english.draft_title)
        approve_through_sop(english, self.people, HOST)
        response = self.client.get("/en/news/imunisasi-capai-target/", headers={"host": HOST})
        print(response.status_code, english.url_path)
        page = NewsPage.objects.get(pk=english.pk)
        print(page.title, page.url)
