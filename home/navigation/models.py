"""Per-site navigation: the main menu, footer links and quick links of one OPD's site.

Edited in *Pengaturan → Navigasi situs* by that OPD's Web Administrator only (granted per
site through Wagtail's GroupSitePermission by opd/provisioning.py).
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from portal.core.site_settings import CachedSiteSetting

from .blocks import LinkBlock, MenuItemBlock, QuickLinkBlock


@register_setting(icon="list-ul")
class SiteNavigation(CachedSiteSetting, BaseSiteSetting):
    """The menus of one site; page links follow the page's title and language."""

    main_menu = StreamField(
        [("item", MenuItemBlock())],
        verbose_name=_("menu utama"),
        blank=True,
        help_text=_("Menu di bagian atas setiap halaman; tiap menu boleh punya submenu."),
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("tautan kaki halaman"),
        blank=True,
    )
    quick_links = StreamField(
        [("link", QuickLinkBlock())],
        verbose_name=_("tautan cepat layanan"),
        blank=True,
        help_text=_("Pintasan ke layanan publik, tampil di beranda."),
    )

    panels = [FieldPanel("main_menu"), FieldPanel("quick_links"), FieldPanel("footer_links")]

    def links(self):
        """Every link of the three menus, submenus included."""
        for menu in (self.main_menu, self.footer_links, self.quick_links):
            for item in menu:
                yield item.value
                yield from item.value.get("children") or ()

    def prepare_kept(self):
        """Called once before the worker keeps this setting (``portal.core.site_settings``): each
        link's page in every language is looked up now, so that requests only ever read it."""
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                for link in self.links():
                    link.linked_page()

    class Meta:
        verbose_name = _("navigasi situs")
        verbose_name_plural = _("navigasi situs")
