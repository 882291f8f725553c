from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = "Inti"

    def ready(self):
        from . import errors, mail_links, performance, routing, site_settings

        performance.install()
        routing.install()
        site_settings.install()
        mail_links.install()
        errors.install()
