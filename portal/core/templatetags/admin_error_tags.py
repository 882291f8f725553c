"""The admin's error page inside Wagtail's own 404 template (templates/wagtailadmin/404.html)."""

from django import template

from portal.core.errors import ADMIN_ERRORS, admin_error_context

register = template.Library()


@register.inclusion_tag("errors/admin_error_body.html", takes_context=True)
def admin_error_body(context, status):
    return admin_error_context(context["request"], status)


@register.simple_tag
def admin_error_title(status):
    return ADMIN_ERRORS[status][0]
