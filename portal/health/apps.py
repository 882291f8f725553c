from django.apps import AppConfig


class HealthConfig(AppConfig):
    """/healthz/: is this app server able to serve (database and cache reachable)?"""

    name = "portal.health"

    label = "health"
    verbose_name = "Kesehatan layanan"
