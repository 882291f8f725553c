from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "moderation.compliance"
    label = "compliance"
    verbose_name = "Kepatuhan mutu baku"

    def ready(self):
        from . import signal_handlers  # noqa: F401  (connects the timing recorders)
