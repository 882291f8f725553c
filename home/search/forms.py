from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    """What the visitor searches for, and where: this site or the whole portal."""

    SITE = "situs"
    PORTAL = "portal"

    q = forms.CharField(label=_("Kata kunci"), max_length=200, required=False)
    lingkup = forms.ChoiceField(
        label=_("Cari di"),
        choices=[(SITE, _("situs ini")), (PORTAL, _("seluruh portal"))],
        required=False,
        widget=forms.RadioSelect,
    )
