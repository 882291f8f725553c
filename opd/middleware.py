"""Admin guards that Wagtail's own permissions do not give a multi-OPD install.

All run on the resolved URL before the view runs:

- ``InstallWideAdminViewsMiddleware`` reserves views that summarise the whole install to the
  Web Developer (superuser), and refuses wagtail-localize's views addressed to a
  translation, a translation source or a snippet (the translation editor's string and
  override API, preview, PO files, "Sync translated pages", "Translate" of a snippet) when
  the object is another OPD's page or another OPD's site's snippet: wagtail-localize
  checks snippet rights per model only;
- ``OwnOPDPagesMiddleware`` refuses any admin URL whose path names a page outside the
  user's OPD. Several Wagtail views show a page's title before (or without) checking the
  user's rights on it; this closes all of them at once, including views added later.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from wagtail.models import Page

from .scoping import object_is_visible_to, page_is_visible_to

# Views whose content spans every OPD and which Wagtail offers to any editor.
# "Page types usage" lists the last edited page of each type, whatever its site; the
# translations report lists every translated page of every site; the workflow task chooser
# lists every OPD's SOP tasks (only the workflow editor, the Web Developer's, uses it).
# Wagtail's deliberate error page (/admin/failwhale/) is here too: any editor could otherwise
# fill the error mail of the whole install.
INSTALL_WIDE_VIEWS = {
    "wagtailadmin_error_test",
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
    "wagtail_localize:translations_report",
    "wagtail_localize:translations_report_results",
    "wagtailadmin_workflows:task_chooser",
    "wagtailadmin_workflows:task_chooser_results",
    "wagtailadmin_workflows:task_chooser_create",
    "wagtailadmin_workflows:task_chosen",
}
INSTALL_WIDE_MENU_ITEMS = {"page-types-usage", "translations"}

# Path parameters that name a page in Wagtail's and wagtail-localize's admin URLs.
PAGE_PARAMETERS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")
# Views that take pages by query parameter. The page chooser's "chosen multiple" step answers
# any page's title for ``?id=``, a list the chooser itself (scoped) normally builds.
PAGE_QUERY_PARAMETERS = {"wagtailadmin_choose_page_chosen_multiple": ("id",)}
# wagtail-localize views addressed to a snippet by app label, model name and primary key.
SNIPPET_VIEWS = {"wagtail_localize:submit_snippet_translation", "wagtail_localize:snippets_api_detail"}
# Its snippet listing API lists a model's snippets of every site.
SNIPPET_LISTING_VIEWS = {"wagtail_localize:snippets_api_listing"}


def _translated_object(translation_id):
    """The original (Indonesian) object of a wagtail-localize translation, or None."""
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(pk=translation_id).select_related("source").first()
    if translation is None:
        return None
    return _source_object(translation.source)


def _source_object(source):
    try:
        return source.get_source_instance()
    except ObjectDoesNotExist:
        return None


def _translation_source_object(source_id):
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(pk=source_id).first()
    return _source_object(source) if source else None


def _snippet(view_kwargs):
    try:
        model = apps.get_model(view_kwargs["app_label"], view_kwargs["model_name"])
    except LookupError:
        return None
    return model._default_manager.filter(pk=unquote(view_kwargs["pk"])).first()


def _site_scoped(view_kwargs):
    try:
        model = apps.get_model(view_kwargs["app_label"], view_kwargs["model_name"])
    except LookupError:
        return False
    return any(field.name == "site" for field in model._meta.get_fields())


class InstallWideAdminViewsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = request.user
        if not match or user.is_superuser or not request.path.startswith(f"/{settings.PORTAL_ADMIN_PATH}"):
            return None
        if match.view_name in INSTALL_WIDE_VIEWS:
            raise PermissionDenied
        if not user.is_authenticated:
            return None
        if match.view_name in SNIPPET_LISTING_VIEWS and _site_scoped(view_kwargs):
            raise PermissionDenied
        for instance in self._addressed_objects(match.view_name, view_kwargs):
            if instance is not None and not object_is_visible_to(instance, user):
                raise PermissionDenied
        return None

    @staticmethod
    def _addressed_objects(view_name, view_kwargs):
        if "translation_id" in view_kwargs:
            yield _translated_object(view_kwargs["translation_id"])
        if "translation_source_id" in view_kwargs:
            yield _translation_source_object(view_kwargs["translation_source_id"])
        if view_name in SNIPPET_VIEWS:
            yield _snippet(view_kwargs)


class OwnOPDPagesMiddleware:
    """Refuse admin URLs naming another OPD's page in their path (e.g. the move confirmation,
    the page chooser opened on another OPD's section, the workflow cancellation notice) or in
    the query of the views in ``PAGE_QUERY_PARAMETERS``."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = f"/{settings.PORTAL_ADMIN_PATH}"

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(self.admin_prefix) or not request.user.is_authenticated:
            return None
        if request.user.is_superuser:
            return None
        page_ids = [view_kwargs[name] for name in PAGE_PARAMETERS if name in view_kwargs]
        view_name = request.resolver_match.view_name if request.resolver_match else None
        for name in PAGE_QUERY_PARAMETERS.get(view_name, ()):
            page_ids += [value for value in request.GET.getlist(name) if value.isdigit()]
        if page_ids:
            for page in Page.objects.filter(pk__in=page_ids).only("path", "depth"):
                if not page_is_visible_to(page, request.user):
                    raise PermissionDenied
        return None
