"""Absolute addresses of the portal's sites as the visitor reaches them.

A Wagtail ``Site`` stores one port (8000 in the demo, 80 or 443 in production), but a visitor
may reach the same host on another port (a second development server, a test's live server)
or through TLS at nginx while the Site says port 80. Links from one site to another (the OPD
list, the regency portal's news from every OPD, feeds, canonical and hreflang links) therefore
take the **hostname** from the Site and the **scheme and port** from the request: whatever
brought the visitor here brings them to the other site too (docs/frontend.md, "Absolute links").
"""

from urllib.parse import urlsplit

from django.http.request import split_domain_port

DEFAULT_PORTS = {"http": "80", "https": "443"}


def request_origin_parts(request):
    """(scheme, port) the visitor used: the port from the Host header, else the scheme's default.

    Not ``request.get_port()``: behind nginx that is the application server's own port.
    """
    scheme = request.scheme
    _domain, port = split_domain_port(request.get_host())
    return scheme, port or DEFAULT_PORTS.get(scheme, "")


def is_http_request(request):
    """Whether ``request`` is a visitor's request. Wagtail also passes plain cache holders as
    ``request`` (the frontend cache's ``PurgeBatch``): those keep the Site's own address."""
    return hasattr(request, "scheme") and hasattr(request, "get_host")


def root_url_for_request(root_url, request):
    """``root_url`` (a Site's ``scheme://host[:port]``) with the request's scheme and port."""
    if not is_http_request(request) or not root_url:
        return root_url
    hostname = urlsplit(root_url).hostname
    if not hostname:
        return root_url
    scheme, port = request_origin_parts(request)
    if port and port != DEFAULT_PORTS.get(scheme):
        return f"{scheme}://{hostname}:{port}"
    return f"{scheme}://{hostname}"


def site_url_for_request(site, request):
    """The home address (with a trailing slash) of ``site`` as reached from ``request``."""
    return f"{root_url_for_request(site.root_url, request)}/"


def absolute_url_for_request(url, request):
    """An absolute page URL (from a generic ``Page``, which BasePage's override does not reach)
    with the request's scheme and port."""
    if not url or not is_http_request(request):
        return url
    parts = urlsplit(url)
    if not parts.hostname:
        return url
    root = root_url_for_request(f"{parts.scheme}://{parts.netloc}", request)
    return root + url[len(f"{parts.scheme}://{parts.netloc}") :]
