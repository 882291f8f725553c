from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    """Newsroom planning: coverage assignments (SOP steps 3-4) and the editorial calendar."""

    name = "moderation.newsroom"

    label = "newsroom"
    verbose_name = _("Perencanaan redaksi")
