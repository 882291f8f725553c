"""Admin menu items shown by OPD membership or role, written once for every app's menus.

Each asks only what the admin menu already loaded for the request (opd/scoping.py keeps the
user's memberships on the user object), so showing a menu costs no query per item.
"""

from wagtail.admin.menu import MenuItem

from .scoping import administers_any, belongs_to_any, memberships, reads_reports


def holds_role(user, *roles):
    """Whether the user holds one of ``roles`` in any OPD."""
    return any(role in roles for _opd, role, _is_portal in memberships(user))


class WebAdministratorMenuItem(MenuItem):
    """Shown to a Web Administrator of any OPD (and the Web Developer)."""

    def is_shown(self, request):
        return administers_any(request.user)


class OPDMemberMenuItem(MenuItem):
    """Shown to anyone who belongs to an OPD (and the Web Developer)."""

    def is_shown(self, request):
        return belongs_to_any(request.user)


class ReportReaderMenuItem(MenuItem):
    """Shown to whoever reads some OPD's reports (opd.scoping.reads_reports)."""

    def is_shown(self, request):
        return reads_reports(request.user)


class RoleMenuItem(MenuItem):
    """Shown to the Web Developer and to holders of one of ``roles`` in any OPD."""

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = tuple(roles)

    def is_shown(self, request):
        return request.user.is_superuser or holds_role(request.user, *self.roles)
