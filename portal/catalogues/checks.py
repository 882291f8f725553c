"""Checks a translation must pass before it is compiled: what ``msgfmt --check-format`` does, and more.

A translation that drops or renames a placeholder makes Wagtail raise ``KeyError`` at the moment
it formats the string, on a screen nobody tested; one that loses an HTML tag breaks a link.
"""

import re
from collections import Counter

PERCENT_PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[#0 +-]*\d*(?:\.\d+)?[sdifrxXeEgGcou%]")
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{[^{}]*\}(?!\})")
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def _percent_placeholders(text):
    return Counter(match for match in PERCENT_PLACEHOLDER.findall(text) if match != "%%")


def _signature(text, entry):
    """The parts of ``text`` that must survive translation unchanged."""
    signature = Counter()
    if {"python-format", "javascript-format", "c-format"} & set(entry.flags) or "%(" in entry.msgid:
        signature.update(f"placeholder {p}" for p in _percent_placeholders(text).elements())
    signature.update(f"placeholder {p}" for p in BRACE_PLACEHOLDER.findall(text))
    signature.update(f"tag {t}" for t in HTML_TAG.findall(text))
    return signature


def translations_of(entry):
    """Each non-empty translation of an entry, with the source text it must match."""
    if entry.msgid_plural:
        # Indonesian has one form (nplurals=1): it stands for the plural, whose placeholders
        # (the count) it must keep.
        return [(entry.msgid_plural, text) for _index, text in sorted(entry.msgstr_plural.items()) if text]
    return [(entry.msgid, entry.msgstr)] if entry.msgstr else []


def entry_problems(entry):
    """What is wrong with an entry's translation, as short sentences; empty if nothing."""
    problems = []
    for source, translation in translations_of(entry):
        expected, found = _signature(source, entry), _signature(translation, entry)
        if expected != found:
            missing = sorted((expected - found).elements())
            extra = sorted((found - expected).elements())
            details = "; ".join(
                part
                for part in (f"missing {missing}" if missing else "", f"extra {extra}" if extra else "")
                if part
            )
            problems.append(f"{entry.msgid!r}: {details}")
    return problems


def is_empty(entry):
    if entry.msgid_plural:
        return not entry.msgstr_plural or not all(entry.msgstr_plural.values())
    return not entry.msgstr


def catalogue_problems(catalogue):
    """Problems of every live entry of a polib catalogue."""
    return [problem for entry in catalogue if not entry.obsolete for problem in entry_problems(entry)]
