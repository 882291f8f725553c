"""iCalendar (.ics) files of agenda items, for one event or a whole site."""

from datetime import UTC, timedelta
from urllib.parse import urlsplit

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

PRODID = "-//Portal Pemerintah Kabupaten Ketapang//Agenda//ID"
DEFAULT_DURATION = timedelta(hours=1)


def _event(page, request, organiser):
    url = page.get_full_url(request)
    event = icalendar.Event()
    # Stable across hosts and ports: the event's identity on its own site.
    event.add("uid", f"agenda-{page.translation_key}-{page.locale_id}@{urlsplit(url).hostname}")
    event.add("dtstamp", (page.last_published_at or timezone.now()).astimezone(UTC))
    event.add("dtstart", page.start.astimezone(UTC))
    event.add("dtend", (page.end or page.start + DEFAULT_DURATION).astimezone(UTC))
    event.add("summary", page.title)
    if page.place:
        event.add("location", page.place)
    description = "\n\n".join(part for part in (page.summary, page.organiser or organiser) if part)
    if description:
        event.add("description", description)
    event.add("url", url)
    return event


def calendar_response(pages, request, name, organiser=""):
    """An .ics download named after ``name`` holding every event in ``pages``.

    ``organiser`` names the site's OPD for events that do not name another organiser.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    for page in pages:
        calendar.add_component(_event(page, request, organiser))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name) or "agenda"}.ics"'
    return response
