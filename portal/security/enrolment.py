"""First enrolment of an authenticator app needs a second proof: a code sent by e-mail.

A password alone must never reveal the TOTP secret, or whoever phished the password binds
their own authenticator and owns the account. Before the secret of a *first* device is shown,
the person proves they read the mailbox registered on their account: a six-digit code from
django-otp's ``EmailDevice`` (``OTP_EMAIL_TOKEN_VALIDITY`` seconds, single use, one send per
``OTP_EMAIL_COOLDOWN_DURATION``), void after ``PORTAL_2FA_EMAIL_CODE_ATTEMPTS`` wrong tries.
The proof lives in the session only (a new login starts over).

Every enrolment and every reset is written to Wagtail's audit log on the person
(``security.2fa_enrolled``, ``security.2fa_reset``) and e-mailed to them, so an enrolment
they did not make does not go unnoticed.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_email.models import EmailDevice
from wagtail.log_actions import log

PROOF_SESSION_KEY = "security_2fa_email_proof"
ENROLLED = "security.2fa_enrolled"
RESET = "security.2fa_reset"
LOG_ACTIONS = {
    ENROLLED: (gettext_lazy("2FA diaktifkan"), gettext_lazy("Aplikasi autentikator didaftarkan (2FA aktif)")),
    RESET: (gettext_lazy("2FA diatur ulang"), gettext_lazy("Perangkat 2FA dihapus; harus mendaftar ulang")),
}


def masked_email(address):
    """``b***@ketapangkab.go.id``: enough for the person to recognise their mailbox."""
    local, _at, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"


def _email_device(user):
    """The person's enrolment channel (never a login factor: left unconfirmed)."""
    device = EmailDevice.objects.filter(user=user).first()
    if device is None:
        device = EmailDevice.objects.create(user=user, name="Surel pendaftaran 2FA", confirmed=False)
    return device


def send_enrolment_code(user):
    """E-mail a fresh code to the account's address; return an Indonesian message for the page."""
    device = _email_device(user)
    allowed, _data = device.generate_is_allowed()
    if not allowed:
        return False, _(
            "Kode baru hanya dapat dikirim satu menit setelah kode sebelumnya. Periksa kotak surel Anda."
        )
    device.cooldown_set(commit=False)
    device.throttle_reset(commit=False)
    device.generate_token(valid_secs=settings.OTP_EMAIL_TOKEN_VALIDITY, commit=True)
    minutes = max(1, settings.OTP_EMAIL_TOKEN_VALIDITY // 60)
    _mail(
        user,
        gettext_lazy("Kode pendaftaran autentikasi dua faktor"),
        "security/emails/enrolment_code.txt",
        {"token": device.token, "minutes": minutes},
        at_once=True,  # the person is waiting for it on the page
    )
    return True, _("Kode dikirim ke %(email)s. Kode berlaku %(minutes)d menit.") % {
        "email": masked_email(user.email),
        "minutes": minutes,
    }


def check_enrolment_code(user, code):
    """Whether ``code`` is the person's live e-mail code; an Indonesian error message if not.

    Used once: a right code is cleared by django-otp. Wrong tries count; at the limit the code is
    voided, so guessing a six-digit code within its lifetime is out of reach.
    """
    device = EmailDevice.objects.filter(user=user).first()
    if device is None or device.token is None:
        return _("Tidak ada kode yang berlaku. Minta kode baru.")
    if device.valid_until <= timezone.now():
        return _("Kode sudah kedaluwarsa. Minta kode baru.")
    if device.verify_token(code):
        return None
    device.refresh_from_db()
    if device.throttling_failure_count >= settings.PORTAL_2FA_EMAIL_CODE_ATTEMPTS:
        device.token = None
        device.save(update_fields=["token"])
        return _("Kode salah terlalu sering dan tidak berlaku lagi. Minta kode baru.")
    return _("Kode salah. Periksa surel terakhir dari portal lalu coba lagi.")


def remember_proof(request):
    request.session[PROOF_SESSION_KEY] = request.user.pk


def has_proof(request):
    return request.session.get(PROOF_SESSION_KEY) == request.user.pk


def forget_proof(request):
    request.session.pop(PROOF_SESSION_KEY, None)


def record_enrolment(user, device):
    """Log the new device on the person and tell them by e-mail."""
    log(instance=user, action=ENROLLED, user=user, title=user.get_username(), data={"device": device.name})
    _mail(
        user,
        gettext_lazy("Autentikasi dua faktor diaktifkan untuk akun Anda"),
        "security/emails/enrolled.txt",
        {"when": timezone.localtime()},
    )


def reset_devices(user, by=None):
    """Remove the person's authenticator devices (a lost phone): they enrol again, with the e-mail
    code, at their next login. Logged and e-mailed to them. Returns the number of devices removed."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    deleted, _details = TOTPDevice.objects.filter(user=user).delete()
    log(instance=user, action=RESET, user=by, title=user.get_username(), data={"devices": deleted})
    _mail(
        user,
        gettext_lazy("Autentikasi dua faktor akun Anda diatur ulang"),
        "security/emails/reset.txt",
        {"by": by.get_full_name() or by.get_username() if by else None},
    )
    return deleted


def _mail(user, subject, template, context, at_once=False):
    """Send in Indonesian (the portal's language); notices once the transaction commits."""
    if not user.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(template, {"name": user.get_full_name() or user.get_username(), **context})
        subject = str(subject)

    def send():
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])

    if at_once:
        send()
    else:
        transaction.on_commit(send)


def register_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)
