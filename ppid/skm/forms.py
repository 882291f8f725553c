"""The public survey form and the admin's period form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ppid.forms import HoneypotMixin

from . import scoring
from .models import PROFILE_FIELDS, SurveyPeriod, SurveyResponse


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class SurveyForm(HoneypotMixin, forms.ModelForm):
    """Nine questions answered 1-4 with the regulation's wording, the service used, the optional
    profile and a suggestion. Radio buttons and selects only: no JavaScript needed."""

    service = ServiceChoiceField(
        label=_("Jenis layanan yang Anda terima"),
        queryset=None,
        empty_label=_("— pilih layanan —"),
        error_messages={"required": _("Pilih jenis layanan yang Anda terima.")},
    )

    class Meta:
        model = SurveyResponse
        fields = ["service", *scoring.FIELDS, *PROFILE_FIELDS, "suggestion"]
        widgets = {"suggestion": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services
        if not services.exists():  # an OPD with no Standar Pelayanan yet: the unit as a whole
            del self.fields["service"]
        for unsur in scoring.UNSUR:
            self.fields[unsur.field] = forms.TypedChoiceField(
                label=f"{unsur.code}. {unsur.question}",
                choices=[(value, answer) for value, answer in enumerate(unsur.answers, start=1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu jawaban.")},
            )
            self.fields[unsur.field].unsur = unsur
        for name, choices in PROFILE_FIELDS.items():
            self.fields[name] = forms.ChoiceField(
                label=SurveyResponse._meta.get_field(name).verbose_name.capitalize(),
                choices=[("", _("— tidak ingin menyebutkan —")), *choices.choices],
                required=False,
            )
        self.fields["suggestion"].label = _("Saran dan masukan (tidak wajib)")
        self.fields["suggestion"].help_text = _("Jangan menuliskan nama, NIK atau nomor telepon.")

    def unsur_fields(self):
        return [self[field] for field in scoring.FIELDS]

    def profile_fields(self):
        return [self[name] for name in PROFILE_FIELDS]


class PeriodForm(forms.ModelForm):
    class Meta:
        model = SurveyPeriod
        fields = ["opd", "name", "start", "end", "minimum_sample"]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}),
            "end": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, opds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds
        self.fields["opd"].empty_label = None

    def clean(self):
        cleaned = super().clean()
        start, end, opd = cleaned.get("start"), cleaned.get("end"), cleaned.get("opd")
        if start and end and end < start:
            self.add_error("end", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        elif start and end and opd:
            overlapping = SurveyPeriod.objects.filter(opd=opd, closed_at=None, start__lte=end, end__gte=start)
            if overlapping.exists():
                self.add_error(
                    "start", _("Periode ini bertumpang tindih dengan periode lain yang masih terbuka.")
                )
        return cleaned
