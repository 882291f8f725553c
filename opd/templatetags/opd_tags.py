"""The regency's identity and the OPD list that every public page shows (templates/base.html).

Both come from what each worker keeps until the public content version changes
(``OPDDirectory.shared()``, the cached ``SiteBranding``): no query on a warm request.
"""

from django import template

from opd.directory import OPDDirectory
from opd.models import SiteBranding

register = template.Library()


@register.simple_tag
def opd_sites():
    """Every OPD's site, the regency portal first, as (name, address of its home page)."""
    return [(opd.name, f"{opd.site.root_url}/") for opd in OPDDirectory.shared().opds]


@register.simple_tag
def regency_identity():
    """The regency portal's name, home address and logo (its lambang), for every site's top strip.

    None before the portal exists; the template then shows the regency's name alone.
    """
    portal = next((opd for opd in OPDDirectory.shared().opds if opd.is_portal), None)
    if portal is None:
        return None
    branding = SiteBranding.for_site(portal.site)
    return {
        "name": branding.official_name or portal.name,
        "url": f"{portal.site.root_url}/",
        "logo": branding.logo,
    }
