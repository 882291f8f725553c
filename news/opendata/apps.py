from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "news.opendata"
    label = "opendata"
    verbose_name = "Data terbuka"
