"""A coverage assignment from the Editor's form to a live article, through the admin over HTTP."""

import csv
import io

from bs4 import BeautifulSoup
from django.core import mail
from django.test import TestCase
from wagtail.images import get_image_model

from moderation.compliance.models import Step
from moderation.compliance.tests.history import Clock, wib
from moderation.models import SOPStep
from moderation.newsroom.models import Assignment, Status
from moderation.newsroom.tests.factories import make_assignment
from news.models import NewsPage
from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import edit_page, is_refused, jpeg_bytes, login, workflow_action
from tests.test_sop_workflow import add_news_index

HOST = "dinkes.ketapangkab.localhost"


def text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


class AssignmentToPublicationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.people = {role: member(cls.dinkes, role) for role in Role}
        penulis = cls.people[Role.PENULIS]
        penulis.first_name, penulis.last_name = "Sari", "Peliput"
        penulis.save()
        cls.index = add_news_index(cls.dinkes)

    def client_for(self, role):
        return login(self.people[role], host=HOST)

    def test_editor_assigns_penulis_covers_drafts_and_the_sop_publishes_with_every_step_timed(self):
        # Monday 23 November 2026, all inside office hours (07:30-16:00 WIB).
        clock = Clock(wib(2026, 11, 23, 8, 0))
        penulis = self.people[Role.PENULIS]
        editor = self.client_for(Role.EDITOR)
        with clock.at(), self.captureOnCommitCallbacks(execute=True):
            response = editor.post(
                "/admin/liputan/tambah/",
                {
                    "opd": self.dinkes.pk,
                    "title": "Peresmian Puskesmas Sukaharja",
                    "place": "Puskesmas Sukaharja, Delta Pawan",
                    "starts_at": "2026-11-23T09:00",
                    "due_at": "2026-11-23T14:00",
                    "planned_publication": "2026-11-24",
                    "brief": "Wawancarai Kepala Dinas tentang layanan baru.",
                    "assignees": [penulis.pk],
                    "photographer": penulis.pk,
                    "needs_photos": "on",
                    "needs_quotes": "on",
                },
            )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        assignment = Assignment.objects.get()
        self.assertEqual(response["Location"], f"/admin/liputan/{assignment.pk}/")
        self.assertEqual(assignment.assigned_by, self.people[Role.EDITOR])
        # The team hears of it by e-mail, with the time in WIB and a link.
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, [penulis.email])
        self.assertIn("23-11-2026 09:00 WIB", mail.outbox[0].body)
        self.assertIn(f"/admin/liputan/{assignment.pk}/", mail.outbox[0].body)

        client = self.client_for(Role.PENULIS)
        with clock.advance(10):
            dashboard = client.get("/admin/")
        self.assertIn("Penugasan liputan saya (1)", text(dashboard))
        self.assertIn("Peresmian Puskesmas Sukaharja", text(dashboard))

        with clock.advance(80):  # 09:30: half an hour after the coverage's planned time
            self.assertEqual(client.post(f"/admin/liputan/{assignment.pk}/mulai/").status_code, 302)
        with clock.advance(30):
            response = client.post(
                f"/admin/liputan/{assignment.pk}/unggah/",
                {
                    "jenis": "foto",
                    "title": "Pengguntingan pita",
                    "file": jpeg_bytes(),
                    "description": "Kepala Dinas menggunting pita di depan Puskesmas",
                    "caption": "Peresmian Puskesmas Sukaharja, Senin (23/11).",
                    "credit": "Tim Peliput Dinkes",
                },
            )
            self.assertEqual(response.status_code, 302, response.content[:3000])
            client.post(
                f"/admin/liputan/{assignment.pk}/", {"quotes": "“Layanan buka 24 jam,” kata Kepala Dinas."}
            )
        with clock.advance(90):  # 11:30: two hours of coverage
            response = client.post(f"/admin/liputan/{assignment.pk}/selesai/", follow=True)
        self.assertIn("Liputan ditandai selesai.", text(response))
        with clock.advance(5):
            response = client.post(f"/admin/liputan/{assignment.pk}/draf/")
        assignment.refresh_from_db()
        self.assertEqual(assignment.status, Status.DONE)
        page = assignment.page
        self.assertEqual(response["Location"], f"/admin/pages/{page.pk}/edit/")
        self.assertEqual(page.get_parent().pk, self.index.pk)
        self.assertFalse(page.live)
        self.assertEqual(page.reporters, "Sari Peliput")
        self.assertEqual(page.photographer, "Sari Peliput")
        self.assertEqual(page.coverage_place, "Puskesmas Sukaharja, Delta Pawan")
        self.assertEqual(str(page.coverage_date), "2026-11-23")
        self.assertEqual(page.featured_image.caption, "Peresmian Puskesmas Sukaharja, Senin (23/11).")
        # The editor links back to the assignment.
        editor_page = client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertContains(editor_page, f'href="/admin/liputan/{assignment.pk}/"')

        with clock.advance(30):  # 12:05: the Penulis writes the release and submits it
            response = edit_page(client, page, {"lead": "Puskesmas Sukaharja kini buka 24 jam."})
        self.assertEqual(response.status_code, 302)
        for role, minutes in ((Role.EDITOR, 10), (Role.REDAKTUR, 10), (Role.WEBADMIN, 5)):
            with clock.advance(minutes):
                self.assertEqual(workflow_action(self.client_for(role), page, "approve").status_code, 302)
        page = NewsPage.objects.get(pk=page.pk)
        self.assertTrue(page.live)

        # The mutu baku report has every step of the chain, each with its time in minutes.
        report = editor.get("/admin/laporan/mutu-baku/", {"export": "csv"})
        rows = {
            row["Langkah"]: row
            for row in csv.DictReader(io.StringIO(b"".join(report.streaming_content).decode()))
        }
        expected = {
            Step.PENUGASAN.label: ("30.0", "180.0"),
            Step.PELIPUTAN.label: ("120.0", "300.0"),
            Step.RILIS.label: ("30.0", "60.0"),
            SOPStep.KOREKSI.label: ("10.0", "15.0"),
            SOPStep.KOREKSI_ULANG.label: ("10.0", "15.0"),
            SOPStep.PUBLIKASI.label: ("5.0", "15.0"),
        }
        for label, (median, standard) in expected.items():
            row = rows[str(label)]
            self.assertEqual(
                (row["Ditangani"], row["Median (menit)"], row["Mutu baku (menit)"]),
                ("1", median, standard),
                label,
            )
        html = text(editor.get("/admin/laporan/mutu-baku/"))
        self.assertIn(str(Step.PENUGASAN.label), html)
        self.assertIn(str(Step.PELIPUTAN.label), html)
        # ... and the section "Rantai liputan" has the assignment's whole chain in one row:
        # steps 3-8 in minutes, then 09:00 (start of step 3) to 12:30 (live) against 585 minutes.
        chain_row = html[html.index("Rantai liputan: penugasan sampai tayang") :]
        self.assertIn(
            "Peresmian Puskesmas Sukaharja Dinas Kesehatan 30,0 120,0 30,0 10,0 10,0 5,0 210,0 585,0",
            chain_row,
        )

        # The assignment shows the whole chain, step by step, from assignment to live.
        detail = text(editor.get(f"/admin/liputan/{assignment.pk}/"))
        chain = detail[detail.index("Alur SOP dan mutu baku") :]
        steps = [
            "Ditugaskan 23-11-2026 08:00 Editor",
            "Mulai diliput (langkah 3) 23-11-2026 09:30 Sari Peliput 30,0 180,0",
            "Liputan selesai (langkah 4) 23-11-2026 11:30 Sari Peliput 120,0 300,0",
            "Draf berita dibuat 23-11-2026 11:35",
            "Rilis dan editing (Penulis): diajukan 23-11-2026 12:05",
            "Koreksi hasil liputan: disetujui 23-11-2026 12:15",
            "Koreksi ulang / penyaringan sebelum disebarluaskan: disetujui 23-11-2026 12:25",
            "Publikasi: disetujui 23-11-2026 12:30",
            "Tayang (pengajuan sampai terbit) 23-11-2026 12:30 25,0 45,0",
        ]
        # Indonesian number format in the admin: a decimal comma.
        positions = []
        for step in steps:
            self.assertIn(step, chain)
            positions.append(chain.index(step))
        self.assertEqual(positions, sorted(positions))

    def test_done_is_refused_while_a_required_item_is_missing(self):
        penulis = self.people[Role.PENULIS]
        clock = Clock(wib(2026, 11, 24, 9, 0))
        with clock.at():
            assignment = make_assignment(
                self.dinkes,
                [penulis],
                starts_at=wib(2026, 11, 24, 9, 0),
                needs_photos=True,
                needs_quotes=True,
            )
        client = self.client_for(Role.PENULIS)
        with clock.advance(5):
            client.post(f"/admin/liputan/{assignment.pk}/mulai/")
            client.post(
                f"/admin/liputan/{assignment.pk}/unggah/",
                {"jenis": "foto", "title": "Antrean pasien", "file": jpeg_bytes(), "description": "Antrean"},
            )
        with clock.advance(60):
            response = client.post(f"/admin/liputan/{assignment.pk}/selesai/", follow=True)
        message = text(response)
        self.assertIn("Liputan belum dapat ditandai selesai. Yang masih kurang:", message)
        self.assertIn("Foto “Antrean pasien” belum memiliki keterangan, kredit fotografer.", message)
        self.assertIn("Kutipan narasumber belum diisi.", message)
        assignment.refresh_from_db()
        self.assertEqual(assignment.status, Status.STARTED)
        self.assertIsNone(assignment.peliputan_timing)
        # No draft either, while the coverage is not done.
        client.post(f"/admin/liputan/{assignment.pk}/draf/")
        self.assertFalse(NewsPage.objects.exists())

        # Complete the photo in Wagtail's image editor and type the quotes: now it is done.
        image = get_image_model().objects.get(tags__name=assignment.media_tag)
        self.assertEqual(image.collection, self.dinkes.collection)
        image.caption, image.credit = "Antrean pasien pagi hari.", "Tim Peliput Dinkes"
        image.save()
        with clock.advance(5):
            client.post(f"/admin/liputan/{assignment.pk}/", {"quotes": "“Kami layani semua,” katanya."})
            response = client.post(f"/admin/liputan/{assignment.pk}/selesai/", follow=True)
        self.assertIn("Liputan ditandai selesai.", text(response))
        assignment.refresh_from_db()
        self.assertEqual(assignment.status, Status.DONE)

    def test_only_the_team_works_on_it_and_only_editor_or_redaktur_assign(self):
        assignment = make_assignment(self.dinkes, [self.people[Role.PENULIS]])
        other_penulis = member(self.dinkes, Role.PENULIS, username="penulis2.dinkes")
        outsider = login(other_penulis, host=HOST)
        self.assertTrue(is_refused(outsider.post(f"/admin/liputan/{assignment.pk}/mulai/")))
        self.assertTrue(
            is_refused(self.client_for(Role.EDITOR).post(f"/admin/liputan/{assignment.pk}/mulai/"))
        )
        self.assertTrue(is_refused(self.client_for(Role.PENULIS).get("/admin/liputan/tambah/")))
        self.assertTrue(is_refused(self.client_for(Role.WEBADMIN).get("/admin/liputan/tambah/")))
        self.assertEqual(self.client_for(Role.REDAKTUR).get("/admin/liputan/tambah/").status_code, 200)
        assignment.refresh_from_db()
        self.assertEqual(assignment.status, Status.ASSIGNED)

    def test_documents_land_tagged_in_the_opds_collection_and_the_upload_checks_apply(self):
        from django.core.files.uploadedfile import SimpleUploadedFile
        from wagtail.documents import get_document_model

        assignment = make_assignment(self.dinkes, [self.people[Role.PENULIS]], needs_documents=True)
        client = self.client_for(Role.PENULIS)
        url = f"/admin/liputan/{assignment.pk}/unggah/"
        hostile = SimpleUploadedFile("laporan.pdf", b"<html><script>alert(1)</script></html>")
        response = client.post(url, {"jenis": "dokumen", "title": "Laporan", "file": hostile})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(get_document_model().objects.exists())
        self.assertIn("Dokumen wajib, belum lengkap", text(client.get(f"/admin/liputan/{assignment.pk}/")))
        good = SimpleUploadedFile("data.csv", b"desa,peserta\nSukabangun,40\n")
        response = client.post(url, {"jenis": "dokumen", "title": "Data peserta", "file": good})
        self.assertEqual(response.status_code, 302)
        document = get_document_model().objects.get()
        self.assertEqual(document.collection, self.dinkes.collection)
        self.assertEqual(list(document.tags.names()), [assignment.media_tag])
        self.assertIn("Dokumen lengkap", text(client.get(f"/admin/liputan/{assignment.pk}/")))

    def test_the_editor_calls_a_coverage_off_and_it_leaves_the_team_dashboard(self):
        assignment = make_assignment(self.dinkes, [self.people[Role.PENULIS]], title="Rapat dibatalkan")
        penulis = self.client_for(Role.PENULIS)
        self.assertTrue(is_refused(penulis.post(f"/admin/liputan/{assignment.pk}/batalkan/")))
        self.assertIn("Rapat dibatalkan", text(penulis.get("/admin/")))
        response = self.client_for(Role.EDITOR).post(f"/admin/liputan/{assignment.pk}/batalkan/", follow=True)
        self.assertIn("Penugasan liputan dibatalkan.", text(response))
        assignment.refresh_from_db()
        self.assertEqual(assignment.status, Status.CANCELLED)
        self.assertNotIn("Rapat dibatalkan", text(penulis.get("/admin/")))
        response = penulis.post(f"/admin/liputan/{assignment.pk}/mulai/", follow=True)
        self.assertIn("Penugasan ini sudah dimulai atau tidak lagi aktif.", text(response))

    def test_another_opds_roles_neither_see_nor_touch_the_assignment(self):
        assignment = make_assignment(self.dinkes, [self.people[Role.PENULIS]], title="RAHASIA liputan")
        kominfo = make_opd("diskominfo", "Dinas Komunikasi dan Informatika")
        for role in Role:
            client = login(member(kominfo, role), host="diskominfo.ketapangkab.localhost")
            self.assertEqual(client.get(f"/admin/liputan/{assignment.pk}/").status_code, 404)
            self.assertEqual(client.post(f"/admin/liputan/{assignment.pk}/mulai/").status_code, 404)
            self.assertNotIn("RAHASIA", text(client.get("/admin/liputan/")))
        # And their Editor cannot assign Dinkes's people.
        editor = login(kominfo.group_for(Role.EDITOR).user_set.get(), host="diskominfo.ketapangkab.localhost")
        response = editor.post(
            "/admin/liputan/tambah/",
            {
                "opd": self.dinkes.pk,
                "title": "Liputan",
                "place": "Ketapang",
                "starts_at": "2026-11-23T09:00",
                "due_at": "2026-11-23T14:00",
                "assignees": [self.people[Role.PENULIS].pk],
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(Assignment.objects.count(), 1)

    def test_assignees_must_be_the_opds_penulis(self):
        editor = self.client_for(Role.EDITOR)
        response = editor.post(
            "/admin/liputan/tambah/",
            {
                "opd": self.dinkes.pk,
                "title": "Liputan",
                "place": "Ketapang",
                "starts_at": "2026-11-23T09:00",
                "due_at": "2026-11-23T08:00",
                "assignees": [self.people[Role.REDAKTUR].pk],
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Tenggat tidak boleh sebelum waktu liputan.", text(response))
        self.assertFalse(Assignment.objects.exists())
