"""What a person sees (or hears from a screen reader) on an admin page, and which English labels are in it.

Text inside ``<script>`` and ``<style>`` is code, not words on the screen, except the labels in
the JSON from which the admin's scripts draw the sidebar menu and wagtail-localize's editor.
Attribute values are code too, except those read out or shown: ``aria-label``, ``title``,
``alt``, ``placeholder``, Wagtail's tooltips, and the value of a button-like ``<input>``.
Hidden elements and ``<template>`` content still count: they show as soon as a menu opens.
"""

import json
import re
from html.parser import HTMLParser

# Common Wagtail admin verbs and labels the SOP roles meet. Each must appear in Indonesian
# (GLOSARIUM.md). Words that Indonesian shares with English (Status, Filter, Admin, Editor, Tag,
# Format, Email, URL, Slug, Alias) are deliberately absent.
ENGLISH_LABELS = (
    "Save draft",
    "Save",
    "Publish",
    "Unpublish",
    "Submit",
    "Resubmit",
    "Approve",
    "Request changes",
    "Changes requested",
    "Needs changes",
    "Awaiting your review",
    "Preview",
    "History",
    "Comments",
    "Dashboard",
    "Pages",
    "Page",
    "Images",
    "Image",
    "Documents",
    "Document",
    "Reports",
    "Settings",
    "Help",
    "Log out",
    "Sign in",
    "Upload",
    "Choose",
    "Delete",
    "Edit",
    "Add child page",
    "Add",
    "Locked",
    "Unlock",
    "Lock",
    "Scheduled",
    "Draft",
    "Live",
    "In moderation",
    "Search",
    "Cancel",
    "Workflow",
    "Task",
    "Title",
    "Actions",
    "More",
    "Close",
    "Copy",
    "Move",
    "Sort",
    "Translate",
    "Collection",
    "Account",
    "Password",
    "Profile",
    "Next",
    "Previous",
    "Select",
    "Apply",
    "Clear",
    "Explore",
    "Revisions",
    "Compare",
    "Owner",
    "Type",
    "Updated",
    "Created",
    "Private",
    "Public",
    "now",
    "ago",
)
_LABEL_PATTERN = re.compile(
    r"(?<![\w.@/-])(" + "|".join(re.escape(label) for label in ENGLISH_LABELS) + r")(?![\w@/-])",
    re.IGNORECASE,
)
_SPOKEN_ATTRIBUTES = {
    "aria-label",
    "title",
    "alt",
    "placeholder",
    "aria-description",
    "data-w-tooltip-content-value",
}
_BUTTON_INPUTS = {"submit", "button", "reset"}
_CODE_ELEMENTS = {"script", "style"}
# JSON from which the admin's scripts draw what is on screen: the sidebar (a data island) and
# wagtail-localize's translation editor (a ``data-props`` attribute).
_LABELLED_JSON = {"wagtail-sidebar-props"}
_LABELLED_JSON_ATTRIBUTE = "data-props"
_JSON_LABEL_KEYS = {"label", "footer_text", "field", "fieldHelpText", "subField"}


def _json_labels(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key in _JSON_LABEL_KEYS and isinstance(item, str):
                yield item
            else:
                yield from _json_labels(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_labels(item)


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._code_depth = 0
        self._json = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in _CODE_ELEMENTS:
            self._code_depth += 1
            if attributes.get("id") in _LABELLED_JSON:
                self._json = []
            return
        if attributes.get(_LABELLED_JSON_ATTRIBUTE):
            self.parts.extend(_json_labels(json.loads(attributes[_LABELLED_JSON_ATTRIBUTE])))
        for name in _SPOKEN_ATTRIBUTES & attributes.keys():
            self.parts.append(attributes[name] or "")
        if tag == "input" and (attributes.get("type") or "").lower() in _BUTTON_INPUTS:
            self.parts.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in _CODE_ELEMENTS and self._code_depth:
            self._code_depth -= 1
            if self._json is not None:
                self.parts.extend(_json_labels(json.loads("".join(self._json))))
                self._json = None

    def handle_data(self, data):
        if self._json is not None:
            self._json.append(data)
        elif not self._code_depth:
            self.parts.append(data)


def visible_text(html):
    """The words of an HTML page or fragment a person sees or hears, one run of text per line."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return "\n".join(" ".join(part.split()) for part in parser.parts if part.strip())


def english_labels(text):
    """Each English admin label in ``text``, with the line around it, e.g. ``'Save draft' in '…'``."""
    found = []
    for line in text.splitlines():
        found.extend(f"{match.group(0)!r} in {line[:120]!r}" for match in _LABEL_PATTERN.finditer(line))
    return found
