"""``{% fragment "name" vary... %}…{% endfragment %}``: a rendered piece of a public page kept in
Django's cache (Redis in production, shared by every worker) until the public content changes.

The key holds the fragment's name, the request's site, its scheme and host with port (links to
other sites follow them: core/public_urls.py), the active language, today's date (agenda
blocks show what is upcoming) and the public content version of ``portal.core.site_settings`` (bumped on
every publication, unpublication, move or deletion of a page, every branding, menu, Site, OPD or
image change), plus the values given after the name. A preview (a draft shown in the editor) and
a request without a site are rendered afresh every time.
"""

import hashlib

from django import template
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Site

from portal.core.site_settings import current_version

register = template.Library()

TIMEOUT = 24 * 60 * 60


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        site = getattr(request, "_portal_fragment_site", None)
        if site is None:
            site = Site.find_for_request(request)
            request._portal_fragment_site = site
        if site is None:
            return self.nodelist.render(context)
        parts = [
            self.name.resolve(context),
            site.pk,
            # Links to other sites follow the visitor's scheme and port (core/public_urls.py).
            request.scheme,
            request.get_host(),
            get_language(),
            timezone.localdate().isoformat(),
            current_version(),
            *(str(v.resolve(context)) for v in self.vary),
        ]
        digest = hashlib.sha1("|".join(map(str, parts)).encode(), usedforsecurity=False).hexdigest()
        key = f"portal:fragment:{digest}"
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, TIMEOUT)
        return html


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    vary = [parser.compile_filter(bit) for bit in bits[2:]]
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), vary)


@register.simple_tag
def menu_current(nav, page):
    """The page's id when a main menu entry links to it (that entry is marked current), else 0."""
    if page is None or nav is None or not getattr(page, "pk", None):
        return 0
    for item in nav.main_menu or ():
        target = item.value.linked_page()
        if target is not None and target.pk == page.pk:
            return page.pk
    return 0


@register.filter
def pks(items):
    """The ids of a page of a list ("3,17,42"), to vary a fragment by what the page holds.

    For lists that change with the clock as well as with publications (the agenda's upcoming
    events, announcements still valid): the page's own query says which items are on it, and
    the fragment renders them once per content version instead of on every request.
    """
    return ",".join(str(item.pk) for item in items)
