from django.apps import AppConfig


class AlertsConfig(AppConfig):
    """Peringatan: banners at the top of every page, with their purge and public feeds."""

    name = "home.alerts"
    label = "alerts"
    verbose_name = "Peringatan"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.permissions import register_permission_policy

        from . import changes
        from .models import Alert
        from .policy import AlertPermissionPolicy

        register_permission_policy(Alert, AlertPermissionPolicy(Alert))
        post_save.connect(changes.alert_changed, sender=Alert, dispatch_uid="alerts-saved")
        post_delete.connect(changes.alert_changed, sender=Alert, dispatch_uid="alerts-deleted")
