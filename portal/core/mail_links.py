"""Absolute links in e-mails: the host and port the recipient actually uses.

Every e-mail with a link to the portal (workflow notifications, mutu baku reminders,
coverage assignments, invitations, integrity findings) builds it with ``absolute_url``.
The host is the OPD's own Wagtail Site; the scheme and port are those of the request that
triggered the e-mail, so a portal served on another port than ``WAGTAILADMIN_BASE_URL``'s
(a second instance, a test server, a proxy on 443) gets working links.
``WAGTAILADMIN_BASE_URL`` is only the fallback for commands and cron, which have no request.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port

DEFAULT_PORTS = {"http": 80, "https": 443}

# The request being answered, for e-mails sent deep inside Wagtail (its workflow notifier)
# where no request is passed along.
_current_request = ContextVar("portal_mail_links_request", default=None)


class RememberRequestForMailLinksMiddleware:
    """Keep the current request where ``absolute_url`` can read it while the response is made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def current_request():
    """The request being answered, if any (for work deferred past it, see ``links_as_for``)."""
    return _current_request.get()


@contextmanager
def links_as_for(request):
    """Build links inside the block as for ``request``.

    For an e-mail sent later than the request that asked for it (``transaction.on_commit``
    in a test, a queued task): capture ``current_request()`` when scheduling, send inside this.
    """
    token = _current_request.set(request)
    try:
        yield
    finally:
        _current_request.reset(token)


def _scheme_host_port(request):
    if request is not None:
        host, port = split_domain_port(request.get_host())
        return request.scheme, host, int(port) if port else DEFAULT_PORTS.get(request.scheme)
    fallback = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return fallback.scheme, fallback.hostname, fallback.port or DEFAULT_PORTS.get(fallback.scheme)


def absolute_url(path, site=None, request=None):
    """``path`` on ``site``'s hostname, with the triggering request's scheme and port.

    Without ``request`` the request being answered is used, and without one (a command)
    the scheme and port of ``WAGTAILADMIN_BASE_URL``. Without ``site`` the host is the
    request's (or the fallback's).
    """
    request = request if request is not None else _current_request.get()
    scheme, host, port = _scheme_host_port(request)
    if site is not None:
        host = site.hostname
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    return f"{scheme}://{netloc}{path}"


def site_of(obj):
    """The Wagtail Site an e-mail about ``obj`` should link to: a page's own site, else none."""
    get_site = getattr(obj, "get_site", None)
    return get_site() if callable(get_site) else None


def page_admin_url(page):
    """The page's edit view in the admin, on its own site's host."""
    from django.urls import reverse

    return absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk]), site=site_of(page))


def base_url_for_context(context, default=None):
    """Wagtail's ``{% base_url_setting %}`` for its notification e-mails, made site- and request-aware.

    The notification templates put ``{{ base_url }}`` in front of every admin path; the page
    in their context tells which OPD's host to use.
    """
    subject = context.get("page") or context.get("object")
    return absolute_url("", site=site_of(subject)) or default


def install():
    """Make Wagtail's notification e-mails use ``absolute_url`` instead of WAGTAILADMIN_BASE_URL."""
    from wagtail.admin.templatetags import wagtailadmin_tags

    wagtailadmin_tags.register.simple_tag(takes_context=True, name="base_url_setting")(base_url_for_context)
