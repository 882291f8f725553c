"""{% csp_style %}: an inline <style> the Content-Security-Policy allows by its hash."""

from django import template
from django.utils.html import format_html

from portal.security.csp import allow_inline_style

register = template.Library()


@register.tag
def csp_style(parser, token):
    """Render ``{% csp_style %}css{% endcsp_style %}`` as <style> and allow it by hash."""
    nodelist = parser.parse(("endcsp_style",))
    parser.delete_first_token()
    return CSPStyleNode(nodelist)


class CSPStyleNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        css = self.nodelist.render(context)
        request = context.get("request")
        if request is not None:
            allow_inline_style(request, css)
        return format_html("<style>{}</style>", css)
