"""Admin URLs of the two-factor authentication screens."""

from django.urls import path
from wagtail import hooks

from . import enrolment, two_factor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("2fa/verifikasi/", two_factor.verify, name="security_2fa_verify"),
        path("2fa/aktifkan/", two_factor.setup, name="security_2fa_setup"),
    ]


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    enrolment.register_actions(actions)
