"""Our buttons in wagtail-localize's translation editor, whose view passes no header buttons."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_header_buttons(context, page):
    from portal.translations.wagtail_hooks import translation_buttons

    request = context["request"]
    return sorted(translation_buttons(page, request.user, "edit", request.path))
