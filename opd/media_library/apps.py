from django.apps import AppConfig


class MediaLibraryConfig(AppConfig):
    name = "opd.media_library"
    label = "media_library"
    verbose_name = "Pustaka media"
