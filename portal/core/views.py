"""Site-wide answers every host gives: robots.txt pointing at that host's own sitemap, the 500
page and the page of a refused form (CSRF)."""

import logging

from django.http import HttpResponse, HttpResponseForbidden, HttpResponseServerError
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from .errors import admin_server_error, is_admin_request

logger = logging.getLogger(__name__)

NO_STORE = "private, no-cache, no-store, max-age=0"


@require_GET
def robots_txt(request):
    """robots.txt for the requesting host: keep crawlers out of the admin and search results."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /cari/",
        "Disallow: /en/cari/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# What a visitor sees when even the branded error page cannot be drawn (the database is down).
PLAIN_SERVER_ERROR = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Terjadi gangguan</title>
<link rel="stylesheet" href="{css}"></head><body><main id="konten" class="wrap error-page">
<h1>Terjadi gangguan</h1><p>Maaf, terjadi gangguan pada server. Silakan coba beberapa saat lagi.</p>
<p><a href="/">Kembali ke beranda</a></p></main></body></html>"""


@requires_csrf_token
def server_error(request):
    """The 500 page in the site's branding (templates/500.html), or a plain one if that fails too.

    Django's own handler renders 500.html without the request, so no site, branding or menu.
    Under the admin path the admin's own 500 page answers (core/errors.py).
    """
    if is_admin_request(request):
        response = admin_server_error(request)
        if response is not None:
            return response
    try:
        html = render_to_string("500.html", request=request)
    except Exception:  # noqa: BLE001 - whatever broke the page may break its error page as well
        logger.exception("Halaman galat 500 bermerek tidak dapat dibuat")
        html = PLAIN_SERVER_ERROR.format(css=static("css/portal.css"))
    response = HttpResponseServerError(html)
    # Never kept by Varnish or a browser: it would outlive the fault (Varnish serves the last good
    # copy instead, see deploy/varnish/portal.vcl). Set here because a fault in a middleware
    # skips portal.page_cache.middleware.CacheControlMiddleware.
    response["Cache-Control"] = NO_STORE
    return response


def csrf_failure(request, reason=""):
    """A form refused by Django's CSRF check, as a branded Indonesian page with a way back.

    Django's own page is a bare English 403. The reason is logged (it names no form field, so
    no personal data); the visitor is offered the form again, which gives a fresh token.
    """
    logger.warning("Formulir ditolak oleh pemeriksaan CSRF: %s (%s)", reason, request.path)
    try:
        html = render_to_string("403_csrf.html", {"form_path": request.path}, request=request)
    except Exception:  # noqa: BLE001 - the same fallback as the 500 page
        logger.exception("Halaman galat 403 bermerek tidak dapat dibuat")
        html = PLAIN_SERVER_ERROR.format(css=static("css/portal.css"))
    response = HttpResponseForbidden(html)
    response["Cache-Control"] = NO_STORE
    return response
