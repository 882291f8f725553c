from django.apps import AppConfig


class OutboxConfig(AppConfig):
    """Outgoing e-mail through the task queue, so a slow mail server never slows the admin."""

    name = "portal.outbox"

    label = "outbox"
    verbose_name = "Kotak keluar"
