"""The helper that decides what counts as English on screen sees what a person sees, and only that."""

from django.test import SimpleTestCase

from tests.visible_text import english_labels, visible_text


class VisibleTextTests(SimpleTestCase):
    def test_spoken_attributes_and_buttons_count_code_does_not(self):
        html = (
            '<nav aria-label="Actions" class="save-draft" data-action="w-action#publish">'
            '<input type="submit" value="Search"><input type="hidden" value="Delete">'
            "<script>gettext('Publish')</script><style>.Draft{}</style>"
            '<script id="wagtail-sidebar-props" type="application/json">'
            '{"modules": [{"label": "Log out", "url": "/admin/logout/"}]}</script>'
            '<div data-props="{&quot;tabs&quot;: [{&quot;label&quot;: &quot;Settings&quot;}]}"></div>'
            "<p>Halaman</p></nav>"
        )
        text = visible_text(html)
        self.assertEqual(text.splitlines(), ["Actions", "Search", "Log out", "Settings", "Halaman"])

    def test_labels_are_found_as_words_not_inside_names(self):
        text = "Simpan draf\neditor.dinkes Editor\nhttps://x.localhost/admin/pages/\nSave draft\nlive"
        self.assertEqual(english_labels(text), ["'Save draft' in 'Save draft'", "'live' in 'live'"])
