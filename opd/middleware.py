"""Admin guards that Wagtail's own permissions do not give a multi-OPD install.

- Views that summarise the whole install are reserved to the Web Developer.
- Any admin view addressed to a page (``page_id`` / ``parent_page_id`` in its URL) is
  refused when the page lies in another OPD's tree. Wagtail checks what a user may *do*
  with a page; some views (exploring, wagtail-localize's "Translate page", choosers) only
  check that the page exists, which would let one OPD read or add to another's tree.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from wagtail.models import Page

from .scoping import page_is_visible_to

# Views whose content spans every OPD and which Wagtail offers to any editor.
# "Page types usage" lists the last edited page of each type, whatever its site.
INSTALL_WIDE_VIEWS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
}
INSTALL_WIDE_MENU_ITEMS = {"page-types-usage"}
PAGE_KWARGS = ("page_id", "parent_page_id")


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
        if user.is_authenticated:
            for kwarg in PAGE_KWARGS:
                if kwarg in view_kwargs:
                    page = Page.objects.filter(pk=view_kwargs[kwarg]).only("path", "depth").first()
                    if page is not None and not page_is_visible_to(page, user):
                        raise PermissionDenied
        return None
