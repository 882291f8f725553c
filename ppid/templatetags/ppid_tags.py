"""The PPID's services in every page's footer (templates/base.html), in the visitor's language."""

from django import template
from wagtail.models import Site

from ppid.models import PPIDPage

register = template.Library()


def site_ppid_page(request):
    """The live PPID page of the request's site in the active language, or None.

    The footer that asks is kept in the fragment cache, so this runs once per site, language
    and content version.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    home = site.root_page.localized
    return PPIDPage.objects.child_of(home).live().public().first()


@register.simple_tag(takes_context=True)
def ppid_service_links(context):
    """(label, URL) of the site's PPID services, or [] when the site has no live PPID page."""
    request = context.get("request")
    page = site_ppid_page(request) if request is not None else None
    return page.service_links(request) if page is not None else []
