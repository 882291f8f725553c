from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Inti"

    def ready(self):
        from . import performance, routing, site_settings

        performance.install()
        routing.install()
        site_settings.install()
