from django.apps import AppConfig


class TeamConfig(AppConfig):
    name = "opd.team"
    label = "team"
    verbose_name = "Tim OPD"

    def ready(self):
        from . import signals  # noqa: F401 -- connects the role-change audit log
