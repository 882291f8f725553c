from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Inti"

    def ready(self):
        from . import performance, site_settings

        performance.install()
        site_settings.install()
