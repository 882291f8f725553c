"""Current announcements for any page's template (home pages above all)."""

from django import template

from news.announcements.models import AnnouncementPage
from opd.directory import OPDDirectory

register = template.Library()

# A home page block's "sumber": "site" (this site) or "all" (every OPD, for the regency portal).
ALL_SITES = "all"


@register.simple_tag
def current_announcements(root_page, count=5, scope="site"):
    """Announcements valid today under a site's root page (or of every OPD, each with ``opd``)."""
    announcements = AnnouncementPage.objects.current()
    if scope != ALL_SITES:
        return list(announcements.descendant_of(root_page)[:count])
    directory = OPDDirectory.shared()
    items = announcements.filter(locale_id=root_page.locale_id).filter(directory.pages_q())[:count]
    return directory.label(items)
