"""Admin views Wagtail opens to every editor that would show another OPD's content.

Two guards, both on the resolved URL before the view runs:

- ``InstallWideAdminViewsMiddleware`` reserves views that summarise the whole install to the
  Web Developer (superuser);
- ``OwnOPDPagesMiddleware`` refuses any admin URL whose path names a page outside the
  user's OPD. Several Wagtail views show a page's title before (or without) checking the
  user's rights on it; this closes all of them at once, including views added later.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from wagtail.models import Page

from .scoping import page_is_visible_to

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


class InstallWideAdminViewsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match and match.view_name in INSTALL_WIDE_VIEWS and not request.user.is_superuser:
            raise PermissionDenied
        return None


class OwnOPDPagesMiddleware:
    """Refuse admin URLs naming another OPD's page (e.g. the move confirmation, the page
    chooser opened on another OPD's section, the workflow cancellation notice)."""

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
        if page_ids:
            for page in Page.objects.filter(pk__in=page_ids).only("path", "depth"):
                if not page_is_visible_to(page, request.user):
                    raise PermissionDenied
        return None
