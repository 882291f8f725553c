"""The visitor's address as seen through our own proxies (nginx, Varnish)."""

from django.conf import settings


def client_ip(request):
    """The client address: REMOTE_ADDR, or the X-Forwarded-For entry our N proxies added.

    Each proxy appends the address it received the request from, so with N trusted proxies in
    front of the app (PORTAL_NUMBER_OF_PROXIES, 2 for nginx → Varnish) the visitor is the Nth
    entry from the right. Entries further left are whatever the visitor sent and are ignored.
    """
    proxies = settings.PORTAL_NUMBER_OF_PROXIES
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
