"""Upcoming agenda items for any page's template (home pages above all)."""

from django import template

from news.events.models import EventPage
from opd.directory import OPDDirectory

register = template.Library()

# A home page block's "sumber": "site" (this site) or "all" (every OPD, for the regency portal).
ALL_SITES = "all"


@register.simple_tag
def upcoming_events(root_page, count=5, scope="site"):
    """Events to come under a site's root page (or of every OPD, each with ``opd``), soonest first."""
    events = EventPage.objects.upcoming()
    if scope != ALL_SITES:
        return list(events.descendant_of(root_page)[:count])
    directory = OPDDirectory.shared()
    return directory.label(events.filter(locale_id=root_page.locale_id).filter(directory.pages_q())[:count])
