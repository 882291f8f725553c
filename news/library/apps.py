from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "news.library"
    label = "library"
    verbose_name = "Dokumen dan regulasi"
