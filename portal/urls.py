"""URL wiring: the admin, password links, documents, health check, robots/sitemap, search, pages."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.views import robots_txt
from health.views import healthz
from search.views import search
from translations.sitemaps import TranslatedSitemap, cached_sitemap

urlpatterns = [
    # The admin path comes from DJANGO_ADMIN_PATH (default "admin/"), see docs/operations.md.
    path(settings.PORTAL_ADMIN_PATH, include(wagtailadmin_urls)),
    # Setting a password from an invitation or a password link (no login needed).
    path("akun/", include("team.urls")),
    path("documents/", include(wagtaildocs_urls)),
    # Each host's pages in both languages, with hreflang alternates (translations/sitemaps.py).
    path("sitemap.xml", cached_sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz/", healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Indonesian pages carry no prefix (/berita/...), English ones live under /en/.
urlpatterns += i18n_patterns(
    path("cari/", search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# The 500 page in the requesting site's branding (404 already gets the request from Django).
handler500 = "core.views.server_error"
