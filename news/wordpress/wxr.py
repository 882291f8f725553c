"""Reading a WordPress export (WXR 1.1 / 1.2): streamed, hardened, one ``<item>`` at a time.

The XML goes through defusedxml with DTDs forbidden, so no entity (billion laughs) and no
external reference (XXE) is ever expanded; a WordPress export never has a DTD. Items are
yielded as they close and dropped from the tree, so memory stays flat in the file's size.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse


class WXRError(Exception):
    """The file is not a WordPress export that can be read (one line for the operator)."""


CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


def short_name(tag):
    """'{http://wordpress.org/export/1.2/}post_id' → 'wp:post_id' (1.1 and 1.2 alike)."""
    if not tag.startswith("{"):
        return tag
    uri, _, local = tag[1:].partition("}")
    if uri.startswith("http://wordpress.org/export/"):
        return f"excerpt:{local}" if uri.rstrip("/").endswith("excerpt") else f"wp:{local}"
    if uri == CONTENT_NS:
        return f"content:{local}"
    if uri == DC_NS:
        return f"dc:{local}"
    return local


@dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""


@dataclass
class Term:
    slug: str
    name: str
    parent: str = ""


@dataclass
class Item:
    """One ``<item>``: a post, page, attachment (or anything else, which is skipped)."""

    wp_id: int
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date: datetime | None = None
    slug: str = ""
    parent: int = 0
    menu_order: int = 0
    attachment_url: str = ""
    categories: list = field(default_factory=list)  # [(slug, name)]
    tags: list = field(default_factory=list)  # [(slug, name)]
    meta: dict = field(default_factory=dict)
    comments: int = 0


@dataclass
class Channel:
    """What the export says before and beside its items."""

    title: str = ""
    link: str = ""
    base_site_url: str = ""
    version: str = ""
    authors: dict = field(default_factory=dict)  # login → Author
    categories: dict = field(default_factory=dict)  # slug → Term
    tags: dict = field(default_factory=dict)  # slug → Term


def text(element, name):
    for child in element:
        if short_name(child.tag) == name:
            return (child.text or "").strip() if name != "content:encoded" else (child.text or "")
    return ""


def as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def parse_date(item_element):
    """The item's publication time in UTC: ``post_date_gmt``, else ``pubDate``."""
    gmt = text(item_element, "wp:post_date_gmt")
    if gmt and not gmt.startswith("0000"):
        try:
            return datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        except ValueError:
            pass
    published = text(item_element, "pubDate")
    if published:
        try:
            return parsedate_to_datetime(published).astimezone(UTC)
        except (TypeError, ValueError):
            pass
    local = text(item_element, "wp:post_date")
    if local and not local.startswith("0000"):
        try:
            return datetime.strptime(local, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        except ValueError:
            pass
    return None


def read_item(element):
    item = Item(
        wp_id=as_int(text(element, "wp:post_id")),
        post_type=text(element, "wp:post_type"),
        status=text(element, "wp:status"),
        title=text(element, "title"),
        link=text(element, "link"),
        guid=text(element, "guid"),
        creator=text(element, "dc:creator"),
        content=text(element, "content:encoded"),
        excerpt=text(element, "excerpt:encoded"),
        date=parse_date(element),
        slug=text(element, "wp:post_name"),
        parent=as_int(text(element, "wp:post_parent")),
        menu_order=as_int(text(element, "wp:menu_order")),
        attachment_url=text(element, "wp:attachment_url"),
    )
    for child in element:
        name = short_name(child.tag)
        if name == "category":
            pair = (child.get("nicename") or "", (child.text or "").strip())
            if child.get("domain") == "category":
                item.categories.append(pair)
            elif child.get("domain") == "post_tag":
                item.tags.append(pair)
        elif name == "wp:postmeta":
            item.meta[text(child, "wp:meta_key")] = text(child, "wp:meta_value")
        elif name == "wp:comment":
            item.comments += 1
    return item


def read_channel_entry(channel, element):
    name = short_name(element.tag)
    if name == "wp:author":
        login = text(element, "wp:author_login")
        channel.authors[login] = Author(
            login, text(element, "wp:author_email"), text(element, "wp:author_display_name") or login
        )
    elif name == "wp:category":
        slug = text(element, "wp:category_nicename")
        channel.categories[slug] = Term(
            slug, text(element, "wp:cat_name") or slug, text(element, "wp:category_parent")
        )
    elif name == "wp:tag":
        slug = text(element, "wp:tag_slug")
        channel.tags[slug] = Term(slug, text(element, "wp:tag_name") or slug)
    elif name == "wp:wxr_version":
        channel.version = (element.text or "").strip()
    elif name == "wp:base_site_url":
        channel.base_site_url = (element.text or "").strip()
    elif name == "title" and not channel.title:
        channel.title = (element.text or "").strip()
    elif name == "link" and not channel.link:
        channel.link = (element.text or "").strip()


def stream(path, channel=None):
    """Yield each ``Item`` of the export at ``path``; fill ``channel`` on the way.

    Raise ``WXRError`` for a file that is not XML, is cut short, carries a DTD or entity,
    or is XML but not a WordPress export.
    """
    channel = channel if channel is not None else Channel()
    depth = 0
    root_seen = False
    channel_element = None
    try:
        for event, element in iterparse(str(path), events=("start", "end"), forbid_dtd=True):
            if event == "start":
                depth += 1
                if depth == 1:
                    root_seen = True
                    if element.tag != "rss":
                        root = short_name(element.tag)
                        raise WXRError(f"bukan ekspor WordPress (WXR): elemen akarnya <{root}>, bukan <rss>")
                elif depth == 2 and element.tag == "channel":
                    channel_element = element
                continue
            depth -= 1
            if channel_element is None or depth != 2:
                continue
            if element.tag == "item":
                if not channel.version:
                    raise WXRError(
                        "bukan ekspor WordPress (WXR): tidak ada wp:wxr_version sebelum item pertama"
                    )
                yield read_item(element)
                channel_element.remove(element)
            else:
                read_channel_entry(channel, element)
    except DefusedXmlException as error:
        raise WXRError(
            f"berkas ditolak: memuat DTD, entitas atau rujukan eksternal ({type(error).__name__})"
        ) from error
    except ParseError as error:
        raise WXRError(f"berkas bukan XML yang utuh ({error})") from error
    except OSError as error:
        raise WXRError(f"berkas tidak dapat dibaca ({error.strerror or error})") from error
    if not root_seen or channel_element is None or not channel.version:
        raise WXRError("bukan ekspor WordPress (WXR): tidak ada <channel> dengan wp:wxr_version")


def validate(path):
    """Read the whole export once without keeping its items: the channel and the item counts.

    Nothing is written before this pass has read the file to its end, so a truncated or
    hostile file changes nothing.
    """
    channel = Channel()
    counts = {}
    for item in stream(path, channel):
        counts[item.post_type] = counts.get(item.post_type, 0) + 1
    return channel, counts
