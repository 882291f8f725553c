"""A malformed admin form post answers 400 with a message, not a server error.

Wagtail's StreamField reads its management data straight from the post (``body-count``,
``body-0-type``, ...) and raises KeyError when a field is missing, which no browser running
the editor's JavaScript does but a truncated request, a broken proxy or a script can. Such a
post cannot be shown back as a form (the editor state is what is missing), so it is refused
as a bad request and logged at WARNING. Nothing is stored: the form raised while reading the
post, before the view saved anything.
"""

import logging

from django.shortcuts import render
from django.urls import reverse

logger = logging.getLogger("portal.security.malformed_post")


def missing_form_key(request, exception):
    """The form field name the exception says was missing from this POST, or None.

    Only a KeyError naming a key that the post really lacks counts: a KeyError from anywhere
    else (a bug reading a dict) stays a server error that gets reported.
    """
    if not isinstance(exception, KeyError) or not exception.args:
        return None
    key = exception.args[0]
    if not isinstance(key, str) or key in request.POST or key in request.FILES:
        return None
    return key


class MalformedAdminPostMiddleware:
    """Turn a KeyError for a form field missing from an admin POST into a 400 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST" or not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        key = missing_form_key(request, exception)
        if key is None:
            return None
        logger.warning("Malformed admin form post to %s: field %r missing", request.path, key)
        return render(request, "security/malformed_post.html", {"field": key}, status=400)
