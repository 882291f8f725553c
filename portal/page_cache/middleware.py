"""Cache-Control for the page cache: public pages may be kept, personal ones never."""

import math

from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from portal.core.views import NO_STORE


class CacheControlMiddleware:
    """Mark admin and logged-in responses and every server error private; let anonymous 200
    pages be cached.

    Varnish keeps a page for s-maxage (PORTAL_SHARED_CACHE_SECONDS; publishing purges it at
    once), browsers for max-age (PORTAL_BROWSER_CACHE_SECONDS, short, as they cannot be purged).
    A view that sets its own Cache-Control or a cookie is left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if response.status_code >= 500:
            # An error is never cached, whatever the view said: the fault is usually over in seconds.
            response["Cache-Control"] = NO_STORE
        elif request.path_info.startswith(f"/{settings.PORTAL_ADMIN_PATH}") or (
            user and user.is_authenticated
        ):
            if "Cache-Control" in response:
                del response["Cache-Control"]
            patch_cache_control(response, private=True, no_cache=True, no_store=True, max_age=0)
        elif (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and "Cache-Control" not in response
            and not response.cookies
        ):
            max_age, s_maxage = settings.PORTAL_BROWSER_CACHE_SECONDS, settings.PORTAL_SHARED_CACHE_SECONDS
            until = getattr(request, "_portal_expires_at", None)
            if until is not None:
                seconds = max(1, math.ceil((until - timezone.now()).total_seconds()))
                if seconds < s_maxage:
                    s_maxage = seconds
                    # portal.vcl: no grace for this copy, it must not outlive that moment.
                    response["X-Portal-Expires-Exactly"] = "1"
                max_age = min(max_age, seconds)
            patch_cache_control(response, public=True, max_age=max_age, s_maxage=s_maxage)
            set_last_modified(request, response)
        return response


def expires_at(request, moment):
    """Part of this response changes by itself at ``moment`` (an alert banner starts or ends):
    no cache may keep it past then."""
    current = getattr(request, "_portal_expires_at", None)
    if current is None or moment < current:
        request._portal_expires_at = moment


def changed_at_least(request, moment):
    """Part of this response last changed at ``moment``: its Last-Modified is no older."""
    current = getattr(request, "_portal_changed_at", None)
    if current is None or moment > current:
        request._portal_changed_at = moment


def remember_served_page(page, request, serve_args, serve_kwargs):
    """``before_serve_page`` hook: the page (or feed of the page) this request serves."""
    request._portal_served_page = page


def set_last_modified(request, response):
    """Last-Modified of a page or feed: its last publication, or the last change of the public
    content it shows besides its own (menus, OPD list, lists of other pages) when later.

    ConditionalGetMiddleware (outside this one) answers If-Modified-Since with 304, and
    If-None-Match (the ETag) first when both are sent.
    """
    page = getattr(request, "_portal_served_page", None)
    if page is None or "Last-Modified" in response or not page.last_published_at:
        return
    from portal.core.site_settings import changed_at

    moment = max(page.last_published_at, changed_at() or page.last_published_at)
    moment = max(moment, getattr(request, "_portal_changed_at", None) or moment)
    response["Last-Modified"] = http_date(moment.timestamp())
