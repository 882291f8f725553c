"""The news article (rilis) written by the Penulis / Tim Peliput and passed through the SOP."""

from datetime import datetime, time

from django import forms
from django.core.cache import cache
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from news.forms import NewsPageForm
from portal.core.blocks import BodyBlock
from portal.core.models import BasePage
from portal.core.site_settings import current_version


class NewsPageTag(TaggedItemBase):
    """A free tag on an article (tags are words, shared by every site)."""

    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPageQuerySet(PageQuerySet):
    def for_listing(self):
        """Live public articles with what a news card shows, in a fixed number of queries.

        Without the body: a deep page of the list sorts every earlier article, and with their
        bodies PostgreSQL sorted megabytes on disk (page 200: 95 ms, 3 ms without).
        """
        return (
            self.live()
            .public()
            .defer_streamfields()
            .select_related("featured_image")
            .prefetch_related("featured_image__renditions")
            .order_by("-date", "-pk")
        )


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


class NewsPage(BasePage):
    """A news release (rilis): lead, body, photos, coverage data, categories, tags and related news."""

    # Indexed: every list and the portal's aggregation read the newest first.
    date = models.DateField(_("tanggal berita"), default=timezone.localdate, db_index=True)
    lead = models.TextField(_("teras berita"), help_text=_("Ringkasan satu-dua kalimat di awal berita."))
    featured_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("gambar utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_caption = models.CharField(
        _("keterangan gambar utama"),
        max_length=255,
        blank=True,
        help_text=_("Kosongkan untuk memakai keterangan yang tersimpan pada gambar."),
    )
    featured = models.BooleanField(
        _("berita utama"),
        default=False,
        help_text=_("Tampilkan di slider berita utama pada beranda."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("isi berita"), blank=True)
    reporters = models.CharField(_("penulis / tim peliput"), max_length=255, blank=True)
    photographer = models.CharField(_("fotografer"), max_length=255, blank=True)
    coverage_place = models.CharField(_("tempat liputan"), max_length=255, blank=True)
    coverage_date = models.DateField(_("tanggal liputan"), null=True, blank=True)
    categories = ParentalManyToManyField(
        "news.NewsCategory",
        verbose_name=_("kategori"),
        blank=True,
        related_name="articles",
        help_text=_("Kategori berita situs ini (dikelola Web Administrator di menu Snippet)."),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tag"),
        through=NewsPageTag,
        blank=True,
        help_text=_("Kata kunci dipisah koma, misalnya: imunisasi, puskesmas."),
    )

    objects = NewsPageManager()
    base_form_class = NewsPageForm
    og_type = "article"
    route_select_related = ("featured_image",)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("featured_image"), FieldPanel("featured_image_caption"), FieldPanel("featured")],
            heading=_("Gambar utama"),
        ),
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
        MultiFieldPanel(
            [FieldPanel("categories", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Kategori dan tag"),
        ),
        InlinePanel("related_articles", label=_("Berita terkait"), max_num=6),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("reporters"),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("berita")
        verbose_name_plural = _("berita")

    def clean(self):
        super().clean()
        self._use_categories_of_own_language()

    def _use_categories_of_own_language(self):
        """A translation (wagtail-localize copies the original's categories) files itself under
        the categories of its own language where they have been translated."""
        if not self.locale_id:
            return
        categories = list(self.categories.all())
        localized = [category.get_translation_or_none(self.locale) or category for category in categories]
        if [c.pk for c in localized] != [c.pk for c in categories]:
            self.categories = localized

    @property
    def caption(self):
        """The featured photo's caption: the article's own, or the one stored on the image."""
        image = self.featured_image
        return self.featured_image_caption or (image.caption if image else "")

    @property
    def photo_credit(self):
        image = self.featured_image
        return (image.credit if image else "") or self.photographer

    def get_meta_description(self):
        return self.search_description or self.lead

    def get_meta_image(self):
        return self.social_image or self.featured_image

    def get_feed_date(self):
        published = self.first_published_at
        if published and timezone.localtime(published).date() == self.date:
            return published
        return timezone.make_aware(datetime.combine(self.date, time(hour=8)))

    def get_context(self, request, *args, **kwargs):
        # A preview shows the draft's own related articles, never the published page's cached ones.
        self._related_may_be_cached = not getattr(request, "is_preview", False)
        return super().get_context(request, *args, **kwargs)

    def get_related_articles(self, count=3):
        """The articles the Penulis linked, else the newest ones sharing a category on this site.

        On the public page they are kept in Django's cache until any page is published,
        unpublished, moved or deleted (``portal.core.site_settings.current_version``).
        """
        if not getattr(self, "_related_may_be_cached", False):
            return self._find_related_articles(count)
        key = f"portal:related-articles:{self.pk}:{count}:{current_version()}"
        found = cache.get(key)
        if found is None:
            found = self._find_related_articles(count)
            cache.set(key, found, 24 * 3600)
        return found

    def _find_related_articles(self, count):
        chosen = [
            link.article
            for link in self.related_articles.select_related("article")
            if link.article and link.article.live
        ]
        if chosen:
            return chosen[:count]
        # .all() rather than values_list: in preview the categories are modelcluster's
        # in-memory FakeQuerySet, which has no values_list over "pk".
        category_ids = [category.pk for category in self.categories.all()]
        if not category_ids:
            return []
        return list(
            NewsPage.objects.for_listing()
            .sibling_of(self, inclusive=False)
            .filter(categories__in=category_ids)
            .distinct()[:count]
        )

    def get_structured_data(self, request):
        site = self.site_for(request)
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.lead,
            "datePublished": self.get_feed_date().isoformat(),
            "dateModified": (self.last_published_at or self.get_feed_date()).isoformat(),
            "inLanguage": self.language_code,
            "mainEntityOfPage": self.get_full_url(request),
            "author": {"@type": "Organization", "name": self.reporters or site.site_name},
            "publisher": {"@type": "GovernmentOrganization", "name": site.site_name},
        }
        if self.featured_image:
            rendition = self.featured_image.get_rendition("fill-1200x675|format-jpeg")
            data["image"] = [request.build_absolute_uri(rendition.url) if request else rendition.full_url]
        if self.coverage_place:
            data["contentLocation"] = {"@type": "Place", "name": self.coverage_place}
        return data


class NewsPageRelatedArticle(Orderable):
    """An article the Penulis links as related ("Berita terkait")."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_articles")
    article = models.ForeignKey(
        "news.NewsPage",
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]
