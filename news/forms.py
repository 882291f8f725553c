"""Forms of berita: the article editor (categories of its own site only) and the list filters."""

from django import forms
from django.apps import apps
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class NewsPageForm(WagtailAdminPageForm):
    """Offers the categories of the site (and language) the article is written in, nothing else."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("categories")
        if field is None:
            return
        NewsCategory = apps.get_model("news", "NewsCategory")
        anchor = self.parent_page or (self.instance if self.instance.pk else None)
        site = anchor.get_site() if anchor else None
        locale_id = self.instance.locale_id or (self.parent_page.locale_id if self.parent_page else None)
        if site is None:
            field.queryset = NewsCategory.objects.none()
        else:
            field.queryset = NewsCategory.objects.filter(site=site, locale_id=locale_id).order_by("name")


class NewsFilterForm(forms.Form):
    """The news list's filters: one category, one tag, one month; unknown values are field errors."""

    kategori = forms.ChoiceField(label=_("Kategori"), required=False)
    tag = forms.SlugField(label=_("Tag"), required=False)
    bulan = forms.ChoiceField(label=_("Bulan"), required=False)

    def __init__(self, data, *, categories, months):
        super().__init__(data)
        self.fields["kategori"].choices = [("", _("Semua kategori")), *((c.slug, c.name) for c in categories)]
        self.fields["bulan"].choices = [
            ("", _("Semua bulan")),
            *((month.strftime("%Y-%m"), date_format(month, "F Y")) for month in months),
        ]


class OPDFilterForm(forms.Form):
    """The "Berita OPD" list's filter: news of one OPD only."""

    opd = forms.ChoiceField(label=_("OPD"), required=False)

    def __init__(self, data, *, opds):
        super().__init__(data)
        self.fields["opd"].choices = [("", _("Semua OPD")), *((opd.slug, opd.name) for opd in opds)]
