"""What the integrity monitor looks for in content: spam terms, foreign links, hidden text.

The same checks run on live pages (``check_integrity``) and on a page as it is submitted
or reviewed, so an editor is warned before it goes further.
"""

import contextlib
import json
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import Site

HREF = re.compile(r"""(?:href|src)\s*=\s*["']?\s*(https?:)?//([^/"'\s>:]+)""", re.IGNORECASE)
BARE_URL = re.compile(r"https?://([^/\s\"'<>:]+)", re.IGNORECASE)
INTERNAL_LINK = re.compile(r'linktype="(page|document)"\s+id="(\d+)"')
HIDING_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])|opacity\s*:\s*0(?![.\d]*[1-9])"
    r"|(?:height|width)\s*:\s*0(?:px)?\s*(?:;|$)|(?:left|top|text-indent)\s*:\s*-\d{3,}",
    re.IGNORECASE,
)

# Fields that change with every publish or belong to the tree, not to the content.
VOLATILE_FIELDS = {
    "pk", "live", "has_unpublished_changes", "first_published_at", "last_published_at",
    "latest_revision", "latest_revision_created_at", "live_revision", "draft_title", "locked",
    "locked_at", "locked_by", "numchild", "path", "depth", "url_path", "owner",
    "wagtail_admin_comments", "expired", "go_live_at", "expire_at",
}  # fmt: skip


@dataclass(frozen=True)
class Problem:
    kind: str
    detail: str


def spam_terms():
    return [term.lower() for term in getattr(settings, "PORTAL_SPAM_TERMS", [])]


def allowed_domains():
    configured = {domain.lower() for domain in getattr(settings, "PORTAL_LINK_ALLOWLIST", [])}
    return configured | {hostname.lower() for hostname in Site.objects.values_list("hostname", flat=True)}


def domain_allowed(host, allowlist):
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in allowlist)


def content_strings(data):
    """Every string inside serialised page content (fields, StreamField JSON, child objects)."""
    if isinstance(data, str):
        stripped = data.strip()
        if stripped[:1] in "[{":
            try:
                yield from content_strings(json.loads(stripped))
                return
            except ValueError:
                pass
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from content_strings(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from content_strings(value)


def find_spam(text, terms):
    lowered = " ".join(text.lower().split())
    return sorted({term for term in terms if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", lowered)})


def find_foreign_domains(text, allowlist):
    hosts = {match[1] for match in HREF.findall(text)} | set(BARE_URL.findall(text))
    return sorted(host for host in hosts if not domain_allowed(host, allowlist))


def find_hidden(html):
    if "<" not in html:
        return []
    soup = BeautifulSoup(html, "html.parser")
    hidden = []
    for element in soup.find_all(True):
        style = element.get("style", "")
        if (
            element.has_attr("hidden")
            or HIDING_STYLE.search(style)
            or element.name in {"script", "iframe", "object"}
        ):
            text = element.get_text(" ", strip=True)[:80]
            hidden.append(f"<{element.name} {style or 'hidden'}> {text}".strip())
    return hidden


def scan_content(data, terms=None, allowlist=None):
    """Problems in serialised content (a page's ``serializable_data()`` or a revision's content)."""
    terms = spam_terms() if terms is None else terms
    allowlist = allowed_domains() if allowlist is None else allowlist
    problems = []
    relevant = {key: value for key, value in data.items() if key not in VOLATILE_FIELDS}
    for text in content_strings(relevant):
        for term in find_spam(text, terms):
            problems.append(Problem("spam_term", term))
        for host in find_foreign_domains(text, allowlist):
            problems.append(Problem("foreign_link", host))
        for hidden in find_hidden(text):
            problems.append(Problem("hidden_content", hidden))
    return sorted(set(problems), key=lambda problem: (problem.kind, problem.detail))


def as_stored_in_a_revision(data):
    """``data`` as Wagtail keeps it in ``Revision.content``: through the same JSON encoder.

    A revision's datetimes are ISO strings in UTC ("2026-12-05T02:00:00Z", milliseconds
    only); the live page's are ``datetime`` objects. Comparing them in different forms
    flagged every untouched agenda page as tampered, so both sides take the revision's form.
    """
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def comparable(value):
    """A field's value for comparison: JSON text (a StreamField's) as the data it holds.

    PostgreSQL keeps a StreamField in ``jsonb``, which reorders keys and drops spaces, so the
    live row's JSON text differs from the revision's even when the blocks are the same.
    """
    if isinstance(value, str) and value.strip()[:1] in ("[", "{"):
        with contextlib.suppress(ValueError):
            value = json.loads(value)
    return json.dumps(value, sort_keys=True)


def content_differences(live_data, approved_data):
    """The content fields whose live value is not the approved revision's value."""
    live_data, approved_data = as_stored_in_a_revision(live_data), as_stored_in_a_revision(approved_data)
    keys = (set(live_data) | set(approved_data)) - VOLATILE_FIELDS
    return sorted(key for key in keys if comparable(live_data.get(key)) != comparable(approved_data.get(key)))


def internal_links(data):
    """(kind, id) of every page and document link in rich text inside the content."""
    links = set()
    relevant = {key: value for key, value in data.items() if key not in VOLATILE_FIELDS}
    for text in content_strings(relevant):
        links |= {(kind, int(pk)) for kind, pk in INTERNAL_LINK.findall(text)}
    return links
