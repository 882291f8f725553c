"""Error pages: the admin's own (inside /admin/, with the way back to the dashboard) and the site's.

Django has one handler per status for the whole install; these send a request under the
admin path to an admin page in Wagtail's look, in the editor's admin language (Wagtail
answers an unknown admin URL itself with ``wagtailadmin/404.html``, which
``templates/wagtailadmin/404.html`` replaces with the same page), and every other request
to the site's branded page (``templates/403.html``, ``404.html``,
``500.html``), in the language of its URL (``/en/`` is English).
"""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

ADMIN_ERRORS = {
    403: (
        _("Akses ditolak"),
        _(
            "Anda tidak memiliki hak untuk membuka halaman ini. Halaman ini mungkin milik OPD lain "
            "atau memerlukan peran yang tidak Anda miliki. Hubungi Web Administrator OPD Anda bila "
            "Anda merasa seharusnya dapat membukanya."
        ),
    ),
    404: (
        _("Halaman admin tidak ditemukan"),
        _("Halaman yang Anda buka tidak ada, sudah dihapus, atau alamatnya salah ketik."),
    ),
    500: (
        _("Terjadi gangguan"),
        _(
            "Maaf, terjadi gangguan pada server dan perubahan terakhir mungkin belum tersimpan. "
            "Silakan coba beberapa saat lagi."
        ),
    ),
}


def is_admin_request(request):
    return request.path.startswith(f"/{settings.PORTAL_ADMIN_PATH}")


def admin_language(request):
    """The language the editor chose for the admin (Wagtail's account setting), else the default."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from wagtail.users.models import UserProfile

        return UserProfile.get_for_user(user).get_preferred_language()
    return settings.LANGUAGE_CODE


def previous_page(request):
    """The page the editor came from, if it is on this host and is not the refused page itself."""
    referer = request.headers.get("referer", "")
    if not referer or referer == request.build_absolute_uri():
        return ""
    allowed = url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure())
    return referer if allowed else ""


def can_use_admin(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def admin_error_context(request, status):
    """What the admin's error page says, and its links back to the dashboard and the previous page."""
    title, message = ADMIN_ERRORS[status]
    return {
        "status": status,
        "title": title,
        "message": message,
        "dashboard_url": reverse("wagtailadmin_home"),
        "back_url": previous_page(request),
    }


def admin_error(request, status):
    """The admin's error page, in the editor's admin language."""
    with translation.override(admin_language(request)):
        context = admin_error_context(request, status)
        # The sidebar needs the database and an admin user; a 500 or a visitor gets the bare frame.
        with_sidebar = status != 500 and can_use_admin(request)
        template = "errors/admin_error.html" if with_sidebar else "errors/admin_error_plain.html"
        return HttpResponse(render_to_string(template, context, request=request), status=status)


@requires_csrf_token
def permission_denied(request, exception=None):
    if is_admin_request(request):
        return admin_error(request, 403)
    return defaults.permission_denied(request, exception, template_name="403.html")


@requires_csrf_token
def page_not_found(request, exception=None):
    if is_admin_request(request):
        return admin_error(request, 404)
    return defaults.page_not_found(request, exception)


def admin_server_error(request):
    """The admin's 500 page, or None when even that cannot be drawn."""
    try:
        return admin_error(request, 500)
    except Exception:  # noqa: BLE001 - whatever broke the view may break its error page as well
        logger.exception("Halaman galat 500 admin tidak dapat dibuat")
        return None


def admin_permission_denied(request):
    """Wagtail's answer to a PermissionDenied in an admin view, made the admin's 403 page.

    Wagtail turns it into a redirect to the dashboard with a one-line message, so the editor
    lands somewhere they did not ask for without knowing what was refused; the 403 page says
    so and offers the way back. Background requests (XMLHttpRequest) still get the bare 403.
    """
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    return admin_error(request, 403)


def install():
    """Route Wagtail's admin-wide PermissionDenied handling (``require_admin_access``) to our 403 page."""
    from wagtail.admin import auth

    auth.permission_denied = admin_permission_denied
