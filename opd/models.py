"""An OPD (Organisasi Perangkat Daerah) and what ties it to its Wagtail site.

Each OPD is one Wagtail ``Site`` with its own root page, its own media ``Collection``,
its own group per SOP role and its own branding (``SiteBranding``). The regency portal
is an OPD like the others, marked ``is_portal``.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string

from portal.core.site_settings import CachedSiteSetting

from .roles import Role


class OPDQuerySet(models.QuerySet):
    def for_page(self, page):
        """The OPD whose site tree (in any language) holds the page, or None."""
        from wagtail.models import Page

        root_path = page.path[: Page.steplen * 2]
        root = Page.objects.filter(path=root_path).values("translation_key")
        return self.filter(site__root_page__translation_key__in=root).first()

    def for_user(self, user):
        """The OPDs whose groups the user belongs to (every OPD for a superuser)."""
        if user.is_superuser:
            return self.all()
        return self.filter(roles__group__user=user).distinct()


class OPD(models.Model):
    """A regional agency with its own subsite, people, media and workflow."""

    slug = models.SlugField(_("kode"), max_length=50, unique=True)
    name = models.CharField(_("nama"), max_length=255)
    site = models.OneToOneField("wagtailcore.Site", on_delete=models.PROTECT, related_name="opd")
    collection = models.OneToOneField("wagtailcore.Collection", on_delete=models.PROTECT, related_name="opd")
    is_portal = models.BooleanField(
        _("portal kabupaten"), default=False, help_text=_("Situs induk Pemerintah Kabupaten.")
    )

    objects = OPDQuerySet.as_manager()

    class Meta:
        verbose_name = _("OPD")
        verbose_name_plural = _("OPD")
        ordering = ["-is_portal", "name"]

    def __str__(self):
        return self.name

    def group_for(self, role):
        return self.roles.get(role=role).group

    def root_pages(self):
        """The OPD's home page in every language (the Indonesian root and its translations)."""
        return self.site.root_page.get_translations(inclusive=True)


class OPDRole(models.Model):
    """The group that holds one SOP role in one OPD; groups are never shared between OPDs."""

    opd = models.ForeignKey(OPD, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=20, choices=Role.choices)
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="opd_role")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["opd", "role"], name="one_group_per_opd_role")]

    def __str__(self):
        return f"{self.opd} — {self.get_role_display()}"


HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def relative_luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour):
    return 1.05 / (relative_luminance(hex_colour) + 0.05)


def validate_accent_colour(value):
    """Accent colours carry white text, so they must reach WCAG AA contrast (4.5:1) with white."""
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(_("Gunakan kode warna heksadesimal, misalnya #0b5394."))
    ratio = contrast_with_white(value)
    if ratio < 4.5:
        raise ValidationError(
            _("Kontras warna dengan teks putih hanya %(ratio).1f:1; minimal 4,5:1 (WCAG AA)."),
            params={"ratio": ratio},
        )


@register_setting(icon="site")
class SiteBranding(CachedSiteSetting, BaseSiteSetting):
    """The identity a site shows the public: names, logo, contacts, social links, colour."""

    official_name = models.CharField(_("nama resmi"), max_length=255, blank=True)
    short_name = models.CharField(_("nama singkat"), max_length=60, blank=True)
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.TextField(_("alamat"), blank=True)
    phone = models.CharField(_("telepon"), max_length=50, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    accent_colour = models.CharField(
        _("warna aksen"),
        max_length=7,
        default="#0b5394",
        validators=[validate_accent_colour],
        help_text=_("Warna utama situs; harus cukup kontras dengan teks putih (WCAG AA)."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("official_name"), FieldPanel("short_name"), FieldPanel("logo")],
            heading=_("Identitas"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Kontak"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("x_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Media sosial"),
        ),
        FieldPanel("accent_colour"),
    ]

    class Meta:
        verbose_name = _("identitas situs")
        verbose_name_plural = _("identitas situs")

    @property
    def display_name(self):
        return self.short_name or self.official_name or self.site.site_name


__all__ = ["OPD", "OPDRole", "Role", "SiteBranding"]
