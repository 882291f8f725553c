"""Cache-Control for the page cache: public pages may be kept, personal ones never."""

from django.conf import settings
from django.utils.cache import patch_cache_control


class CacheControlMiddleware:
    """Mark admin and logged-in responses private; let anonymous 200 pages be cached.

    Varnish keeps a page for s-maxage (PORTAL_SHARED_CACHE_SECONDS; publishing purges it at
    once), browsers for max-age (PORTAL_BROWSER_CACHE_SECONDS, short, as they cannot be purged).
    A view that sets its own Cache-Control or a cookie is left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.path_info.startswith(f"/{settings.PORTAL_ADMIN_PATH}") or (user and user.is_authenticated):
            if "Cache-Control" in response:
                del response["Cache-Control"]
            patch_cache_control(response, private=True, no_cache=True, no_store=True, max_age=0)
        elif (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and "Cache-Control" not in response
            and not response.cookies
        ):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PORTAL_BROWSER_CACHE_SECONDS,
                s_maxage=settings.PORTAL_SHARED_CACHE_SECONDS,
            )
        return response
