from django.apps import AppConfig


class GalleryConfig(AppConfig):
    name = "news.gallery"
    label = "gallery"
    verbose_name = "Galeri"
