"""Old WordPress addresses with a query on the home page (``/?p=123``, ``/?page_id=7``) redirect.

Wagtail's redirect middleware acts only on a 404, and ``/`` is the OPD's home page, so these
addresses would show the home page; here they are looked up among the site's redirects first.
"""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

WORDPRESS_QUERIES = ("p", "page_id", "attachment_id", "cat", "tag", "author")


class WordPressQueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and request.path == "/"
            and any(q in request.GET for q in WORDPRESS_QUERIES)
        ):
            redirect = get_redirect(request, Redirect.normalise_path(request.get_full_path()))
            if redirect is not None and redirect.link:
                response_class = (
                    HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
                )
                return response_class(redirect.link)
        return self.get_response(request)
