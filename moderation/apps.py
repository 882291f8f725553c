from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "Moderasi SOP"

    def ready(self):
        from opd.signals import opd_provisioned

        from .provisioning import provide_sop_workflow

        # Provisioning is the one place that ties a site to its workflow (CONVENTIONS.md):
        # opd sends the signal, moderation answers it, so opd imports nothing of moderation.
        opd_provisioned.connect(provide_sop_workflow, dispatch_uid="moderation.provisioning.sop_workflow")
