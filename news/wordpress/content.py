"""WordPress content (classic editor, Gutenberg blocks, shortcodes) into the body's StreamField.

The HTML is sanitised with nh3 (no script, event handler, inline style or foreign iframe) and
cut into the blocks of ``portal.core.blocks.BodyBlock``: paragraphs (rich text), headings,
images, galleries, videos (YouTube and Vimeo only), document downloads, quotes and tables.
Unknown shortcodes and blocks stay as text and are counted for the report.
"""

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag

KNOWN_BLOCKS = {
    "paragraph", "heading", "image", "gallery", "list", "list-item", "quote", "table", "embed",
    "file", "video", "separator", "audio", "more", "spacer", "group", "columns", "column",
}  # fmt: skip
KNOWN_SHORTCODES = {"caption", "wp_caption", "gallery", "embed", "video", "audio"}
BLOCK_COMMENT = re.compile(r"<!--\s+wp:([a-z0-9-]+(?:/[a-z0-9-]+)?)")
SHORTCODE = re.compile(r"\[(/?)([a-zA-Z][\w-]*)([^\]]*)\]")
ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
VIDEO_HOSTS = ("youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com")
SIZED = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "figure", "table", "hr", "div",
    "pre", "iframe", "video", "audio",
}  # fmt: skip

ALLOWED_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "a", "ul", "ol",
    "li", "blockquote", "cite", "figure", "figcaption", "img", "table", "thead", "tbody", "tfoot",
    "tr", "th", "td", "caption", "hr", "iframe", "video", "audio", "source", "div", "span", "pre",
    "code", "sub", "sup",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "class", "data-id"},
    "figure": {"class", "data-ids", "data-embed"},
    "div": {"class"},
    "iframe": {"src"},
    "video": {"src"},
    "audio": {"src"},
    "source": {"src"},
}


def is_video_url(url):
    host = (urlsplit(url).hostname or "").lower()
    return any(host == known or host.endswith("." + known) for known in VIDEO_HOSTS)


def original_upload_url(url):
    """'…/foto-300x200.jpg' (a size WordPress made) → '…/foto.jpg' (the uploaded file)."""
    return SIZED.sub("", url)


@dataclass
class Conversion:
    blocks: list = field(default_factory=list)
    unknown_blocks: Counter = field(default_factory=Counter)
    unknown_shortcodes: Counter = field(default_factory=Counter)
    missing_media: list = field(default_factory=list)
    dropped_iframes: int = 0

    def add(self, kind, value):
        self.blocks.append({"type": kind, "value": value})


def shortcode_attributes(raw):
    return {m[0].lower(): m[1] or m[2] or m[3] for m in ATTRIBUTE.findall(raw or "")}


def gallery_html(ids):
    return f'<figure class="wp-gallery" data-ids="{html.escape(ids)}"></figure>'


def expand_shortcodes(text, conversion):
    """Known shortcodes become HTML; unknown ones stay as text and are counted."""

    def caption(match):
        inner = match.group(1)
        image = re.search(r"<img[^>]*>", inner)
        words = re.sub(r"<a[^>]*>\s*<img[^>]*>\s*</a>|<img[^>]*>", "", inner).strip()
        if not image:
            return inner
        return f"<figure>{image.group(0)}<figcaption>{words}</figcaption></figure>"

    text = re.sub(
        r"\[(?:caption|wp_caption)[^\]]*\](.*?)\[/(caption|wp_caption)\]", caption, text, flags=re.S
    )
    text = re.sub(
        r"\[gallery([^\]]*)\]",
        lambda m: gallery_html(shortcode_attributes(m.group(1)).get("ids", "")),
        text,
    )
    text = re.sub(
        r"\[embed[^\]]*\](.*?)\[/embed\]",
        lambda m: f'<figure data-embed="{html.escape(m.group(1).strip())}"></figure>',
        text,
        flags=re.S,
    )

    def media(match):
        attributes = shortcode_attributes(match.group(2))
        source = next(
            (
                attributes[key]
                for key in ("src", "mp4", "webm", "ogv", "mp3", "m4a", "ogg", "wav")
                if attributes.get(key)
            ),
            "",
        )
        return f'<{match.group(1)} src="{html.escape(source)}"></{match.group(1)}>' if source else ""

    text = re.sub(r"\[(video|audio)([^\]]*)\](?:\s*\[/\1\])?", media, text)
    for match in SHORTCODE.finditer(text):
        if not match.group(1) and match.group(2).lower() not in KNOWN_SHORTCODES:
            conversion.unknown_shortcodes[match.group(2).lower()] += 1
    return text


def autop(text):
    """WordPress's automatic paragraphs, simplified: blank lines part paragraphs, a single line
    break is a <br>, block-level elements are left as they are."""
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    out = []
    for chunk in chunks:
        chunk = chunk.strip()
        if not chunk:
            continue
        first = re.match(r"<\s*([a-zA-Z0-9]+)", chunk)
        if first and first.group(1).lower() in BLOCK_TAGS:
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def sanitise(text):
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        clean_content_tags={"script", "style"},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
    )


class Converter:
    """Turns one item's HTML into blocks, resolving media and links through ``resolver``.

    ``resolver`` answers ``image(url=None, wp_id=None)``, ``document(url)`` and
    ``link(url)`` (rich-text attributes for an old address, or None).
    """

    def __init__(self, resolver):
        self.resolver = resolver

    def convert(self, raw):
        conversion = Conversion()
        for name in BLOCK_COMMENT.findall(raw or ""):
            short = name.removeprefix("core/").removeprefix("core-embed/")
            if (
                "/" in name
                and not name.startswith(("core/", "core-embed/"))
                or (short not in KNOWN_BLOCKS and not name.startswith("core-embed/"))
            ):
                conversion.unknown_blocks[name] += 1
        text = expand_shortcodes(raw or "", conversion)
        if "<!-- wp:" not in text:
            text = autop(text)
        soup = BeautifulSoup(sanitise(text), "html.parser")
        self.conversion = conversion
        self.pending = []
        # The page's title is its h1: the item's top heading level becomes h2, the rest follow.
        levels = [int(tag.name[1]) for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        self.shift = (min(levels) - 2) if levels else 0
        for node in list(soup.children):
            self.walk(node)
        self.flush()
        return conversion

    # Paragraph text waits here until a block that is not text comes.
    def flush(self):
        text = "".join(self.pending).strip()
        self.pending = []
        if re.sub(r"<[^>]+>|&nbsp;|\s", "", text):
            self.conversion.add("paragraph", text)

    def walk(self, node):
        if isinstance(node, NavigableString):
            if str(node).strip():
                self.pending.append(f"<p>{html.escape(str(node).strip())}</p>")
            return
        if not isinstance(node, Tag):
            return
        name = node.name
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.flush()
            level = f"h{min(max(int(name[1]) - self.shift, 2), 4)}"
            words = node.get_text(" ", strip=True)[:200]
            if words:
                self.conversion.add("heading", {"text": words, "level": level})
        elif name == "p":
            images = node.find_all("img")
            for image in images:
                (image.parent if image.parent.name == "a" and image.parent is not node else image).extract()
            iframe = node.find("iframe")
            if iframe:
                iframe.extract()
            self.pending.append(self.rich_text(node, "p"))
            for image in images:
                self.flush()
                self.image(image)
            if iframe:
                self.flush()
                self.iframe(iframe)
        elif name in ("ul", "ol"):
            self.pending.append(self.rich_text(node, name))
        elif name == "blockquote":
            self.flush()
            cite = node.find("cite")
            attribution = cite.extract().get_text(" ", strip=True) if cite else ""
            words = "\n".join(p.get_text(" ", strip=True) for p in node.find_all("p")) or node.get_text(
                " ", strip=True
            )
            if words:
                self.conversion.add("quote", {"quote": words, "attribution": attribution[:255]})
        elif name == "figure":
            self.figure(node)
        elif name == "table":
            self.flush()
            self.table(node)
        elif name == "img":
            self.flush()
            self.image(node)
        elif name == "iframe":
            self.flush()
            self.iframe(node)
        elif name in ("video", "audio"):
            self.flush()
            source = node.get("src") or (node.find("source") or {}).get("src", "")
            self.media_source(source.strip())
        elif name == "a" and node.get("href") and self.resolver.document(node["href"]):
            self.flush()
            self.media_file(node["href"], node.get_text(" ", strip=True))
        elif name in ("div", "span") and not self.only_inline(node):
            for child in list(node.children):
                self.walk(child)
        elif name == "hr":
            self.flush()
        elif name == "pre":
            self.pending.append(self.rich_text(node, "p"))
        else:
            # Inline content outside a paragraph (a bare link, bold text, a line of text).
            self.pending.append(self.rich_text(node, "p", wrap_self=True))

    @staticmethod
    def only_inline(node):
        return not any(
            isinstance(child, Tag) and child.name in BLOCK_TAGS | {"img", "table", "a"}
            for child in node.children
        )

    def figure(self, node):
        self.flush()
        classes = node.get("class") or []
        caption_node = node.find("figcaption")
        caption = caption_node.extract().get_text(" ", strip=True) if caption_node else ""
        if node.get("data-embed") is not None or "wp-block-embed" in classes:
            url = node.get("data-embed") or node.get_text(" ", strip=True)
            iframe = node.find("iframe")
            url = url or (iframe.get("src", "") if iframe else "")
            self.video(url.strip(), caption)
            return
        if node.get("data-ids") is not None:
            ids = [int(part) for part in re.findall(r"\d+", node["data-ids"])]
            self.gallery([self.resolver.image(wp_id=wp_id) for wp_id in ids], caption)
            return
        table = node.find("table")
        if table:
            self.table(table, caption)
            return
        images = node.find_all("img")
        if len(images) > 1 or "wp-block-gallery" in classes:
            self.gallery([self.find_image(image) for image in images], caption)
            return
        if images:
            self.image(images[0], caption)
            return
        for child in list(node.children):
            self.walk(child)
        self.flush()

    def find_image(self, img):
        wp_id = img.get("data-id") or next(
            (cls.removeprefix("wp-image-") for cls in img.get("class") or [] if cls.startswith("wp-image-")),
            None,
        )
        found = self.resolver.image(
            url=img.get("src", ""), wp_id=int(wp_id) if wp_id and wp_id.isdigit() else None
        )
        if found is None and img.get("src"):
            self.conversion.missing_media.append(img["src"])
        return found

    def image(self, img, caption=""):
        found = self.find_image(img)
        if found is not None:
            self.conversion.add(
                "image",
                {
                    "image": found.pk,
                    "caption": (caption or found.caption)[:255],
                    "credit": found.credit[:255],
                },
            )

    def gallery(self, images, caption=""):
        ids = [image.pk for image in images if image is not None]
        if len(ids) == 1:
            self.conversion.add("image", {"image": ids[0], "caption": caption[:255], "credit": ""})
        elif ids:
            self.conversion.add("gallery", {"title": caption[:200], "images": ids})

    def iframe(self, node):
        src = node.get("src", "")
        if is_video_url(src):
            self.video(src)
        else:
            self.conversion.dropped_iframes += 1

    def video(self, url, caption=""):
        if url.startswith("//"):
            url = "https:" + url
        if is_video_url(url):
            self.conversion.add("video", {"video": url, "caption": caption[:255]})
        elif url.startswith(("http://", "https://")):
            self.pending.append(f'<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>')
        elif url:
            self.conversion.dropped_iframes += 1

    def media_source(self, url):
        """A ``[video]``/``[audio]`` shortcode or a Gutenberg video/audio block: YouTube or Vimeo
        as a video block, a file imported as a document as its download; anything else (an
        .mp4 or .mp3 the portal does not host) is kept as a link and reported as missing media."""
        if url.startswith("//"):
            url = "https:" + url
        if is_video_url(url):
            self.video(url)
            return
        if url and self.resolver.document(url) is not None:
            self.media_file(url)
            return
        if url:
            self.conversion.missing_media.append(url)
        if url.startswith(("http://", "https://")):
            self.pending.append(f'<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>')

    def media_file(self, url, title=""):
        document = self.resolver.document(url) if url else None
        if document is not None:
            self.conversion.add("document", {"document": document.pk, "title": title[:255]})
        elif url:
            self.conversion.missing_media.append(url)

    def table(self, node, caption=""):
        rows = []
        header = bool(node.find("thead")) or bool(node.find("tr") and node.find("tr").find("th"))
        for row in node.find_all("tr"):
            rows.append([cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])])
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        caption = caption or (node.find("caption").get_text(" ", strip=True) if node.find("caption") else "")
        self.conversion.add(
            "table",
            {
                "data": rows,
                "first_row_is_table_header": header,
                "first_col_is_header": False,
                "table_caption": caption[:255],
            },
        )

    def rich_text(self, node, wrapper, wrap_self=False):
        """The node as Wagtail rich text: <b>, <i>, links (internal where the address is known), lists."""
        fragment = BeautifulSoup(str(node) if wrap_self else node.decode_contents(), "html.parser")
        for tag in fragment.find_all(True):
            if tag.name in ("strong", "b"):
                tag.name, tag.attrs = "b", {}
            elif tag.name in ("em", "i", "cite"):
                tag.name, tag.attrs = "i", {}
            elif tag.name == "a":
                tag.attrs = self.link_attributes(tag.get("href", ""))
                if not tag.attrs:
                    tag.unwrap()
            elif tag.name in ("li", "br", "ul", "ol") or tag.name in ("ul", "ol") and wrapper in ("ul", "ol"):
                tag.attrs = {}
            elif tag.name == "p":
                tag.unwrap()
            else:
                tag.unwrap()
        inner = str(fragment).strip()
        if wrapper in ("ul", "ol"):
            return f"<{wrapper}>{inner}</{wrapper}>"
        return f"<p>{inner}</p>" if inner else ""

    def link_attributes(self, href):
        if not href:
            return {}
        resolved = self.resolver.link(href)
        return resolved if resolved is not None else {"href": href}
