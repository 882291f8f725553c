"""The regency's identity and the OPD list that every public page shows (templates/base.html).

Both come from what each worker keeps until the public content version changes
(``OPDDirectory.shared()``, the cached ``SiteBranding``): no query on a warm request.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Site

from opd.directory import OPDDirectory
from opd.models import SiteBranding
from portal.core.public_urls import site_url_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def opd_sites(context):
    """Every OPD's site, the regency portal first, as (name, address of its home page), the
    address with the visitor's scheme and port (core/public_urls.py)."""
    request = context.get("request")
    suffix = _language_suffix()
    return [
        (opd.name, (site_url_for_request(opd.site, request) if request else f"{opd.site.root_url}/") + suffix)
        for opd in OPDDirectory.shared().opds
    ]


@register.simple_tag(takes_context=True)
def regency_identity(context):
    """The regency portal's name, home address and logo (its lambang), for every site's top strip.

    None before the portal exists; the template then shows the regency's name alone.
    """
    request = context.get("request")
    portal = next((opd for opd in OPDDirectory.shared().opds if opd.is_portal), None)
    if portal is None:
        return None
    branding = SiteBranding.for_site(portal.site)
    return {
        "name": _translated_name(portal.site, branding.official_name or portal.name),
        "url": (site_url_for_request(portal.site, request) if request else f"{portal.site.root_url}/")
        + _language_suffix(),
        "logo": branding.logo,
    }


@register.simple_tag(takes_context=True)
def dashboard_site_name(context):
    """The admin dashboard's title: the user's OPD (opd/dashboard.py), or Wagtail's site name."""
    from opd.dashboard import dashboard_opd

    opd = dashboard_opd(context["request"])
    return opd.name if opd is not None else context.get("site_name", "")


def _language_suffix():
    """ "en/" for an English visitor, who goes to each site's English home (every OPD has one,
    provisioning makes it); "" in Indonesian."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return "" if language == settings.LANGUAGE_CODE else f"{language}/"


def _translated_name(site, name):
    """``name`` (the branding's, in Indonesian) or, for a visitor in another language, the title of
    the site's live home page in that language: the site's translated name (docs/i18n.md)."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if language == settings.LANGUAGE_CODE or site is None:
        return name
    home = site.root_page.localized
    return home.title if home.locale.language_code == language else name


@register.simple_tag(takes_context=True)
def site_name(context, branding):
    """The site's official name in the visitor's language, for the header and the footer.

    Only asked inside fragments kept in the cache (templates/base.html), so its query is paid
    once per site, language and content version.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return _translated_name(site, branding.official_name or branding.display_name)
