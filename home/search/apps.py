from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "home.search"
    label = "search"
    verbose_name = "Pencarian"

    def ready(self):
        from . import checks  # noqa: F401 -- registers the search configuration check
