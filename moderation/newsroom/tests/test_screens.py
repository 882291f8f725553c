"""The newsroom screens speak Indonesian, and the calendar works on a tablet (no fixed widths)."""

from django.test import TestCase

from moderation.newsroom.tests.factories import make_assignment
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import login
from tests.visible_text import english_labels, visible_text

HOST = "dinkes.ketapangkab.localhost"


class NewsroomScreensTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        cls.assignment = make_assignment(cls.dinkes, [cls.people[Role.PENULIS]], needs_video=True)

    def assert_indonesian(self, client, url, *must_show):
        response = client.get(url)
        self.assertEqual(response.status_code, 200, url)
        text = visible_text(response.content.decode())
        for words in must_show:
            self.assertIn(words, text)
        found = english_labels(text)
        self.assertFalse(found, f"English on {url}:\n" + "\n".join(found))

    def test_every_newsroom_screen_is_in_indonesian(self):
        penulis = login(self.people[Role.PENULIS], host=HOST)
        pk = self.assignment.pk
        self.assert_indonesian(penulis, "/admin/", "Penugasan liputan saya (1)")
        self.assert_indonesian(penulis, "/admin/liputan/", "Penugasan liputan")
        self.assert_indonesian(
            penulis,
            f"/admin/liputan/{pk}/",
            "Tandai mulai diliput",
            "Daftar periksa",
            "Tautan video belum diisi.",
        )
        self.assert_indonesian(penulis, f"/admin/liputan/{pk}/unggah/?jenis=foto", "Unggah hasil liputan")
        self.assert_indonesian(penulis, f"/admin/liputan/{pk}/unggah/?jenis=dokumen", "Unggah hasil liputan")
        self.assert_indonesian(penulis, "/admin/liputan/kalender/", "Kalender redaksi", "Hari ini")
        self.assert_indonesian(penulis, "/admin/liputan/kalender/?tampilan=bulan", "Kalender redaksi")
        editor = login(self.people[Role.EDITOR], host=HOST)
        self.assert_indonesian(editor, "/admin/liputan/tambah/", "Tugaskan liputan", "Tim peliput")
        self.assert_indonesian(editor, f"/admin/liputan/{pk}/ubah/", "Ubah penugasan liputan")

    def test_the_menu_offers_the_newsroom_to_opd_people(self):
        response = login(self.people[Role.WEBADMIN], host=HOST).get("/admin/")
        self.assertContains(response, "/admin/liputan/kalender/")

    def test_calendar_stylesheet_is_mobile_first(self):
        response = login(self.people[Role.PENULIS], host=HOST).get("/admin/liputan/kalender/")
        self.assertContains(response, "newsroom/newsroom.css")
        from pathlib import Path

        from django.contrib.staticfiles import finders

        css = Path(finders.find("newsroom/newsroom.css")).read_text()
        # One column by default; seven only from 48em (a tablet in landscape) up.
        self.assertRegex(css, r"\.redaksi-calendar \{[^}]*grid-template-columns: 1fr;")
        self.assertRegex(
            css,
            r"@media \(min-width: 48em\) \{\s*\.redaksi-calendar--minggu \{ grid-template-columns: repeat\(7",
        )
