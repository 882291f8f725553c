"""The alert form: the sites a user may choose, and the levels an OPD may use."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from .models import NOTICE_LEVELS, Level
from .policy import notice_site_ids, sets_regency_alerts


class AlertForm(WagtailAdminModelForm):
    """The regency's Web Administrator and the Web Developer choose "every site" (empty) or
    one site; an OPD's Web Administrator only their own site, below darurat. A forged choice
    is a field error, nothing is saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        field = self.fields.get("site")
        if user is None or field is None:
            return
        field.queryset = Site.objects.filter(pk__in=notice_site_ids(user)).order_by("site_name")
        field.error_messages["invalid_choice"] = _("Pilih situs OPD Anda sendiri.")
        if sets_regency_alerts(user):
            field.required = False
            field.empty_label = _("Seluruh situs Pemerintah Kabupaten Ketapang")
            return
        field.required = True
        field.empty_label = None
        field.help_text = _("Peringatan OPD tampil di situs OPD ini saja.")
        self.fields["level"].choices = [(level.value, level.label) for level in NOTICE_LEVELS]
        own = list(field.queryset[:2])
        if len(own) == 1:
            # One site to choose from: it is theirs, whatever a forged form says.
            self.initial["site"] = field.initial = own[0].pk
            field.disabled = True
            field.widget = forms.HiddenInput()

    def clean_level(self):
        level = self.cleaned_data.get("level")
        if level == Level.DARURAT and self.for_user is not None and not sets_regency_alerts(self.for_user):
            raise forms.ValidationError(_("Tingkat darurat hanya ditetapkan Web Administrator Kabupaten."))
        return level
