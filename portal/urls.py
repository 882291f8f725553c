"""URL wiring: the admin, password links, documents, health check, robots/sitemap, search, pages."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home.alerts.views import alerts_feed, alerts_json
from home.search.views import search
from news.jdih.feed import jdihn_feed
from news.opendata.api import action as ckan_action
from news.opendata.views import dcat_catalogue
from portal.core.views import robots_txt
from portal.health.views import healthz, live
from portal.translations.sitemaps import TranslatedSitemap, cached_sitemap

urlpatterns = [
    # The admin path comes from DJANGO_ADMIN_PATH (default "admin/"), see docs/operations.md.
    path(settings.PORTAL_ADMIN_PATH, include(wagtailadmin_urls)),
    # Setting a password from an invitation or a password link (no login needed).
    path("akun/", include("opd.team.urls")),
    path("documents/", include(wagtaildocs_urls)),
    # Each host's pages in both languages, with hreflang alternates (translations/sitemaps.py).
    path("sitemap.xml", cached_sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The JDIHN integration feed of a JDIH site (news/jdih/feed.py, docs/jdih.md).
    path("jdihn.json", jdihn_feed, name="jdihn_feed"),
    path("i18n/", include("django.conf.urls.i18n")),
    # The alert banner for other systems (home/alerts), both languages in one document.
    path("peringatan.json", alerts_json, name="alerts_json"),
    path("healthz/", healthz, name="healthz"),
    # The CKAN-compatible open data API, at CKAN's own paths without a trailing slash (docs/open-data.md).
    re_path(r"^api/action/(?P<name>\w+)$", ckan_action, name="ckan_action"),
    re_path(r"^api/(?P<version>[123])/action/(?P<name>\w+)$", ckan_action, name="ckan_action_versioned"),
    # Answered in front of Django in production (health/probe.py); this is for other servers.
    path("healthz/live/", live, name="healthz_live"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Indonesian pages carry no prefix (/berita/...), English ones live under /en/.
urlpatterns += i18n_patterns(
    path("cari/", search, name="search"),
    path("peringatan/rss/", alerts_feed, name="alerts_feed"),
    # The Survei Kepuasan Masyarakat of the request's OPD site (ppid/skm/).
    path("skm/", include("ppid.skm.urls")),
    # A data catalogue page's DCAT catalogue (docs/open-data.md); Wagtail's routes take no dots.
    re_path(r"^(?P<path>(?:[\w\-]+/)+)catalog\.(?P<fmt>ttl|jsonld)$", dcat_catalogue, name="dcat_catalogue"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# Error pages: the admin's own under the admin path, the site's branded ones elsewhere (core/errors.py).
handler403 = "portal.core.errors.permission_denied"
handler404 = "portal.core.errors.page_not_found"
handler500 = "portal.core.views.server_error"
