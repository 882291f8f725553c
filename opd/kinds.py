"""Site kinds: what a site is for besides being an OPD's site (e.g. ``jdih``, the Bagian Hukum's
legal-products site). A feature app registers its kind when it starts; ``provision_opd`` passes
the kind asked for in ``opd_provisioned`` and the app completes the site. So ``opd`` names no
feature: the kinds it offers are those the installed apps registered.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

#: The kind every OPD's site is when nothing else is asked for.
DEFAULT_KIND = "opd"

_kinds = {DEFAULT_KIND: "Situs OPD"}


def register_site_kind(name, description):
    """Offer ``name`` to ``create_opd_site --kind`` (called from an app's ``ready()``)."""
    _kinds[name] = description


def site_kinds():
    """{kind: description} of every registered kind."""
    return dict(_kinds)


def validate_kind(kind):
    if kind not in _kinds:
        raise ValidationError(
            _("Jenis situs '%(kind)s' tidak dikenal; pilihan: %(choices)s.")
            % {"kind": kind, "choices": ", ".join(sorted(_kinds))}
        )
