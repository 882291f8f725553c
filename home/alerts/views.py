"""The alerts for other systems: ``/peringatan.json`` (both languages in one document) and an
RSS feed ``/peringatan/rss/`` (``/en/peringatan/rss/`` in English), for the requesting host.

Both are cached by Varnish like a page: saving an alert purges the hosts it concerns, and the
cached copy never outlives the banner's next change (``expires_at``).
"""

from django.contrib.syndication.views import Feed
from django.http import JsonResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from wagtail.models import Site

from portal.page_cache.middleware import changed_at_least, expires_at

from .current import last_change, next_change, shown_on
from .models import Level


def _current(request):
    site = Site.find_for_request(request)
    site_id = site.pk if site else None
    now = timezone.now()
    upcoming, last = next_change(site_id, now), last_change(site_id, now)
    if upcoming is not None:
        expires_at(request, upcoming)
    if last is not None:
        changed_at_least(request, last)
    return site, shown_on(site_id, now)


def _both(label):
    with override("id"):
        indonesian = str(label)
    with override("en"):
        english = str(label)
    return {"id": indonesian, "en": english}


def alerts_json(request):
    """The alerts shown now on this host's pages, highest level first."""
    site, alerts = _current(request)
    data = {
        "site": site.hostname if site else request.get_host(),
        "generated_at": timezone.localtime().isoformat(),
        "alerts": [
            {
                "id": alert.pk,
                "scope": "kabupaten" if alert.regency_wide else "opd",
                "level": alert.level,
                "level_label": _both(Level(alert.level).label),
                "text": {"id": alert.text, "en": alert.text_en or alert.text},
                "link": alert.link or None,
                "starts_at": timezone.localtime(alert.starts_at).isoformat(),
                "ends_at": timezone.localtime(alert.ends_at).isoformat(),
            }
            for alert in alerts
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    # Other systems (other agencies' sites, dashboards) may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


class AlertFeed(Feed):
    """RSS 2.0 of the alerts shown now on this host, in the visitor's language."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.site, self.alerts = _current(request)
        return None

    def title(self):
        name = (
            self.site.site_name if self.site and self.site.site_name else _("Pemerintah Kabupaten Ketapang")
        )
        return _("Peringatan — %(site)s") % {"site": name}

    def link(self):
        return self.request.build_absolute_uri("/" if get_language() == "id" else "/en/")

    def description(self):
        return _("Peringatan yang sedang berlaku di situs ini.")

    def feed_url(self):
        return self.request.build_absolute_uri()

    def items(self):
        return self.alerts

    def item_title(self, alert):
        return f"{Level(alert.level).label}: {alert.text_in(get_language())}"

    def item_description(self, alert):
        return alert.text_in(get_language())

    def item_link(self, alert):
        return alert.link or self.link()

    def item_guid(self, alert):
        return f"{self.request.get_host()}/peringatan/{alert.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, alert):
        return alert.starts_at

    def item_updateddate(self, alert):
        return alert.updated_at

    def item_categories(self, alert):
        return [alert.level]


def alerts_feed(request):
    """A new feed object per request: the feed keeps the request's site and alerts on itself."""
    return AlertFeed()(request)
