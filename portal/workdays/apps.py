from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "portal.workdays"
    label = "workdays"
    verbose_name = "Hari kerja"
