from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PPIDConfig(AppConfig):
    name = "ppid"
    verbose_name = _("PPID dan pelayanan publik")
    default_auto_field = "django.db.models.BigAutoField"
