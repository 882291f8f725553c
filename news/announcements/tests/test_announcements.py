"""Pengumuman: validity period, expiry without unpublishing, and a list of constant cost."""

from datetime import timedelta

import time_machine
from django.test import TestCase
from django.utils import timezone

from news.announcements.models import AnnouncementIndexPage, AnnouncementPage
from opd.tests.factories import make_opd
from tests.content import add_index, days, publish
from tests.querycount import ConstantQueriesMixin

HOST = "dinkes.ketapangkab.localhost"


def add_announcement(index, title, valid_from=0, valid_until=None):
    return publish(
        index,
        AnnouncementPage(
            title=title,
            summary=f"Ringkasan {title}.",
            date=days(valid_from),
            valid_from=days(valid_from),
            valid_until=days(valid_until) if valid_until is not None else None,
        ),
    )


class AnnouncementValidityTests(ConstantQueriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.index = add_index(cls.dinkes, AnnouncementIndexPage, "Pengumuman", "pengumuman")
        cls.current = add_announcement(cls.index, "Jadwal Posyandu", valid_from=-1, valid_until=2)
        cls.open_ended = add_announcement(cls.index, "Layanan UGD 24 Jam", valid_from=-10)
        cls.expired = add_announcement(cls.index, "Pendaftaran Ditutup", valid_from=-20, valid_until=-1)
        cls.pending = add_announcement(cls.index, "Libur Akhir Tahun", valid_from=5, valid_until=9)

    def get(self, url):
        return self.client.get(url, headers={"host": HOST})

    def test_list_and_feed_show_only_announcements_valid_today(self):
        for url in ("/pengumuman/", "/pengumuman/rss/"):
            with self.subTest(url=url):
                response = self.get(url)
                self.assertContains(response, "Jadwal Posyandu")
                self.assertContains(response, "Layanan UGD 24 Jam")
                self.assertNotContains(response, "Pendaftaran Ditutup")
                self.assertNotContains(response, "Libur Akhir Tahun")

    def test_expired_announcement_stays_reachable_with_an_expired_notice(self):
        response = self.get(self.expired.get_url_parts()[2])
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Pengumuman ini sudah tidak berlaku.")
        self.assertNotContains(self.get(self.current.get_url_parts()[2]), "sudah tidak berlaku")

    def test_expired_announcement_leaves_the_sitemap(self):
        sitemap = self.get("/sitemap.xml").content.decode()
        self.assertIn(self.current.get_full_url(), sitemap)
        self.assertNotIn(self.expired.get_full_url(), sitemap)

    def test_announcement_drops_off_the_list_the_day_after_it_expires_without_unpublishing(self):
        last_day = timezone.localtime().replace(hour=12) + timedelta(days=2)
        with time_machine.travel(last_day, tick=False):
            self.assertContains(self.get("/pengumuman/"), "Jadwal Posyandu")
        with time_machine.travel(last_day + timedelta(days=1), tick=False):
            self.assertNotContains(self.get("/pengumuman/"), "Jadwal Posyandu")
            self.assertContains(self.get(self.current.get_url_parts()[2]), "sudah tidak berlaku")
        self.current.refresh_from_db()
        self.assertTrue(self.current.live)

    def test_pending_announcement_appears_when_its_validity_starts(self):
        with time_machine.travel(timezone.localtime().replace(hour=12) + timedelta(days=5), tick=False):
            self.assertContains(self.get("/pengumuman/"), "Libur Akhir Tahun")

    def test_list_query_count_does_not_grow_with_announcements(self):
        def grow():
            for number in range(12):
                add_announcement(self.index, f"Pengumuman Tambahan {number}", valid_from=-1, valid_until=3)

        self.assert_constant_queries("/pengumuman/", HOST, grow, expect_growth_in="Pengumuman Tambahan 11")
