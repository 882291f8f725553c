"""Berita: the news list of a site and the news article (rilis) itself."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import BasePage


class NewsIndexPage(BasePage):
    """The list of a site's news, newest first."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("daftar berita")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .select_related("featured_image")
            .order_by("-date", "-pk")
        )
        return context


class NewsPage(BasePage):
    """A news release (rilis) written by the Penulis / Tim Peliput and passed through the SOP."""

    date = models.DateField(_("tanggal berita"), default=timezone.localdate)
    lead = models.TextField(_("teras berita"), help_text=_("Ringkasan satu-dua kalimat di awal berita."))
    featured_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("gambar utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("isi berita"), blank=True)
    reporters = models.CharField(_("penulis / tim peliput"), max_length=255, blank=True)
    photographer = models.CharField(_("fotografer"), max_length=255, blank=True)
    coverage_place = models.CharField(_("tempat liputan"), max_length=255, blank=True)
    coverage_date = models.DateField(_("tanggal liputan"), null=True, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("featured_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("reporters"),
                FieldPanel("photographer"),
                FieldPanel("coverage_place"),
                FieldPanel("coverage_date"),
            ],
            heading=_("Data liputan"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("berita")
        verbose_name_plural = _("berita")
