from django.apps import AppConfig


class BackupConfig(AppConfig):
    """make backup / make restore: the PostgreSQL database plus the media files."""

    name = "portal.backup"

    label = "backup"
    verbose_name = "Cadangan"
