"""Site-wide answers every host gives: robots.txt pointing at that host's own sitemap."""

from django.http import HttpResponse
from django.views.decorators.http import require_GET


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
