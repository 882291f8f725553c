from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "home.navigation"
    label = "navigation"
    verbose_name = "Navigasi situs"
