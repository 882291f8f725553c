"""Our routing (core/routing.py) answers every URL exactly as Wagtail's own ``route_for_request``.

Each case is requested over HTTP twice, once with each routing installed, and the answers
(status, redirect target, page) must be the same: live, draft and expired pages, a private
section and its child, an alias, the English tree, routable sub-routes (feeds, the PPID's
routes) of live and draft pages, Wagtail's redirects, slugs that exist elsewhere in the tree,
and a host no Site names.
"""

from contextlib import contextmanager
from datetime import date

from django.test import TestCase
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, PageViewRestriction

from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from opd.tests.factories import make_opd
from portal.core import routing
from tests.content import add_index, publish

HOST = "dinkes.ketapangkab.localhost"

CASES = [
    (HOST, "/"),
    (HOST, "/profil/"),
    (HOST, "/profil/struktur/"),
    (HOST, "/profil/struktur/tidak-ada/"),
    (HOST, "/berita/"),
    (HOST, "/berita/rss/"),
    (HOST, "/berita/posyandu/"),
    (HOST, "/berita/posyandu/rss/"),
    (HOST, "/berita/struktur/"),  # a slug that lives under another parent
    (HOST, "/berita/tidak-ada/"),
    (HOST, "/draf/"),
    (HOST, "/draf/anak/"),
    (HOST, "/kedaluwarsa/"),
    (HOST, "/rahasia/"),
    (HOST, "/rahasia/anak/"),
    (HOST, "/profil-alias/"),
    (HOST, "/profil-alias/struktur/"),
    (HOST, "/ppid/"),
    (HOST, "/ppid/dip/"),
    (HOST, "/ppid/permohonan/"),
    (HOST, "/ppid/lacak/abc/"),
    (HOST, "/ppid/tidak-ada/"),
    (HOST, "/en/"),
    (HOST, "/en/profil/"),
    (HOST, "/en/profil/struktur/"),
    (HOST, "/en/berita/"),
    (HOST, "/lama/"),
    (HOST, "/dinkes/profil/"),  # the site's root slug in the path
    ("ketapangkab.localhost", "/"),
    ("ketapangkab.localhost", "/profil/"),
    ("bukan-situs-kami.localhost", "/"),
    ("bukan-situs-kami.localhost", "/profil/"),
]


@contextmanager
def wagtails_own_routing():
    Page.route_for_request = staticmethod(routing._original_route_for_request)
    try:
        yield
    finally:
        routing.install()


class RoutingParityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        dinkes = make_opd("dinkes", "Dinas Kesehatan")
        home = dinkes.site.root_page
        profile = add_index(dinkes, StandardPage, "Profil", "profil")
        publish(profile, StandardPage(title="Struktur Organisasi", slug="struktur"))
        news = add_index(dinkes, NewsIndexPage, "Berita", "berita")
        publish(news, NewsPage(title="Posyandu", slug="posyandu", date=date(2026, 11, 2), lead="Posyandu."))
        draft = StandardPage(title="Draf", slug="draf", live=False)
        home.add_child(instance=draft)
        draft.add_child(instance=StandardPage(title="Anak draf", slug="anak", live=False))
        expired = publish(home, StandardPage(title="Kedaluwarsa", slug="kedaluwarsa"))
        expired.unpublish()
        Page.objects.filter(pk=expired.pk).update(expired=True)
        secret = publish(home, StandardPage(title="Rahasia", slug="rahasia"))
        publish(secret, StandardPage(title="Anak rahasia", slug="anak"))
        PageViewRestriction.objects.create(page=secret, restriction_type="password", password="sandi")
        profile.create_alias(parent=home, update_slug="profil-alias")
        # The OPD's PPID page (/ppid/ and its sub-routes) comes with the OPD: ppid/provisioning.py.
        english = Locale.objects.get(language_code="en")
        translated = profile.copy_for_translation(english)
        translated.save_revision().publish(skip_permission_checks=True)
        Redirect.objects.create(old_path="/lama", site=dinkes.site, redirect_page=profile)

    def answer(self, host, path):
        response = self.client.get(path, headers={"host": host})
        body = response.content.decode(errors="replace")
        # The page that answered: its <h1> (or the whole body for short answers such as feeds).
        heading = body.split("<h1", 1)[-1].split("</h1>", 1)[0] if "<h1" in body else body[:300]
        return response.status_code, response.headers.get("Location"), heading

    def test_every_case_gets_the_same_answer_from_both_routings(self):
        ours = {case: self.answer(*case) for case in CASES}
        with wagtails_own_routing():
            wagtails = {case: self.answer(*case) for case in CASES}
        for case in CASES:
            with self.subTest(case=case):
                self.assertEqual(ours[case], wagtails[case])
        # The cases are not all alike: pages, sub-routes, 404s, a redirect and a password form.
        statuses = {answer[0] for answer in ours.values()}
        self.assertTrue({200, 404} <= statuses and statuses & {301, 302}, statuses)

    def test_the_comparison_sees_a_different_answer(self):
        """The test above could not pass by comparing nothing: a routing that misses a page
        gives a different answer here."""
        ours = self.answer(HOST, "/profil/struktur/")
        original = routing._route
        routing._route = lambda request, path: None
        try:
            broken = self.answer(HOST, "/profil/struktur/")
        finally:
            routing._route = original
        self.assertEqual(ours[0], 200)
        self.assertEqual(broken[0], 404)
