"""Drive wagtail-localize's translation screens over HTTP, as the browser's editor does."""

import json
from urllib.parse import urlencode

from bs4 import BeautifulSoup


def start_translation(client, page, locale_id):
    """ "Terjemahkan halaman ini": wagtail-localize's submit form, one target language."""
    return client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale_id]})


def editor_props(client, url):
    """The JSON wagtail-localize's React editor is drawn from (its segments and their API URLs)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    soup = BeautifulSoup(response.content, "html.parser")
    editor = soup.select_one(".js-translation-editor")
    assert editor is not None, f"{url} is not wagtail-localize's translation editor"
    return json.loads(editor["data-props"])


def string_segments(props):
    """{source text: edit URL} of the editor's string segments."""
    return {
        segment["source"]: segment["editUrl"] for segment in props["segments"] if segment["type"] == "string"
    }


def put_string(client, edit_url, value):
    """What the editor sends when a translator leaves a field: a PUT to the string's API."""
    return client.put(edit_url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")


def translate_strings(client, edit_page_url, translations):
    """Translate the editor's strings: ``translations`` maps a source text to its English."""
    segments = string_segments(editor_props(client, edit_page_url))
    missing = set(translations) - set(segments)
    assert not missing, f"not in the editor: {missing}; it offers {list(segments)}"
    for source, value in translations.items():
        response = put_string(client, segments[source], value)
        assert response.status_code in (200, 201), (source, response.status_code, response.content[:500])
