"""One-time links to set a password: the invitation of a new account, and a password link.

Both are Django's password-reset mechanism (``PasswordResetTokenGenerator`` and
``PasswordResetConfirmView``) with their own salt and lifetime, so they compose with
anything that builds on ordinary Django authentication (two-factor login included):
setting the password never logs the person in, they sign in through the normal login.

A link stops working once it is used (the password changes), when the e-mail changes,
when the account is deactivated, or when its lifetime is over. E-mails are sent only
after the transaction that asked for them commits, so a rolled-back change sends nothing.

This module knows no OPD model: callers pass the OPD's name for the text and its Site for
the links (``portal.core.mail_links.absolute_url``: the OPD's host, the request's scheme and port).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext as _

from portal.core.mail_links import absolute_url, current_request, links_as_for


class _TimedTokenGenerator(PasswordResetTokenGenerator):
    """Django's reset token with its own lifetime; also void once the account is deactivated."""

    timeout_setting = "PASSWORD_RESET_TIMEOUT"

    @property
    def timeout(self):
        return int(getattr(settings, self.timeout_setting))

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"

    def check_token(self, user, token):
        # Django's own check compares against PASSWORD_RESET_TIMEOUT; ours uses self.timeout.
        if not (user and token and user.is_active):
            return False
        try:
            ts_b36, _hash = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        valid = any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )
        return valid and (self._num_seconds(self._now()) - ts) <= self.timeout


class InvitationTokenGenerator(_TimedTokenGenerator):
    # The salts keep the module path from before the move (issue 21): links already mailed stay valid.
    key_salt = "team.invitations.InvitationTokenGenerator"
    timeout_setting = "PORTAL_INVITATION_TIMEOUT"


class PasswordLinkTokenGenerator(_TimedTokenGenerator):
    key_salt = "team.invitations.PasswordLinkTokenGenerator"
    timeout_setting = "PASSWORD_RESET_TIMEOUT"


invitation_tokens = InvitationTokenGenerator()
password_link_tokens = PasswordLinkTokenGenerator()


def display_name(user):
    """How a person is named in e-mails and logs: full name, else username."""
    if user is None:
        return None
    return user.get_full_name() or user.get_username()


def _link(url_name, generator, user, site=None):
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse(url_name, kwargs={"uidb64": uidb64, "token": generator.make_token(user)})
    return absolute_url(path, site=site)


def invitation_url(user, site=None):
    return _link("team_invitation", invitation_tokens, user, site)


def password_link_url(user, site=None):
    return _link("team_password_link", password_link_tokens, user, site)


def _expiry(generator):
    return timezone.localtime(timezone.now() + timedelta(seconds=generator.timeout))


def _send(user, subject, template, context, site=None):
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            template,
            {
                "user": user,
                "name": display_name(user),
                "login_url": absolute_url(reverse("wagtailadmin_login"), site=site),
                "site_name": settings.WAGTAIL_SITE_NAME,
                **context(),
            },
        )
        send_mail(str(subject), body, settings.DEFAULT_FROM_EMAIL, [user.email])


def _after_commit(user_pk, subject, template, context, site=None):
    """Send once the change is committed, reading the account as committed (its token depends on it)."""
    from django.contrib.auth import get_user_model

    # The links follow the request that asked for the e-mail (its scheme and port), even
    # when the commit comes after it.
    request = current_request()

    def send():
        user = get_user_model().objects.get(pk=user_pk)
        with links_as_for(request):
            _send(user, subject, template, lambda: context(user), site=site)

    transaction.on_commit(send)


def send_invitation(user, opd_name, roles, invited_by=None, site=None):
    """E-mail a new account its one-time link to set a password (after commit)."""
    _after_commit(
        user.pk,
        _("Undangan %(site)s — %(opd)s") % {"site": settings.WAGTAIL_SITE_NAME, "opd": opd_name},
        "team/emails/invitation.txt",
        lambda u: {
            "opd_name": opd_name,
            "roles": roles,
            "invited_by": display_name(invited_by),
            "url": invitation_url(u, site),
            "expires": _expiry(invitation_tokens),
        },
        site=site,
    )


def send_password_link(user, site=None):
    """E-mail an existing account a one-time link to set a new password (after commit)."""
    _after_commit(
        user.pk,
        _("Atur kata sandi %(site)s") % {"site": settings.WAGTAIL_SITE_NAME},
        "team/emails/password_link.txt",
        lambda u: {"url": password_link_url(u, site), "expires": _expiry(password_link_tokens)},
        site=site,
    )


def send_added_to_team(user, opd_name, roles, added_by=None, site=None):
    """Tell someone who already has an account that an OPD added them to its team (after commit)."""
    _after_commit(
        user.pk,
        _("Anda ditambahkan ke tim %(opd)s") % {"opd": opd_name},
        "team/emails/added_to_team.txt",
        lambda u: {
            "opd_name": opd_name,
            "roles": roles,
            "added_by": display_name(added_by),
        },
        site=site,
    )
