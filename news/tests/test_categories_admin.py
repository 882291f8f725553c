"""News categories are per site: each OPD's Web Administrator sees and edits only its own."""

from django.test import TestCase

from news.models import NewsCategory, NewsIndexPage, NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import create_page, login
from tests.content import add_index

INDEX_URL = "/admin/snippets/news/newscategory/"


class CategoryIsolationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.disdik = make_opd("disdik", "Dinas Pendidikan")
        cls.webadmin = member(cls.dinkes, Role.WEBADMIN)
        cls.penulis = member(cls.dinkes, Role.PENULIS)
        cls.own = NewsCategory.objects.create(site=cls.dinkes.site, name="Gizi Masyarakat", slug="gizi")
        cls.foreign = NewsCategory.objects.create(
            site=cls.disdik.site, name="Kurikulum Merdeka", slug="kurikulum"
        )

    def setUp(self):
        self.client = login(self.webadmin, host="dinkes.ketapangkab.localhost")

    def test_listing_and_chooser_show_only_the_own_sites_categories(self):
        for url in (INDEX_URL, "/admin/snippets/choose/news/newscategory/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Gizi Masyarakat")
                self.assertNotContains(response, "Kurikulum Merdeka")

    def test_another_opds_category_cannot_be_opened_edited_or_deleted_by_url(self):
        for action in ("edit", "delete", "copy", "usage", "history"):
            with self.subTest(action=action):
                response = self.client.get(f"{INDEX_URL}{action}/{self.foreign.pk}/")
                # Not found, or the portal's "no permission" page (core/errors.py): never the category.
                self.assertIn(response.status_code, (403, 404))
                self.assertNotContains(response, "Kurikulum Merdeka", status_code=response.status_code)
        self.client.post(f"{INDEX_URL}delete/{self.foreign.pk}/")
        self.assertTrue(NewsCategory.objects.filter(pk=self.foreign.pk).exists())

    def test_bulk_delete_reaches_only_the_own_sites_categories(self):
        url = f"/admin/bulk/news/newscategory/delete/?id={self.foreign.pk}&id={self.own.pk}"
        confirm = self.client.get(url)
        self.assertContains(confirm, "Gizi Masyarakat")
        self.assertNotContains(confirm, "Kurikulum Merdeka")
        self.client.post(url, {"next": INDEX_URL})
        self.assertFalse(NewsCategory.objects.filter(pk=self.own.pk).exists())
        self.assertTrue(NewsCategory.objects.filter(pk=self.foreign.pk).exists())

    def test_web_administrator_adds_a_category_to_their_own_site(self):
        response = self.client.post(
            f"{INDEX_URL}add/?locale=id", {"name": "Kesehatan Lingkungan", "slug": ""}
        )
        self.assertEqual(response.status_code, 302)
        category = NewsCategory.objects.get(name="Kesehatan Lingkungan")
        self.assertEqual((category.site, category.slug), (self.dinkes.site, "kesehatan-lingkungan"))

    def test_a_category_added_in_the_admin_is_a_filter_of_the_news_list_at_once(self):
        add_index(self.dinkes, NewsIndexPage, "Berita", "berita")
        public = self.client_class()
        before = public.get("/berita/", headers={"host": "dinkes.ketapangkab.localhost"})
        self.assertContains(before, "Gizi Masyarakat")  # the list's filter, kept per worker
        self.assertNotContains(before, "Kesehatan Lingkungan")
        self.client.post(f"{INDEX_URL}add/?locale=id", {"name": "Kesehatan Lingkungan", "slug": ""})
        after = public.get("/berita/", headers={"host": "dinkes.ketapangkab.localhost"})
        self.assertContains(after, "Kesehatan Lingkungan")

    def test_a_forged_site_is_ignored_for_a_one_site_opd(self):
        self.client.post(f"{INDEX_URL}add/?locale=id", {"site": self.disdik.site.pk, "name": "Sisipan"})
        self.assertEqual(NewsCategory.objects.get(slug="sisipan").site, self.dinkes.site)

    def test_a_member_of_two_opds_chooses_between_them_and_a_third_site_is_a_field_error(self):
        self.webadmin.groups.add(self.disdik.group_for(Role.WEBADMIN))
        form = self.client.get(f"{INDEX_URL}add/?locale=id").content.decode()
        self.assertIn(f'<option value="{self.disdik.site.pk}">', form)
        other = make_opd("dinsos", "Dinas Sosial")
        forged = self.client.post(f"{INDEX_URL}add/?locale=id", {"site": other.site.pk, "name": "Sisipan"})
        self.assertEqual(forged.status_code, 200)
        self.assertContains(forged, "Pilih situs OPD Anda sendiri.")
        self.assertFalse(NewsCategory.objects.filter(slug="sisipan").exists())

    def test_a_duplicate_slug_is_a_field_error_and_nothing_is_saved(self):
        duplicate = self.client.post(f"{INDEX_URL}add/?locale=id", {"name": "Gizi", "slug": "gizi"})
        self.assertEqual(duplicate.status_code, 200)
        self.assertContains(duplicate, "sudah punya kategori dengan slug")
        self.assertEqual(NewsCategory.objects.filter(slug="gizi").count(), 1)

    def test_a_penulis_cannot_manage_categories(self):
        penulis = login(self.penulis, host="dinkes.ketapangkab.localhost")
        self.assertEqual(penulis.get(f"{INDEX_URL}add/?locale=id").status_code, 403)
        self.assertEqual(penulis.get(f"{INDEX_URL}edit/{self.own.pk}/").status_code, 403)

    def test_article_editor_offers_only_the_own_sites_categories_and_refuses_others(self):
        index = add_index(self.dinkes, NewsIndexPage, "Berita", "berita")
        penulis = login(self.penulis, host="dinkes.ketapangkab.localhost")
        form = penulis.get(f"/admin/pages/add/news/newspage/{index.pk}/").content.decode()
        self.assertIn("Gizi Masyarakat", form)
        self.assertNotIn("Kurikulum Merdeka", form)
        response = create_page(
            penulis,
            index,
            NewsPage,
            {"title": "Berita Sisipan", "slug": "sisipan", "lead": "x", "categories": [self.foreign.pk]},
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(NewsPage.objects.filter(slug="sisipan").exists())
