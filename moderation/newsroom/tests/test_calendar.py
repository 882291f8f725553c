"""The editorial calendar: the right items, for the right OPD, in the right week, in WIB."""

from datetime import UTC, datetime

import time_machine
from bs4 import BeautifulSoup
from django.test import TestCase

from moderation.compliance.tests.history import wib
from moderation.newsroom.models import Status
from moderation.newsroom.tests.factories import make_assignment
from news.events.models import EventPage
from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import UserFactory, make_opd, member
from tests.admin import is_refused, login
from tests.querycount import ConstantQueriesMixin
from tests.test_sop_workflow import add_news_index


def calendar(client, **params):
    response = client.get("/admin/liputan/kalender/", params)
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        day["data-date"]: [
            (item["data-kind"], " ".join(item.get_text(" ").split())) for item in day.select(".redaksi-item")
        ]
        for day in soup.select(".redaksi-day")
    }


class EditorialCalendarTests(ConstantQueriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        # The set-up publishes pages (the news index): at a fixed time well before the weeks under
        # test, so that "published now" never lands in them whatever the real clock says.
        with time_machine.travel(wib(2026, 11, 2, 9, 0), tick=False):
            cls.build()

    @classmethod
    def build(cls):
        cls.portal = make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.kominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        cls.dk = {role: member(cls.dinkes, role) for role in Role}
        cls.kominfo_penulis = member(cls.kominfo, Role.PENULIS)
        cls.portal_redaktur = member(cls.portal, Role.REDAKTUR)
        penulis = cls.dk[Role.PENULIS]
        # Sunday 29 November 23:30 UTC is Monday 30 November 06:30 in Ketapang (WIB, UTC+7).
        cls.monday = make_assignment(
            cls.dinkes,
            [penulis],
            title="Senam pagi",
            starts_at=datetime(2026, 11, 29, 23, 30, tzinfo=UTC),
            planned_publication=datetime(2026, 12, 2).date(),
        )
        # Sunday 29 November 23:00 WIB: the week before.
        cls.sunday = make_assignment(
            cls.dinkes, [penulis], title="Jalan sehat", starts_at=datetime(2026, 11, 29, 16, 0, tzinfo=UTC)
        )
        make_assignment(
            cls.kominfo, [cls.kominfo_penulis], title="Rapat kominfo", starts_at=wib(2026, 12, 1, 10, 0)
        )
        home = cls.dinkes.site.root_page
        home.add_child(
            instance=EventPage(
                title="Posyandu keliling",
                start=wib(2026, 12, 3, 9, 0),
                place="Desa Sukabangun",
                summary="Posyandu.",
            )
        )
        index = add_news_index(cls.dinkes)
        with time_machine.travel(wib(2026, 12, 1, 10, 15), tick=False):
            published = NewsPage(title="Vaksinasi lansia", lead="Teras.", owner=penulis)
            index.add_child(instance=published)
            published.save_revision(user=penulis).publish(skip_permission_checks=True)
        scheduled = NewsPage(title="Hari Kesehatan", lead="Teras.", owner=penulis, live=False)
        index.add_child(instance=scheduled)
        scheduled.save_revision(user=penulis, approved_go_live_at=wib(2026, 12, 4, 8, 0))

    def test_week_in_wib_with_every_kind_of_item_of_the_opd(self):
        days = calendar(login(self.dk[Role.EDITOR]), tanggal="2026-12-02")
        self.assertEqual(list(days)[0], "2026-11-30")
        self.assertEqual(list(days)[-1], "2026-12-06")
        self.assertEqual(len(days["2026-11-30"]), 1)
        kind, label = days["2026-11-30"][0]
        self.assertEqual(kind, "penugasan")
        self.assertIn("06:30 Senam pagi", label)
        self.assertIn("Ditugaskan", label)
        self.assertEqual([kind for kind, _label in days["2026-12-01"]], ["terbit"])
        self.assertIn("10:15 Vaksinasi lansia", days["2026-12-01"][0][1])
        self.assertEqual([kind for kind, _label in days["2026-12-02"]], ["rencana"])
        self.assertIn("Senam pagi", days["2026-12-02"][0][1])
        self.assertEqual([kind for kind, _label in days["2026-12-03"]], ["agenda"])
        self.assertIn("09:00 Posyandu keliling", days["2026-12-03"][0][1])
        self.assertEqual([kind for kind, _label in days["2026-12-04"]], ["terjadwal"])
        self.assertIn("08:00 Hari Kesehatan", days["2026-12-04"][0][1])
        everything = str(days)
        self.assertNotIn("Jalan sehat", everything)  # Sunday night WIB belongs to the week before
        self.assertNotIn("Rapat kominfo", everything)  # another OPD's

    def test_the_sunday_night_assignment_is_in_the_previous_week_and_in_the_month(self):
        client = login(self.dk[Role.PENULIS])
        days = calendar(client, tanggal="2026-11-23")
        self.assertIn("23:00 Jalan sehat", days["2026-11-29"][0][1])
        self.assertNotIn("Senam pagi", str(days))
        month = calendar(client, tanggal="2026-11-15", tampilan="bulan")
        self.assertEqual((list(month)[0], list(month)[-1]), ("2026-11-01", "2026-11-30"))
        self.assertIn("Jalan sehat", str(month["2026-11-29"]))
        self.assertIn("Senam pagi", str(month["2026-11-30"]))

    def test_filters_by_kind_status_and_person(self):
        client = login(self.dk[Role.REDAKTUR])
        only_assignments = calendar(client, tanggal="2026-12-02", jenis="penugasan")
        self.assertEqual([k for items in only_assignments.values() for k, _label in items], ["penugasan"])
        done = calendar(client, tanggal="2026-12-02", status=Status.DONE)
        self.assertEqual([k for items in done.values() for k, _label in items], [])
        someone_else = UserFactory(username="penulis2.dinkes")
        someone_else.groups.add(self.dinkes.group_for(Role.PENULIS))
        theirs = calendar(client, tanggal="2026-12-02", orang=someone_else.pk)
        self.assertEqual([k for items in theirs.values() for k, _label in items], [])
        mine = calendar(client, tanggal="2026-12-02", orang=self.dk[Role.PENULIS].pk)
        self.assertIn("Senam pagi", str(mine["2026-11-30"]))

    def test_regency_wide_for_the_portals_redaktur_and_the_web_developer_only(self):
        for user in (self.portal_redaktur, UserFactory(username="developer", is_superuser=True)):
            days = calendar(login(user), tanggal="2026-12-02")
            self.assertIn("Rapat kominfo", str(days["2026-12-01"]))
            self.assertIn("Senam pagi", str(days["2026-11-30"]))
            self.assertIn("Dinas Komunikasi dan Informatika", str(days["2026-12-01"]))
        kominfo_days = calendar(login(self.kominfo_penulis), tanggal="2026-12-02")
        self.assertIn("Rapat kominfo", str(kominfo_days))
        self.assertNotIn("Senam pagi", str(kominfo_days))
        self.assertNotIn("Posyandu", str(kominfo_days))
        self.assertNotIn("Vaksinasi", str(kominfo_days))

    def test_someone_outside_every_opd_is_refused(self):
        from django.contrib.auth.models import Permission

        outsider = UserFactory(username="tamu")
        outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
        self.assertTrue(is_refused(login(outsider).get("/admin/liputan/kalender/")))

    def test_regency_calendar_costs_the_same_queries_whatever_the_number_of_opds_and_items(self):
        self.client.force_login(UserFactory(username="developer", is_superuser=True))

        def grow():
            dinsos = make_opd("dinsos", "Dinas Sosial")
            penulis = member(dinsos, Role.PENULIS)
            for hour in (8, 10, 13):
                make_assignment(
                    dinsos, [penulis], title=f"Bansos {hour}", starts_at=wib(2026, 12, 1, hour, 0)
                )
            dinsos.site.root_page.add_child(
                instance=EventPage(
                    title="Bazar", start=wib(2026, 12, 5, 9, 0), place="Pasar", summary="Bazar."
                )
            )

        self.assert_constant_queries(
            "/admin/liputan/kalender/?tanggal=2026-12-02", "ketapangkab.localhost", grow, "Bansos 13"
        )
