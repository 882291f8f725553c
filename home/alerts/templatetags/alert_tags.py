"""``{% alert_banner %}``: the alerts at the top of every page (templates/base.html)."""

from django import template
from django.db import DatabaseError
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Site

from portal.page_cache.middleware import changed_at_least, expires_at

from ..current import last_change, next_change, shown_on

register = template.Library()


@register.inclusion_tag("alerts/banner.html", takes_context=True)
def alert_banner(context):
    """The site's alerts shown now, in the visitor's language; tells the page cache when the
    banner next changes by itself, so no cached copy outlives it."""
    request = context.get("request")
    if request is None:
        return {"alerts": []}
    try:
        site = Site.find_for_request(request)
        site_id = site.pk if site else None
        now = timezone.now()
        alerts = shown_on(site_id, now)
        upcoming, last = next_change(site_id, now), last_change(site_id, now)
    except DatabaseError:  # the error page of a database outage still renders, without a banner
        return {"alerts": []}
    if upcoming is not None:
        expires_at(request, upcoming)
    if last is not None:
        changed_at_least(request, last)
    language = get_language()
    return {"alerts": [(alert, alert.text_in(language)) for alert in alerts]}
