"""The root page of every site and the general-purpose profile page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from portal.core.blocks import BodyBlock
from portal.core.models import BasePage

from .blocks import HomeBodyBlock


class HomePage(BasePage):
    """The home page of the regency portal or of one OPD's subsite (the site's root).

    Built from blocks: featured news, latest news, announcements, agenda, quick links.
    """

    intro = models.TextField(_("pengantar"), blank=True)
    body = StreamField(HomeBodyBlock(), verbose_name=_("isi"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "news.NewsIndexPage",
        "news.OPDNewsIndexPage",
        "announcements.AnnouncementIndexPage",
        "events.EventIndexPage",
        "library.DocumentIndexPage",
        # A JDIH site's legal-products library (made by provisioning with --kind jdih).
        "jdih.LegalProductIndexPage",
        "gallery.GalleryIndexPage",
        "opendata.DatasetIndexPage",
        "ppid.PPIDPage",
        "ppid.StandarPelayananPage",
    ]

    class Meta:
        verbose_name = _("beranda")


class StandardPage(BasePage):
    """A profile page (visi-misi, struktur organisasi, tugas dan fungsi) and similar.

    Profile pages nest; each shows a sub-navigation of its section (the top-most profile
    page above it and that page's children).
    """

    intro = models.TextField(_("pengantar"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("halaman profil")

    def get_section(self):
        """The top-most profile page above this one (itself when it is the top)."""
        return (
            StandardPage.objects.ancestor_of(self, inclusive=True)
            .filter(depth__gt=2)
            .order_by("depth")
            .first()
            or self
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        section = self.get_section()
        # The section's children, and the children of the branch the visitor is in.
        items = list(section.get_children().live().public())
        branch = next((item for item in items if self.path.startswith(item.path)), None)
        context["subnav"] = {
            "section": section,
            "items": items,
            "branch": branch,
            "branch_items": list(branch.get_children().live().public()) if branch else [],
        }
        return context
