"""The public layout every page shares (templates/base.html), read through the test client:
landmarks, skip link, language, breadcrumb, footer, images that cannot shift the layout, and
the weight of a news article on a phone (docs/frontend.md)."""

import gzip
import re
from datetime import date
from html.parser import HTMLParser

from django.contrib.staticfiles import finders
from django.test import RequestFactory, TestCase

from home.navigation.models import SiteNavigation
from news.models import NewsIndexPage, NewsPage
from opd.models import SiteBranding
from opd.tests.factories import make_opd
from portal.core.views import server_error
from tests.content import add_index, make_image, publish

HOST = "dinkes.ketapangkab.localhost"
BUDGET_BYTES = 100 * 1024  # HTML + CSS + JS of a news article, before images


class Tags(HTMLParser):
    """Every start tag of a page, as (name, attributes), in document order."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def all(self, name):
        return [attrs for tag, attrs in self.tags if tag == name]


class PublicLayoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        branding = SiteBranding.for_site(cls.dinkes.site)
        branding.official_name = "Dinas Kesehatan Kabupaten Ketapang"
        branding.accent_colour = "#0f6b3a"
        branding.address = "Jl. D.I. Panjaitan No. 5, Ketapang"
        branding.phone = "(0534) 31460"
        branding.email = "dinkes@ketapangkab.go.id"
        branding.instagram_url = "https://instagram.com/dinkes.ketapang"
        branding.save()
        cls.news_index = add_index(cls.dinkes, NewsIndexPage, "Berita", "berita")
        navigation = SiteNavigation.for_site(cls.dinkes.site)
        navigation.main_menu = [("item", {"label": "", "page": cls.news_index, "url": "", "children": []})]
        navigation.save()
        photos = [make_image(cls.dinkes, f"Foto {number}") for number in range(4)]
        body = [("paragraph", "<p>" + "Isi berita yang panjang. " * 40 + "</p>")]
        body += [("image", {"image": photo, "caption": "", "credit": ""}) for photo in photos[1:]]
        cls.article = publish(
            cls.news_index,
            NewsPage(
                title="Imunisasi Campak-Rubela di Puskesmas",
                lead="Petugas menyuntikkan vaksin kepada balita.",
                date=date(2026, 4, 2),
                featured_image=photos[0],
                body=body,
            ),
        )
        for number in range(3):
            publish(
                cls.news_index,
                NewsPage(
                    title=f"Kabar {number}", lead="Teras.", date=date(2026, 4, 3), featured_image=photos[1]
                ),
            )

    def get(self, url, host=HOST):
        response = self.client.get(url, headers={"host": host})
        return response, response.content.decode()

    def test_every_page_has_landmarks_a_skip_link_first_and_its_language(self):
        for url, language in (("/", "id"), ("/berita/", "id"), (self.article.url, "id"), ("/en/", "en")):
            with self.subTest(url=url):
                response, html = self.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(f'<html lang="{language}">', html)
                tags = Tags(html)
                body = [tag for tag, _attrs in tags.tags].index("body")
                first_tag, first = tags.tags[body + 1]
                self.assertEqual(
                    (first_tag, first.get("class"), first.get("href")), ("a", "skip-link", "#konten")
                )
                [main] = tags.all("main")
                self.assertEqual(main["id"], "konten")
                self.assertEqual(html.count('<header class="site-header">'), 1)
                self.assertEqual(html.count('<footer class="site-footer">'), 1)
                self.assertEqual(len([form for form in tags.all("form") if form.get("role") == "search"]), 1)
                navs = tags.all("nav")
                self.assertGreaterEqual(len(navs), 3)  # menu, language switcher, OPD sites
                self.assertTrue(all(nav.get("aria-label") for nav in navs), "every nav is labelled")

    def test_menu_button_controls_the_labelled_main_menu(self):
        _response, html = self.get("/berita/")
        tags = Tags(html)
        [button] = [attrs for attrs in tags.all("button") if "menu-toggle" in attrs.get("class", "")]
        self.assertEqual(button["aria-controls"], "menu-utama")
        self.assertEqual(button["aria-expanded"], "false")
        [menu] = [attrs for attrs in tags.all("nav") if attrs.get("id") == "menu-utama"]
        self.assertEqual(menu["aria-label"], "Menu utama")
        self.assertIn('<a href="/berita/" aria-current="page">Berita</a>', html)

    def test_breadcrumb_leads_from_home_to_the_article(self):
        _response, html = self.get(self.article.url)
        trail = html[
            html.index('<nav class="breadcrumb"') : html.index("</nav>", html.index('class="breadcrumb"'))
        ]
        self.assertIn('aria-label="Jejak navigasi"', trail)
        self.assertEqual(re.findall(r'<a href="([^"]+)">', trail), ["/", "/berita/"])
        self.assertIn(f'<span aria-current="page">{self.article.title}</span>', trail)
        # No breadcrumb on the home page itself.
        self.assertNotIn('class="breadcrumb"', self.get("/")[1])

    def test_every_site_shows_the_regency_identity_with_its_logo_linking_to_the_portal(self):
        branding = SiteBranding.for_site(self.portal.site)
        branding.logo = make_image(self.portal, "Lambang Kabupaten Ketapang")
        branding.save()
        for host in (HOST, "ketapangkab.localhost"):
            with self.subTest(host=host):
                _response, html = self.get("/", host=host)
                strip = html[
                    html.index('<div class="identity-strip">') : html.index('<div class="wrap header-bar">')
                ]
                self.assertIn('<a href="http://ketapangkab.localhost/">', strip)
                self.assertIn("Pemerintah Kabupaten Ketapang</a>", strip)
                [logo] = Tags(strip).all("img")
                self.assertEqual(logo["alt"], "")  # the name beside it says it all
                self.assertEqual(logo["height"], "48")
                self.assertIn("width", logo)

    def test_footer_has_contacts_social_links_and_every_opds_site(self):
        _response, html = self.get("/")
        footer = html[html.index('<footer class="site-footer">') :]
        self.assertIn("Jl. D.I. Panjaitan No. 5, Ketapang", footer)
        self.assertIn('href="tel:(0534)31460"', footer)
        self.assertIn('href="mailto:dinkes@ketapangkab.go.id"', footer)
        self.assertIn('href="https://instagram.com/dinkes.ketapang"', footer)
        self.assertIn('<a href="http://ketapangkab.localhost/">Pemerintah Kabupaten Ketapang</a>', footer)
        self.assertIn('<a href="http://dinkes.ketapangkab.localhost/">Dinas Kesehatan</a>', footer)

    def test_images_have_alt_size_and_srcset_and_only_the_first_photo_loads_eagerly(self):
        _response, html = self.get(self.article.url)
        images = Tags(html[html.index("<main") : html.index("</main>")]).all("img")
        self.assertEqual(len(images), 4)
        for img in images:
            with self.subTest(src=img["src"]):
                self.assertTrue(img["alt"].startswith("Alt: Foto"))
                self.assertGreater(int(img["width"]), 0)
                self.assertGreater(int(img["height"]), 0)
                self.assertRegex(img["srcset"], r" \d+w, .* \d+w")
                self.assertIn("sizes", img)
        self.assertEqual(images[0].get("loading"), "eager", "the photo at the top is not delayed")
        self.assertEqual({img.get("loading") for img in images[1:]}, {"lazy"})
        # The cards of the news list are below the header: lazy too, with their size.
        listing = Tags(self.get("/berita/")[1]).all("img")
        self.assertTrue(listing)
        self.assertEqual(
            {(img.get("loading"), "width" in img, "height" in img) for img in listing}, {("lazy", True, True)}
        )

    def test_news_article_weighs_under_100_kb_of_html_css_and_js_from_our_own_host(self):
        _response, html = self.get(self.article.url)
        tags = Tags(html)
        assets = [attrs["href"] for attrs in tags.all("link") if attrs.get("rel") == "stylesheet"]
        assets += [attrs["src"] for attrs in tags.all("script") if "src" in attrs]
        self.assertEqual(len(assets), 2, "one stylesheet and one script")
        total = len(html.encode())
        compressed = len(gzip.compress(html.encode()))
        for url in assets:
            self.assertTrue(url.startswith("/static/"), f"{url} comes from our own static files")
            path = finders.find(url.removeprefix("/static/"))
            with open(path, "rb") as asset:
                data = asset.read()
            total += len(data)
            compressed += len(gzip.compress(data))
        self.assertLess(total, BUDGET_BYTES, f"{total} bytes uncompressed")
        self.assertLess(compressed, BUDGET_BYTES / 4, f"{compressed} bytes compressed")
        # Nothing in <head> is fetched from another host (no CDN, no web fonts).
        head = html[: html.index("</head>")]
        self.assertNotRegex(
            head, r'(src|href)="(https?:)?//(?!dinkes\.ketapangkab\.localhost)[^"]*\.(css|js)'
        )

    def test_not_found_and_server_error_pages_wear_the_sites_branding(self):
        response, html = self.get("/tidak-ada/")
        self.assertEqual(response.status_code, 404)
        self.assertIn("Halaman tidak ditemukan", html)
        self.assertIn("--accent: #0f6b3a", html)
        self.assertIn("Dinas Kesehatan Kabupaten Ketapang", html)
        self.assertIn('<meta name="robots" content="noindex">', html)

        request = RequestFactory().get("/rusak/", headers={"host": HOST})
        response = server_error(request)
        html = response.content.decode()
        self.assertEqual(response.status_code, 500)
        self.assertIn("Terjadi gangguan", html)
        self.assertIn("--accent: #0f6b3a", html)
        self.assertIn("Dinas Kesehatan Kabupaten Ketapang", html)
        self.assertIn('<html lang="id">', html)
