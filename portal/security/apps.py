from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Hardening of the production profile: hosts, 2FA, uploads, CSP, login throttling."""

    name = "portal.security"

    label = "security"
    verbose_name = "Keamanan"

    def ready(self):
        from . import hosts

        hosts.connect_signals()
