"""The OPD list every public page shows in its footer."""

from django import template

from opd.models import OPD

register = template.Library()


@register.simple_tag
def opd_sites():
    """Every OPD's site, the regency portal first, as (name, address of its home page)."""
    return [(opd.name, f"{opd.site.root_url}/") for opd in OPD.objects.select_related("site")]
