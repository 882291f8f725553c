"""Forms of the security app."""

from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    """A six-digit code from an authenticator app."""

    token = forms.RegexField(
        label=_("Kode verifikasi"),
        regex=r"^\d{6}$",
        max_length=6,
        error_messages={"invalid": _("Masukkan 6 angka dari aplikasi autentikator.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class EmailCodeForm(forms.Form):
    """The six-digit code e-mailed before a first authenticator app is enrolled."""

    code = forms.RegexField(
        label=_("Kode dari surel"),
        regex=r"^\d{6}$",
        max_length=6,
        error_messages={"invalid": _("Masukkan 6 angka dari surel yang dikirim portal.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
