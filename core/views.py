"""Site-wide answers every host gives: robots.txt pointing at that host's own sitemap, the 500 page."""

import logging

from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


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
    """
    try:
        html = render_to_string("500.html", request=request)
    except Exception:  # noqa: BLE001 - whatever broke the page may break its error page as well
        logger.exception("Halaman galat 500 bermerek tidak dapat dibuat")
        html = PLAIN_SERVER_ERROR.format(css=static("css/portal.css"))
    return HttpResponseServerError(html)
