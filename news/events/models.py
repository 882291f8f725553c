"""Agenda: events with a start, an end, a place and an organiser; upcoming and past lists; .ics."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from news.listing import ListingIndexPage
from portal.core.blocks import BodyBlock
from portal.core.models import BasePage

from .ical import calendar_response

PER_PAGE = 12


class EventQuerySet(PageQuerySet):
    def for_listing(self):
        return (
            self.live()
            .public()
            .select_related("featured_image")
            .prefetch_related("featured_image__renditions")
        )

    def upcoming(self, now=None):
        """Events not yet over (still running or to come), soonest first."""
        now = now or timezone.now()
        return (
            self.for_listing()
            .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
            .order_by("start", "pk")
        )

    def past(self, now=None):
        """Events that are over, most recent first."""
        now = now or timezone.now()
        return (
            self.for_listing()
            .filter(Q(end__lt=now) | Q(end__isnull=True, start__lt=now))
            .order_by("-start", "-pk")
        )


EventManager = PageManager.from_queryset(EventQuerySet)


class EventPage(RoutablePageMixin, BasePage):
    """An agenda item: when, where, who organises it, and an .ics to put it in a calendar."""

    start = models.DateTimeField(_("mulai"))
    end = models.DateTimeField(_("selesai"), null=True, blank=True)
    place = models.CharField(_("tempat"), max_length=255, help_text=_("Nama tempat dan alamatnya."))
    organiser = models.CharField(
        _("penyelenggara"),
        max_length=255,
        blank=True,
        help_text=_("Kosongkan bila penyelenggaranya OPD pemilik situs ini."),
    )
    summary = models.TextField(_("ringkasan"), help_text=_("Satu-dua kalimat tentang kegiatan ini."))
    featured_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("gambar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("keterangan lengkap"), blank=True)

    objects = EventManager()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("place"),
                FieldPanel("organiser"),
            ],
            heading=_("Waktu dan tempat"),
        ),
        FieldPanel("summary"),
        FieldPanel("featured_image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("place"),
        index.SearchField("body"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Waktu selesai tidak boleh sebelum waktu mulai.")})

    @property
    def organiser_name(self):
        if self.organiser:
            return self.organiser
        site = self.get_site()
        return site.site_name if site else ""

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_meta_image(self):
        return self.social_image or self.featured_image

    def get_feed_date(self):
        return self.first_published_at or self.start

    def get_structured_data(self, request):
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "startDate": timezone.localtime(self.start).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": self.place, "address": self.place},
            "organizer": {"@type": "Organization", "name": self.organiser_name},
            "url": self.get_full_url(request),
            "inLanguage": self.language_code,
        }
        if self.end:
            data["endDate"] = timezone.localtime(self.end).isoformat()
        if self.featured_image:
            rendition = self.featured_image.get_rendition("fill-1200x675|format-jpeg")
            data["image"] = [request.build_absolute_uri(rendition.url) if request else rendition.full_url]
        return data

    @path("ical/", name="ical")
    def ical(self, request):
        return calendar_response([self], request, self.slug, organiser=self.organiser_name)


class EventIndexPage(ListingIndexPage):
    """A site's agenda: upcoming events (soonest first), past events, feeds and the site's .ics."""

    subpage_types = ["events.EventPage"]
    per_page = PER_PAGE
    items_name = "events"

    class Meta:
        verbose_name = _("daftar agenda")

    def listing_items(self, request, past=False, **kwargs):
        events = EventPage.objects.child_of(self)
        return events.past() if past else events.upcoming()

    def feed_items(self, request):
        return EventPage.objects.for_listing().child_of(self).order_by("-first_published_at")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base = self.get_url(request)
        context.update(
            show_past=kwargs.get("past", False),
            upcoming_url=base,
            past_url=base + self.reverse_subpage("past"),
            ical_url=base + self.reverse_subpage("site_ical"),
        )
        return context

    @path("lalu/", name="past")
    def past_events(self, request):
        return self.render(request, context_overrides={}, past=True)

    @path("ical/", name="site_ical")
    def site_ical(self, request):
        # Every event of the site (in this language), not only this list's.
        events = EventPage.objects.live().public().descendant_of(self.get_parent()).order_by("start")
        site_name = self.site_for(request).site_name
        return calendar_response(events, request, f"Agenda {site_name}", organiser=site_name)
