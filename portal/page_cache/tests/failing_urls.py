"""The portal's URLs plus two that fail, to see what an error response tells caches."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def broken(request):
    raise RuntimeError("rusak untuk pengujian")


def unavailable_but_marked_public(request):
    response = HttpResponse("sebentar", status=503)
    response["Cache-Control"] = "public, max-age=600"
    return response


urlpatterns = [
    path("uji-rusak/", broken),
    path("uji-tidak-tersedia/", unavailable_but_marked_public),
    *portal_urlpatterns,
]
handler500 = "portal.core.views.server_error"
