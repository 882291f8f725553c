"""The regency's identity and the OPD list that every public page shows (templates/base.html)."""

from django import template

from opd.models import OPD, SiteBranding

register = template.Library()


@register.simple_tag
def opd_sites():
    """Every OPD's site, the regency portal first, as (name, address of its home page)."""
    return [(opd.name, f"{opd.site.root_url}/") for opd in OPD.objects.select_related("site")]


@register.simple_tag
def regency_identity():
    """The regency portal's name, home address and logo (its lambang), for every site's top strip.

    None before the portal exists; the template then shows the regency's name alone.
    """
    portal = OPD.objects.select_related("site").filter(is_portal=True).first()
    if portal is None:
        return None
    branding = SiteBranding.objects.select_related("logo").filter(site=portal.site).first()
    return {
        "name": (branding and branding.official_name) or portal.name,
        "url": f"{portal.site.root_url}/",
        "logo": branding.logo if branding else None,
    }
