"""Content-Security-Policy: django-csp's middleware plus hashes of our own inline styles."""

import base64
import hashlib

from csp.middleware import CSPMiddleware


def style_hash(css):
    """The CSP source expression ('sha256-...') that allows exactly this inline <style> text."""
    digest = hashlib.sha256(css.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def allow_inline_style(request, css):
    """Record that this response carries this inline style; the middleware adds its hash."""
    hashes = getattr(request, "_portal_csp_style_hashes", None)
    if hashes is None:
        hashes = request._portal_csp_style_hashes = []
    source = style_hash(css)
    if source not in hashes:
        hashes.append(source)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware; style-src also lists the hashes of styles rendered by {% csp_style %}.

    A hash rather than a nonce: the page is cached by Varnish and served to many visitors, and
    a hash stays right for every copy where a nonce would be repeated.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        hashes = getattr(request, "_portal_csp_style_hashes", None)
        if hashes:
            # django-csp appends "update" sources to the configured ones.
            update = dict(parts.update or {})
            update["style-src"] = [*update.get("style-src", []), *hashes]
            parts.update = update
        return parts
