"""Per-site menus: edited by the OPD's own Web Administrator only, rendered on every page."""

from django.test import TestCase
from wagtail.models import GroupSitePermission

from home.models import StandardPage
from home.navigation.models import SiteNavigation
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import login, stream
from tests.content import publish

HOST = "dinkes.ketapangkab.localhost"


def settings_url(site):
    return f"/admin/settings/navigation/sitenavigation/{site.pk}/"


def link(label="", page="", url="", **extra):
    return {"label": label, "page": page, "url": url, **extra}


class NavigationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.disdik = make_opd("disdik", "Dinas Pendidikan")
        cls.webadmin = member(cls.dinkes, Role.WEBADMIN)
        cls.penulis = member(cls.dinkes, Role.PENULIS)
        cls.profile = publish(cls.dinkes.site.root_page, StandardPage(title="Profil Dinas", slug="profil"))

    def menu_data(self, items):
        return {
            **stream("main_menu", items),
            "footer_links-count": "0",
            **stream(
                "quick_links",
                [("link", link("SP4N-LAPOR!", url="https://www.lapor.go.id/", description="Aduan"))],
            ),
        }

    def test_provisioning_lets_each_web_administrator_edit_only_their_own_sites_menus(self):
        granted = GroupSitePermission.objects.filter(permission__codename="change_sitenavigation")
        self.assertEqual(
            set(granted.values_list("group", "site")),
            {
                (self.dinkes.group_for(Role.WEBADMIN).pk, self.dinkes.site.pk),
                (self.disdik.group_for(Role.WEBADMIN).pk, self.disdik.site.pk),
            },
        )

    def test_web_administrator_builds_the_main_menu_and_it_shows_on_the_public_site(self):
        client = login(self.webadmin, host=HOST)
        children = {
            "count": "1",
            "0": {
                "value": link(url="https://ppid.ketapangkab.go.id/", label="PPID"),
                "deleted": "",
                "order": "0",
                "id": "",
            },
        }
        response = client.post(
            settings_url(self.dinkes.site),
            self.menu_data([("item", link(page=self.profile.pk, children=children))]),
        )
        self.assertEqual(response.status_code, 302)
        page = self.client.get("/", headers={"host": HOST}).content.decode()
        self.assertIn('<nav class="main-nav" id="menu-utama" aria-label="Menu utama">', page)
        self.assertIn('<a href="/profil/">Profil Dinas</a>', page)  # a page link takes the page's title
        self.assertIn('<a href="https://ppid.ketapangkab.go.id/">PPID</a>', page)
        # Another OPD's menu holds only what provisioning gave it (its PPID entry).
        other = self.client.get("/", headers={"host": "disdik.ketapangkab.localhost"}).content.decode()
        self.assertNotIn("Profil Dinas", other)

    def test_a_link_with_both_a_page_and_an_address_is_refused_and_nothing_is_saved(self):
        client = login(self.webadmin, host=HOST)
        before = SiteNavigation.for_site(self.dinkes.site).main_menu.get_prep_value()
        response = client.post(
            settings_url(self.dinkes.site),
            self.menu_data(
                [("item", link(page=self.profile.pk, url="https://contoh.go.id/", children={"count": "0"}))]
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(SiteNavigation.for_site(self.dinkes.site).main_menu.get_prep_value(), before)

    def test_another_opds_menu_and_a_penulis_are_refused(self):
        client = login(self.webadmin, host=HOST)
        for response in (
            client.get(settings_url(self.disdik.site)),
            client.post(settings_url(self.disdik.site), self.menu_data([])),
            login(self.penulis, host=HOST).get(settings_url(self.dinkes.site)),
        ):
            with self.subTest():
                self.assertNotEqual(response.status_code, 200)
                self.assertNotIn("Dinas Pendidikan", response.get("Location", ""))
        self.assertFalse(SiteNavigation.for_site(self.disdik.site).quick_links)
        # Opening the settings lands the Web Administrator on their own site.
        self.assertRedirects(
            client.get("/admin/settings/navigation/sitenavigation/"),
            settings_url(self.dinkes.site),
            fetch_redirect_response=False,
        )
