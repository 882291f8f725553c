"""The shared base of every public page type. It knows no feature."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import Page


class BasePage(Page):
    """Every public page: a search-engine description and a social-share image."""

    social_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("gambar berbagi"),
        help_text=_("Gambar yang tampil ketika halaman dibagikan di media sosial."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    class Meta:
        abstract = True
