from django.apps import AppConfig


class CataloguesConfig(AppConfig):
    name = "catalogues"
    verbose_name = "Katalog terjemahan"
