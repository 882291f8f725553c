"""Agenda: upcoming and past lists, .ics files, validation and query counts."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from news.events.models import EventIndexPage, EventPage
from opd.tests.factories import make_opd
from tests.content import add_index, make_image, publish
from tests.querycount import ConstantQueriesMixin

HOST = "dinkes.ketapangkab.localhost"


def add_event(index, title, in_hours, duration=2, image=None, **fields):
    start = timezone.now().replace(microsecond=0) + timedelta(hours=in_hours)
    return publish(
        index,
        EventPage(
            title=title,
            start=start,
            end=start + timedelta(hours=duration) if duration else None,
            place="Aula Dinas Kesehatan",
            summary=f"Ringkasan {title}.",
            featured_image=image,
            **fields,
        ),
    )


class AgendaTests(ConstantQueriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.index = add_index(cls.dinkes, EventIndexPage, "Agenda", "agenda")
        cls.soon = add_event(cls.index, "Rapat Stunting", in_hours=48, image=make_image(cls.dinkes))
        cls.later = add_event(cls.index, "Senam Bersama", in_hours=240)
        cls.running = add_event(cls.index, "Pelatihan Kader", in_hours=-1, duration=4)
        cls.over = add_event(cls.index, "Lomba Balita Sehat", in_hours=-72, image=make_image(cls.dinkes))

    def get(self, url):
        return self.client.get(url, headers={"host": HOST})

    def test_upcoming_list_shows_running_and_future_events_soonest_first(self):
        html = self.get("/agenda/").content.decode()
        positions = [html.find(title) for title in ("Pelatihan Kader", "Rapat Stunting", "Senam Bersama")]
        self.assertTrue(all(position > 0 for position in positions), positions)
        self.assertEqual(positions, sorted(positions))
        self.assertNotIn("Lomba Balita Sehat", html)

    def test_past_list_shows_only_events_that_are_over(self):
        response = self.get("/agenda/lalu/")
        self.assertContains(response, "Lomba Balita Sehat")
        self.assertNotContains(response, "Rapat Stunting")
        self.assertNotContains(response, "Pelatihan Kader")

    def test_site_calendar_holds_every_event_and_event_calendar_only_its_own(self):
        site_ics = self.get("/agenda/ical/").content.decode()
        self.assertEqual(site_ics.count("BEGIN:VEVENT"), 4)
        event_ics = self.get(f"{self.soon.get_url_parts()[2]}ical/").content.decode()
        self.assertEqual(event_ics.count("BEGIN:VEVENT"), 1)
        self.assertIn("SUMMARY:Rapat Stunting", event_ics)
        self.assertIn("LOCATION:Aula Dinas Kesehatan", event_ics)
        self.assertIn("Dinas Kesehatan", event_ics)  # the site's OPD organises it

    def test_event_ending_before_it_starts_is_invalid(self):
        event = EventPage(title="Terbalik", slug="terbalik", place="Aula", summary="x")
        event.start = timezone.now()
        event.end = event.start - timedelta(hours=1)
        with self.assertRaisesMessage(Exception, "Waktu selesai tidak boleh sebelum waktu mulai"):
            event.full_clean()

    def test_upcoming_list_query_count_does_not_grow_with_events(self):
        def grow():
            for number in range(10):
                add_event(
                    self.index,
                    f"Agenda Tambahan {number}",
                    in_hours=24 + number,
                    image=make_image(self.dinkes),
                )

        self.assert_constant_queries("/agenda/", HOST, grow, expect_growth_in="Agenda Tambahan 9")

    def test_past_list_query_count_does_not_grow_with_events(self):
        def grow():
            for number in range(10):
                add_event(
                    self.index, f"Agenda Lalu {number}", in_hours=-100 - number, image=make_image(self.dinkes)
                )

        self.assert_constant_queries("/agenda/lalu/", HOST, grow, expect_growth_in="Agenda Lalu 9")
