from django.apps import AppConfig


class HealthConfig(AppConfig):
    """/healthz/: is this app server able to serve (database and cache reachable)?"""

    name = "health"
    verbose_name = "Kesehatan layanan"
