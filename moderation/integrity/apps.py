from django.apps import AppConfig


class IntegrityConfig(AppConfig):
    name = "moderation.integrity"
    label = "integrity"
    verbose_name = "Integritas konten"
