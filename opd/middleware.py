"""Reserve admin views that summarise the whole install to the Web Developer."""

from django.core.exceptions import PermissionDenied

# Views whose content spans every OPD and which Wagtail offers to any editor.
# "Page types usage" lists the last edited page of each type, whatever its site.
INSTALL_WIDE_VIEWS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
}
INSTALL_WIDE_MENU_ITEMS = {"page-types-usage"}


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
