"""Galeri: photo albums (Wagtail images, in order) with embedded videos, and a site's list of albums."""

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from news.listing import ListingIndexPage
from portal.core.blocks import VideoBlock
from portal.core.models import BasePage

PER_PAGE = 12


class GalleryQuerySet(PageQuerySet):
    def for_listing(self):
        """Live public albums with their photos and renditions, in a fixed number of queries."""
        photos = GalleryPhoto.objects.select_related("image").prefetch_related("image__renditions")
        return (
            self.live()
            .public()
            .prefetch_related(Prefetch("photos", queryset=photos.order_by("sort_order")))
            .order_by("-date", "-pk")
        )


GalleryManager = PageManager.from_queryset(GalleryQuerySet)


class GalleryPage(BasePage):
    """A photo album of one activity, with its videos."""

    date = models.DateField(_("tanggal kegiatan"), default=timezone.localdate)
    intro = models.TextField(_("keterangan album"), blank=True)
    videos = StreamField(
        [("video", VideoBlock())],
        verbose_name=_("video"),
        blank=True,
        help_text=_("Video kegiatan dari YouTube atau layanan lain."),
    )

    objects = GalleryManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        InlinePanel("photos", label=_("Foto"), heading=_("Foto album")),
        FieldPanel("videos"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["gallery.GalleryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("album galeri")
        verbose_name_plural = _("album galeri")

    @property
    def cover(self):
        """The album's first photo (from the prefetched photos when a list loaded them)."""
        photo = next(iter(self.photos.all()), None)
        return photo.image if photo else None

    def get_meta_image(self):
        return self.social_image or self.cover

    def get_feed_date(self):
        return self.first_published_at or super().get_feed_date()


class GalleryPhoto(Orderable):
    """One photo of an album; the caption defaults to the one stored on the image."""

    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        get_image_model_string(), verbose_name=_("foto"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(
        _("keterangan"),
        max_length=255,
        blank=True,
        help_text=_("Kosongkan untuk memakai keterangan yang tersimpan pada gambar."),
    )

    panels = [FieldPanel("image"), FieldPanel("caption")]

    @property
    def display_caption(self):
        return self.caption or self.image.caption


class GalleryIndexPage(ListingIndexPage):
    """A site's photo and video albums, newest first."""

    count_follows_content = True

    subpage_types = ["gallery.GalleryPage"]
    per_page = PER_PAGE
    items_name = "albums"

    class Meta:
        verbose_name = _("daftar galeri")

    def listing_items(self, request, **kwargs):
        return GalleryPage.objects.for_listing().child_of(self)
