from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SKMConfig(AppConfig):
    name = "ppid.skm"
    label = "skm"
    verbose_name = _("Survei Kepuasan Masyarakat")
    default_auto_field = "django.db.models.BigAutoField"
