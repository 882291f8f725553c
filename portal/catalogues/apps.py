from django.apps import AppConfig


class CataloguesConfig(AppConfig):
    name = "portal.catalogues"
    label = "catalogues"
    verbose_name = "Katalog terjemahan"
