"""Two-factor authentication (django-otp TOTP) for every admin role.

wagtail-2fa does not import on Wagtail 8, so this is the small equivalent: once a person has
logged in with a password, every admin URL is refused until they have also entered a code
from their authenticator app in this session. Someone without a device is sent to enrol one;
someone with a device is sent to enter a code. Enrolling a new device while a device already
exists needs a verified session, and the first enrolment needs a code sent to the account's
e-mail (``security/enrolment.py``), so a stolen password alone never shows a TOTP secret.
Switched on by PORTAL_REQUIRE_2FA (on in production, off in dev and test).
"""

from base64 import b32encode
from urllib.parse import quote

import segno
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import enrolment
from .forms import EmailCodeForm, TokenForm


def admin_prefix():
    return f"/{settings.PORTAL_ADMIN_PATH}"


def has_confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def open_paths():
    """Admin URLs a logged-in but unverified person may still reach."""
    return {
        reverse("security_2fa_setup"),
        reverse("security_2fa_verify"),
        reverse("wagtailadmin_logout"),
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_javascript_catalog"),
    }


class RequireTwoFactorMiddleware:
    """Refuse the admin to an authenticated user whose session has no verified second factor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.PORTAL_REQUIRE_2FA
            and request.path_info.startswith(admin_prefix())
            and request.user.is_authenticated
            and not request.user.is_verified()
            and request.path_info not in open_paths()
        ):
            return self.refuse(request)
        return self.get_response(request)

    def refuse(self, request):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseForbidden(_("Verifikasi dua faktor diperlukan sebelum mengubah apa pun."))
        target = "security_2fa_verify" if has_confirmed_device(request.user) else "security_2fa_setup"
        return HttpResponseRedirect(f"{reverse(target)}?next={quote(request.get_full_path())}")


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """Enter a code from the authenticator app to verify this session."""
    if not has_confirmed_device(request.user):
        return redirect("security_2fa_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return HttpResponseRedirect(next_url(request))
        form.add_error("token", _("Kode salah atau sudah kedaluwarsa. Coba kode yang baru."))
    return TemplateResponse(
        request, "security/two_factor_verify.html", {"form": form, "next": next_url(request)}
    )


def setup(request):
    """Enrol an authenticator app: prove the mailbox (first device), scan the QR code, then
    confirm with one code."""
    user = request.user
    if has_confirmed_device(user):
        if not user.is_verified():
            return redirect(f"{reverse('security_2fa_verify')}?next={quote(reverse('security_2fa_setup'))}")
    elif not enrolment.has_proof(request):
        return email_step(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Aplikasi autentikator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            enrolment.forget_proof(request)
            # The device's own user: request.user is a lazy object the audit log cannot type.
            enrolment.record_enrolment(device.user, device)
            messages.success(request, _("Autentikasi dua faktor aktif untuk akun Anda."))
            return HttpResponseRedirect(next_url(request))
        form.add_error("token", _("Kode salah. Pastikan jam ponsel tepat lalu coba kode yang baru."))
    context = {
        "form": form,
        "next": next_url(request),
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=5),
        "secret": b32encode(device.bin_key).decode(),
    }
    return TemplateResponse(request, "security/two_factor_setup.html", context)


def email_step(request):
    """The step before the secret: send a code to the account's e-mail, then enter it."""
    user = request.user
    code_form = EmailCodeForm()
    if not user.email:
        messages.error(
            request, _("Akun Anda belum memiliki alamat surel. Hubungi Web Administrator OPD Anda.")
        )
    elif request.method == "POST" and "kirim" in request.POST:
        sent, message = enrolment.send_enrolment_code(user)
        (messages.success if sent else messages.warning)(request, message)
    elif request.method == "POST":
        code_form = EmailCodeForm(request.POST)
        if code_form.is_valid():
            error = enrolment.check_enrolment_code(user, code_form.cleaned_data["code"])
            if error is None:
                enrolment.remember_proof(request)
                # A secret shown before this proof (if any) must not become the device.
                TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                return HttpResponseRedirect(
                    f"{reverse('security_2fa_setup')}?next={quote(next_url(request))}"
                )
            code_form.add_error("code", error)
    context = {
        "code_form": code_form,
        "email": enrolment.masked_email(user.email) if user.email else "",
        "next": next_url(request),
    }
    return TemplateResponse(request, "security/two_factor_email.html", context)
