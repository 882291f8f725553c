"""The regency's identity and the OPD list that every public page shows (templates/base.html).

Both are kept in each worker's memory until the public content version changes
(``core.site_settings``: bumped by any Site, OPD or site-setting change and any publication),
so they cost no query on a warm request.
"""

from django import template

from core.site_settings import current_version
from opd.models import OPD, SiteBranding

register = template.Library()
_kept = {}


def _remember(name, build):
    version = current_version()
    entry = _kept.get(name)
    if entry is None or entry[0] != version:
        entry = _kept[name] = (version, build())
    return entry[1]


@register.simple_tag
def opd_sites():
    """Every OPD's site, the regency portal first, as (name, address of its home page)."""
    return _remember(
        "sites", lambda: [(opd.name, f"{opd.site.root_url}/") for opd in OPD.objects.select_related("site")]
    )


@register.simple_tag
def regency_identity():
    """The regency portal's name, home address and logo (its lambang), for every site's top strip.

    None before the portal exists; the template then shows the regency's name alone.
    """
    return _remember("identity", _regency_identity)


def _regency_identity():
    portal = OPD.objects.select_related("site").filter(is_portal=True).first()
    if portal is None:
        return None
    branding = SiteBranding.objects.select_related("logo").filter(site=portal.site).first()
    return {
        "name": (branding and branding.official_name) or portal.name,
        "url": f"{portal.site.root_url}/",
        "logo": branding.logo if branding else None,
    }
