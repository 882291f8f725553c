"""WordPress HTML into body blocks: sanitised, shortcodes and Gutenberg blocks understood."""

from django.test import SimpleTestCase

from news.wordpress.content import Converter


class NoMedia:
    def image(self, url=None, wp_id=None):
        return None

    def document(self, url):
        return None

    def link(self, url):
        return {"href": url}


def convert(html):
    return Converter(NoMedia()).convert(html)


class ConverterTests(SimpleTestCase):
    def test_scripts_event_handlers_styles_and_foreign_iframes_are_dropped(self):
        result = convert(
            '<p style="color:red" onclick="steal()">Halo <b>warga</b><script>alert(1)</script></p>'
            '<iframe src="https://iklan.example.com/x"></iframe>'
            '<iframe src="https://player.vimeo.com/video/123"></iframe>'
        )
        self.assertEqual(result.blocks[0], {"type": "paragraph", "value": "<p>Halo <b>warga</b></p>"})
        self.assertEqual(result.blocks[1]["type"], "video")
        self.assertEqual(result.dropped_iframes, 1)
        self.assertNotIn("alert", str(result.blocks))

    def test_classic_text_gets_paragraphs_and_line_breaks(self):
        result = convert("Baris satu\nbaris dua\n\nParagraf kedua dengan <em>miring</em>.")
        self.assertEqual(
            result.blocks[0]["value"],
            "<p>Baris satu<br/>\nbaris dua</p><p>Paragraf kedua dengan <i>miring</i>.</p>",
        )

    def test_unknown_shortcodes_and_blocks_are_kept_as_text_and_counted(self):
        result = convert('<!-- wp:acme/slider --><p>[slider id="3"] Teks</p><!-- /wp:acme/slider -->')
        self.assertEqual(result.unknown_shortcodes["slider"], 1)
        self.assertEqual(result.unknown_blocks["acme/slider"], 1)
        self.assertIn('[slider id="3"]', result.blocks[0]["value"])

    def test_embed_shortcode_and_missing_images_are_reported(self):
        result = convert(
            '[embed]https://youtu.be/abc[/embed]<img src="https://lama.example/wp-content/uploads/a.jpg">'
        )
        self.assertEqual(
            result.blocks[0], {"type": "video", "value": {"video": "https://youtu.be/abc", "caption": ""}}
        )
        self.assertEqual(result.missing_media, ["https://lama.example/wp-content/uploads/a.jpg"])

    def test_video_and_audio_shortcodes_and_blocks_become_videos_or_kept_links(self):
        result = convert(
            '[video src="https://www.youtube.com/watch?v=abc"][/video]'
            '<!-- wp:video --><figure class="wp-block-video"><video controls src="https://vimeo.com/123">'
            "</video><figcaption>Rapat</figcaption></figure><!-- /wp:video -->"
            '[audio mp3="https://lama.example/wp-content/uploads/siaran.mp3"][/audio]'
        )
        self.assertEqual(
            result.blocks[0],
            {"type": "video", "value": {"video": "https://www.youtube.com/watch?v=abc", "caption": ""}},
        )
        self.assertEqual(result.blocks[1]["type"], "video")
        self.assertEqual(result.blocks[1]["value"]["video"], "https://vimeo.com/123")
        # An audio file the portal does not host: a link to it, and a line in the report.
        self.assertIn('href="https://lama.example/wp-content/uploads/siaran.mp3"', result.blocks[2]["value"])
        self.assertEqual(result.missing_media, ["https://lama.example/wp-content/uploads/siaran.mp3"])
        self.assertFalse(result.unknown_shortcodes)
