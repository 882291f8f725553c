"""The root page of every site and the general-purpose profile page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from core.blocks import BodyBlock
from core.models import BasePage


class HomePage(BasePage):
    """The home page of the regency portal or of one OPD's subsite (the site's root)."""

    intro = models.TextField(_("pengantar"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage", "home.StandardPage"]

    class Meta:
        verbose_name = _("beranda")


class StandardPage(BasePage):
    """A profile page (visi-misi, struktur organisasi, tugas dan fungsi) and similar."""

    intro = models.TextField(_("pengantar"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("halaman profil")
