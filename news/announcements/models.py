"""Pengumuman: announcements with a validity period, and a site's list of current ones.

An expired announcement drops off every list (listing, home pages, feeds, search,
sitemap) on the day after ``valid_until``, without anyone unpublishing it, and stays
reachable by its URL with an "expired" notice.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from news.listing import ListingIndexPage
from portal.core.blocks import BodyBlock
from portal.core.models import BasePage


class AnnouncementQuerySet(PageQuerySet):
    def current(self, today=None):
        """Live public announcements valid today, newest first."""
        today = today or timezone.localdate()
        return (
            self.live()
            .public()
            .filter(valid_from__lte=today)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
            .select_related("attachment")
            .order_by("-date", "-pk")
        )

    def expired(self, today=None):
        return self.filter(valid_until__lt=today or timezone.localdate())


AnnouncementManager = PageManager.from_queryset(AnnouncementQuerySet)


class AnnouncementPage(BasePage):
    """An announcement (pengumuman) valid from one date until another."""

    date = models.DateField(_("tanggal pengumuman"), default=timezone.localdate)
    valid_from = models.DateField(
        _("berlaku mulai"),
        default=timezone.localdate,
        help_text=_("Pengumuman tampil di daftar mulai tanggal ini."),
    )
    valid_until = models.DateField(
        _("berlaku sampai"),
        null=True,
        blank=True,
        help_text=_("Setelah tanggal ini pengumuman hilang dari daftar. Kosongkan bila tidak kedaluwarsa."),
    )
    summary = models.TextField(_("ringkasan"), help_text=_("Satu-dua kalimat inti pengumuman."))
    body = StreamField(BodyBlock(), verbose_name=_("isi pengumuman"), blank=True)
    attachment = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("lampiran"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Berkas pengumuman resmi (PDF), bila ada."),
    )

    objects = AnnouncementManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")])],
            heading=_("Masa berlaku"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("attachment"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["announcements.AnnouncementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("Tanggal akhir berlaku tidak boleh sebelum tanggal mulai berlaku.")}
            )

    @property
    def is_expired(self):
        return bool(self.valid_until and self.valid_until < timezone.localdate())

    @property
    def is_pending(self):
        return bool(self.valid_from and self.valid_from > timezone.localdate())

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_sitemap_urls(self, request=None):
        # Reachable by URL, but no longer offered to search engines once expired.
        return [] if self.is_expired else super().get_sitemap_urls(request)


class AnnouncementIndexPage(ListingIndexPage):
    """A site's current announcements, newest first; expired ones are left out."""

    subpage_types = ["announcements.AnnouncementPage"]
    per_page = 20
    items_name = "announcements"

    class Meta:
        verbose_name = _("daftar pengumuman")

    def listing_items(self, request, **kwargs):
        return AnnouncementPage.objects.current().child_of(self)
