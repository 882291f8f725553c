"""The page explorer with the explored page read once (docs/performance.md, "Admin").

Wagtail's explorer (``ExplorableIndexView``) reads the page being explored three times before
rendering (its type for the view router, the page, then its specific form) and then once
more for each of its locale, latest revision, live revision and the revision's author, which
the header and the status side panel show: seven queries. Here the type is kept per worker
(a page never changes type) and the page is read once, in its specific form, with those
relations joined.

An OPD member's "Situs" filter is dropped when they belong to one site only: its single choice
filters nothing, and its choice list was one more query.
"""

from django import forms
from django.conf import settings
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import LocaleFilter
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.listing import ExplorableIndexView, GenericPageFilterSet
from wagtail.admin.viewsets.pages import PageViewSet, page_viewset_registry
from wagtail.coreutils import get_content_languages
from wagtail.models import Page

from portal.core.performance import kept_per_worker

# Wagtail's own labels, translated by Wagtail's catalogue: under another name so that our
# makemessages does not copy them into ours.
wagtail_text = gettext_lazy

_content_types = kept_per_worker()
_original_content_type_id = page_viewset_registry.get_content_type_id_by_page_id


def content_type_id_of(page_id):
    """The content type of a page, kept per worker: the admin's view router asks on every page
    view, and a page keeps its type for life."""
    kept = _content_types.current()
    if len(kept) > 10_000:  # bounded: an OPD explores a few thousand pages
        _content_types.clear()
        kept = _content_types.current()
    return kept.kept(str(page_id), lambda: _original_content_type_id(page_id))


class SingleSiteFilterSet(GenericPageFilterSet):
    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None and not request.user.is_superuser and _sites_of(request.user) <= 1:
            self.filters.pop("site", None)

    def _add_locale_filter(self):
        """Wagtail's locale filter, its locales read from the worker's kept list, not the database."""
        from portal.core.performance import all_locales

        languages = get_content_languages()
        codes = {locale.language_code for locale in all_locales()}
        choices = [(code, name) for code, name in languages.items() if code in codes]
        if len(choices) > 1 and "locale" not in self.filters:
            self.filters["locale"] = LocaleFilter(
                label=wagtail_text("Locale"),
                choices=choices,
                empty_label=None,
                null_label=wagtail_text("All"),
                null_value=None,
                widget=forms.RadioSelect,
            )


def _sites_of(user):
    from .scoping import memberships

    return len({opd_id for opd_id, _role, _is_portal in memberships(user)})


class OPDExplorableIndexView(ExplorableIndexView):
    base_filterset_class = SingleSiteFilterSet

    def get(self, request, parent_page_id=None):
        if not parent_page_id:
            return super().get(request, parent_page_id)
        model = page_viewset_registry.get_page_model_by_content_type_id(content_type_id_of(parent_page_id))
        pages = model._default_manager.select_related(
            "locale", "latest_revision__user", "live_revision__user"
        ).prefetch_workflow_states()
        self.parent_page = get_object_or_404(pages, id=parent_page_id)
        # From here on as Wagtail's ExplorableIndexView.get, with the page already specific.
        root_page = self.permission_policy.explorable_root_instance(request.user)
        if not (self.parent_page.pk == root_page.pk or self.parent_page.is_descendant_of(root_page)):
            return redirect(self.index_url_name, root_page.pk)
        self.scheduled_page = self.parent_page.get_scheduled_revision_as_object()
        self.permissions = self.parent_page.permissions_for_user(self.request.user)
        if self.i18n_enabled and not self.parent_page.is_root():
            self.locale = self.parent_page.locale
            self.translations = self.get_translations()
        else:
            self.locale = None
            self.translations = []
        return super(ExplorableIndexView, self).get(request)

    def annotate_queryset(self, pages):
        """Wagtail's, with each row's type and locale joined into the rows' own query instead of
        two more queries."""
        pages = pages.prefetch_related("sites_rooted_here").defer_streamfields().specific()
        pages = pages.select_related("content_type", "locale", for_specific_subqueries=True)
        if getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            pages = pages.prefetch_workflow_states()
        if self.i18n_enabled:
            pages = pages.annotate_has_untranslated_locale()
        return pages.annotate_site_root_state().annotate_approved_schedule()


class CreateViewWithoutAutosave(CreateView):
    """Wagtail's page creation, without autosave until the writer saves the page once.

    Wagtail 8 autosaves the create form as soon as it is valid with its required fields
    deferred, which the title alone makes it: the slug field follows the title, so the first
    keystrokes create a draft page that holds the slug. A writer who abandoned that form and
    tries again with the same title met "Slug sudah dipakai" from a draft they never saved.
    Here a page exists only once the writer saves or submits it; its editor autosaves as usual.
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        return context


class EditViewWithQuietAutosave(EditView):
    """Wagtail's page editor, whose autosave of a half-filled form answers 200, not 400.

    Autosaving a form with validation errors is expected while someone types (Wagtail's
    autosave script reads the JSON's ``success`` and ``error_code`` and pauses with its message,
    whatever the status), but a 400 is logged in the browser's console on every attempt.
    """

    def json_error_response(self, error_code, error_message):
        response = super().json_error_response(error_code, error_message)
        if error_code == "validation_error":
            response.status_code = 200
        return response


class OPDPageViewSet(PageViewSet):
    """Wagtail's default page views, with the explorer above (registered for every page type),
    creation without autosave and the editor's quiet autosave."""

    model = Page
    index_view_class = OPDExplorableIndexView
    add_view_class = CreateViewWithoutAutosave
    edit_view_class = EditViewWithQuietAutosave
    filterset_class = SingleSiteFilterSet


def install():
    page_viewset_registry.get_content_type_id_by_page_id = content_type_id_of
