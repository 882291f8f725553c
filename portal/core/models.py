"""The shared base of every public page type. It knows no feature."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import Page, Site


class BasePage(Page):
    """Every public page: a search-engine description and a social-share image.

    Page types refine what search engines and social networks see by overriding
    ``get_meta_description``, ``get_meta_image`` and ``get_structured_data``; the base
    template (``templates/includes/meta.html``) reads only these.
    """

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

    #: Relations loaded with the page when it is routed to (e.g. the image every view shows).
    route_select_related = ()

    #: OpenGraph type of the page ("website", or "article" for news).
    og_type = "website"

    class Meta:
        abstract = True

    def get_meta_description(self):
        """The description for search engines and link previews."""
        return self.search_description or getattr(self, "intro", "") or ""

    def get_meta_image(self):
        """The image shown when the page is shared (the social image unless a type knows better)."""
        return self.social_image

    def get_url_parts(self, request=None):
        """Wagtail's (site id, root URL, path), the root URL with the request's scheme and port,
        so that links to another site keep the way the visitor came (core/public_urls.py)."""
        parts = super().get_url_parts(request)
        if parts is None or request is None:
            return parts
        from .public_urls import root_url_for_request

        site_id, root_url, page_path = parts
        return site_id, root_url_for_request(root_url, request), page_path

    def get_feed_date(self):
        """When the page appeared, for feeds (a type with its own date overrides this)."""
        return self.first_published_at or self.latest_revision_created_at

    def route(self, request, path_components):
        """Wagtail's routing, in one query per level instead of two for a list page whose
        children are all of one type (news, announcements, agenda, documents, galleries)."""
        child_types = type(self).allowed_subpage_models() if path_components else []
        if len(child_types) == 1 and not child_types[0]._meta.abstract:
            model = child_types[0]
            children = model.objects.child_of(self).select_related(*model.route_select_related)
            subpage = children.filter(slug=path_components[0]).first()
            if subpage is None:
                raise Http404
            subpage._cached_parent_obj = self
            return subpage.route(request, path_components[1:])
        return super().route(request, path_components)

    @property
    def language_code(self):
        """The page's language ("id", "en") without a query when the request knows its locale."""
        from .performance import language_code_of

        return language_code_of(self)

    def site_for(self, request=None):
        """The page's Site: the request's own (no query) when the page is in it."""
        site = Site.find_for_request(request) if request is not None else None
        if site is not None and any(
            root.site_id == site.pk and self.url_path.startswith(root.root_path)
            for root in self._get_site_root_paths(request)  # kept on the request by Wagtail
        ):
            return site
        return self.get_site()

    def get_structured_data(self, request):
        """A schema.org object (a dict) describing the page as JSON-LD, or None."""
        return None
