"""The public forms (permohonan, keberatan) and the PPID's admin forms."""

import unicodedata

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from opd.media_library.models import InformationClass

from .abuse import HONEYPOT_FIELD
from .models import (
    DeliveryMethod,
    InformationRequest,
    ObjectionReason,
    ObjectionStatus,
    RequestStatus,
)
from .models.requests import MAX_TEXT

# ASCII digits only: Python's \d (and int()) also accept Arabic-Indic, Devanagari... digits.
ASCII_NIK = RegexValidator(r"^[0-9]{16}\Z", _("NIK harus terdiri atas 16 angka."))


class NIKField(forms.CharField):
    """A NIK as typed on any keyboard, stored as 16 ASCII digits.

    NFKC turns full-width digits (６１０４…, typed on some Asian phone keyboards) into ASCII
    ones; the spaces people put between groups of digits are dropped. Any other character,
    including digits of other scripts, is refused.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return "".join(unicodedata.normalize("NFKC", value).split())


class HoneypotMixin(forms.Form):
    """A field people never see (hidden by CSS and labelled for screen readers to skip)."""

    website = forms.CharField(required=False, label=_("Jangan diisi"))

    def honeypot_filled(self):
        return bool(self.data.get(HONEYPOT_FIELD))


class RequestForm(HoneypotMixin, forms.ModelForm):
    nik = NIKField(
        label=_("NIK"),
        min_length=16,
        max_length=16,
        validators=[ASCII_NIK],
        help_text=_("Nomor Induk Kependudukan, 16 angka sesuai KTP."),
        error_messages={
            "min_length": _("NIK harus terdiri atas 16 angka."),
            "max_length": _("NIK harus terdiri atas 16 angka."),
        },
    )
    information = forms.CharField(
        label=_("Rincian informasi yang dibutuhkan"), widget=forms.Textarea, max_length=MAX_TEXT
    )
    purpose = forms.CharField(
        label=_("Tujuan penggunaan informasi"), widget=forms.Textarea, max_length=MAX_TEXT
    )
    address = forms.CharField(label=_("Alamat"), widget=forms.Textarea(attrs={"rows": 3}), max_length=500)
    delivery = forms.ChoiceField(label=_("Cara mendapatkan informasi"), choices=DeliveryMethod.choices)

    class Meta:
        model = InformationRequest
        fields = ["name", "nik", "address", "email", "phone", "information", "purpose", "delivery"]

    def clean_nik(self):
        nik = self.cleaned_data["nik"]
        # The first two digits are a province code (11-94) and digits 7-12 a date of birth.
        day, month = int(nik[6:8]), int(nik[8:10])
        if not 11 <= int(nik[:2]) <= 97 or not (1 <= day <= 31 or 41 <= day <= 71) or not 1 <= month <= 12:
            raise forms.ValidationError(_("NIK tidak sah: periksa kembali 16 angka sesuai KTP."))
        return nik

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone"):
            raise forms.ValidationError(_("Isi surel atau nomor telepon agar PPID dapat menghubungi Anda."))
        return cleaned


class ObjectionForm(HoneypotMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Alasan keberatan (Pasal 35 UU 14/2008)"),
        choices=ObjectionReason.choices,
        widget=forms.RadioSelect,
    )
    explanation = forms.CharField(label=_("Uraian keberatan"), widget=forms.Textarea, max_length=MAX_TEXT)


class TrackingLookupForm(forms.Form):
    """The tracking code (or the whole tracking link) a citizen received, to open the request.

    The code, not the registration number: numbers follow each other, so a number alone would
    let anyone read another's status or object in their name.
    """

    kode = forms.CharField(
        label=_("Kode atau tautan pelacakan"),
        max_length=300,
        help_text=_("Tertera di halaman status setelah permohonan dikirim."),
        error_messages={"required": _("Isi kode atau tautan pelacakan Anda.")},
    )

    def clean_kode(self):
        # A pasted link: the code is the part after /lacak/.
        value = self.cleaned_data["kode"].strip()
        if "/lacak/" in value:
            value = value.split("/lacak/", 1)[1]
        return value.split("/", 1)[0].split("?", 1)[0]


class DIPFilterForm(forms.Form):
    kelas = forms.ChoiceField(
        label=_("Klasifikasi"), choices=[("", _("Semua")), *InformationClass.choices], required=False
    )
    unit = forms.ChoiceField(label=_("Unit / OPD"), choices=[("", _("Semua"))], required=False)
    tahun = forms.IntegerField(label=_("Tahun"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("Semua")), *((opd.slug, opd.name) for opd in units)]


class StatusForm(forms.Form):
    """The PPID's decision on a request."""

    status = forms.ChoiceField(label=_("Status baru"), choices=RequestStatus.choices)
    note = forms.CharField(
        label=_("Catatan / alasan perpanjangan"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    answer = forms.CharField(
        label=_("Jawaban kepada pemohon"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    rejection_basis = forms.CharField(
        label=_("Dasar pengecualian (bila ditolak)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, allowed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(status.value, status.label) for status in allowed]


class ObjectionAnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status baru"),
        choices=[
            (ObjectionStatus.DIPROSES, ObjectionStatus.DIPROSES.label),
            (ObjectionStatus.SELESAI, ObjectionStatus.SELESAI.label),
        ],
    )
    answer = forms.CharField(
        label=_("Tanggapan atasan PPID"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
