"""The portal's URLs plus views that fail on purpose, to reach the error pages over HTTP."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from portal import urls as portal_urls


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("Sengaja rusak untuk menguji halaman galat")


urlpatterns = [
    path("admin/rusak/", broken),
    *i18n_patterns(path("terlarang/", forbidden), path("rusak/", broken), prefix_default_language=False),
    *portal_urls.urlpatterns,
]

handler403 = portal_urls.handler403
handler404 = portal_urls.handler404
handler500 = portal_urls.handler500
