"""What each host tells search engines: robots.txt, its own sitemap, canonical URL, safe JSON-LD."""

from django.template import Context, Template
from django.test import RequestFactory, SimpleTestCase, TestCase

from home.models import StandardPage
from opd.tests.factories import make_opd
from tests.content import make_image, publish


class PerHostTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.disdik = make_opd("disdik", "Dinas Pendidikan")
        cls.dinkes_profile = publish(
            cls.dinkes.site.root_page, StandardPage(title="Profil Dinkes", slug="profil")
        )
        cls.disdik_profile = publish(
            cls.disdik.site.root_page, StandardPage(title="Profil Disdik", slug="profil")
        )

    def test_robots_txt_points_each_host_at_its_own_sitemap(self):
        for host in ("dinkes.ketapangkab.localhost", "disdik.ketapangkab.localhost"):
            with self.subTest(host=host):
                response = self.client.get("/robots.txt", headers={"host": host})
                self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
                self.assertContains(response, f"Sitemap: http://{host}/sitemap.xml")
                self.assertContains(response, "Disallow: /admin/")

    def test_sitemap_lists_only_the_hosts_own_pages(self):
        sitemap = self.client.get(
            "/sitemap.xml", headers={"host": "dinkes.ketapangkab.localhost"}
        ).content.decode()
        self.assertIn("<loc>http://dinkes.ketapangkab.localhost/profil/</loc>", sitemap)
        self.assertNotIn("disdik", sitemap)

    def test_canonical_and_social_meta_use_the_pages_own_host_and_share_image(self):
        self.dinkes_profile.social_image = make_image(self.dinkes, "Gedung Dinas")
        self.dinkes_profile.search_description = "Profil singkat Dinas Kesehatan."
        self.dinkes_profile.save_revision().publish(skip_permission_checks=True)
        html = self.client.get("/profil/", headers={"host": "dinkes.ketapangkab.localhost"}).content.decode()
        self.assertIn('<link rel="canonical" href="http://dinkes.ketapangkab.localhost/profil/">', html)
        self.assertIn('<meta property="og:description" content="Profil singkat Dinas Kesehatan.">', html)
        self.assertIn(
            '<meta property="og:image" content="http://dinkes.ketapangkab.localhost/media/images/', html
        )
        self.assertIn('<meta property="og:image:width" content="', html)
        self.assertIn('<meta property="og:image:alt" content="Alt: Gedung Dinas">', html)
        self.assertIn('<meta name="twitter:card" content="summary_large_image">', html)


class JsonLdTests(SimpleTestCase):
    def test_structured_data_cannot_close_its_script_element(self):
        class Page:
            def get_structured_data(self, request):
                return {"headline": "</script><script>alert(1)</script> & <b>"}

        html = Template("{% load seo_tags %}{% structured_data page %}").render(
            Context({"page": Page(), "request": RequestFactory().get("/")})
        )
        self.assertTrue(html.startswith('<script type="application/ld+json">'))
        self.assertEqual(html.count("</script>"), 1)
        self.assertIn("\\u003C/script\\u003E", html)
