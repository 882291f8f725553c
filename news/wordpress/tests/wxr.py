# ruff: noqa: E501 (WordPress writes long lines; the export is kept as WordPress writes it)
"""A realistic small WordPress export, written by the tests themselves (no fixture file).

Classic and Gutenberg posts, nested pages, attachments with and without alt text, categories,
tags, shortcodes, Indonesian text in CDATA, a spam-injected post, a draft, a private post,
a trashed one, a menu item, and a copy of ``wp-content/uploads`` beside it.
"""

import io
from pathlib import Path

from PIL import Image

OLD_HOST = "dinkes-lama.example.go.id"
OLD = f"https://{OLD_HOST}"
UP = f"{OLD}/wp-content/uploads"


def jpeg(colour):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), colour).save(buffer, format="JPEG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def attachment(wp_id, title, url, alt="", caption="", date="2023-05-10 09:00:00"):
    meta = (
        f"<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[{alt}]]></wp:meta_value></wp:postmeta>"
        if alt
        else ""
    )  # noqa: E501
    return f"""
    <item>
      <title>{title}</title>
      <link>{OLD}/?attachment_id={wp_id}</link>
      <dc:creator><![CDATA[admin]]></dc:creator>
      <content:encoded><![CDATA[Tim Humas Dinkes]]></content:encoded>
      <excerpt:encoded><![CDATA[{caption}]]></excerpt:encoded>
      <wp:post_id>{wp_id}</wp:post_id>
      <wp:post_date_gmt>{date}</wp:post_date_gmt>
      <wp:post_name>{title.lower().replace(" ", "-")}</wp:post_name>
      <wp:status>inherit</wp:status>
      <wp:post_parent>0</wp:post_parent>
      <wp:post_type>attachment</wp:post_type>
      <wp:attachment_url>{url}</wp:attachment_url>
      {meta}
    </item>"""


def post(wp_id, title, slug, content, *, status="publish", post_type="post", date="2023-05-12 02:30:00",
         link=None, excerpt="", categories=(), tags=(), thumbnail=None, parent=0, menu_order=0, creator="admin",
         comments=""):  # fmt: skip
    terms = "".join(
        f'<category domain="category" nicename="{s}"><![CDATA[{n}]]></category>' for s, n in categories
    ) + "".join(f'<category domain="post_tag" nicename="{s}"><![CDATA[{n}]]></category>' for s, n in tags)
    meta = (
        f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{thumbnail}</wp:meta_value></wp:postmeta>"
        if thumbnail
        else ""
    )
    year, month, day = date[:4], date[5:7], date[8:10]
    link = link or (f"{OLD}/{year}/{month}/{day}/{slug}/" if post_type == "post" else f"{OLD}/{slug}/")
    return f"""
    <item>
      <title><![CDATA[{title}]]></title>
      <link>{link}</link>
      <pubDate>Fri, 12 May 2023 02:30:00 +0000</pubDate>
      <dc:creator><![CDATA[{creator}]]></dc:creator>
      <guid isPermaLink="false">{OLD}/?p={wp_id}</guid>
      <content:encoded><![CDATA[{content}]]></content:encoded>
      <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
      <wp:post_id>{wp_id}</wp:post_id>
      <wp:post_date><![CDATA[{date}]]></wp:post_date>
      <wp:post_date_gmt><![CDATA[{date}]]></wp:post_date_gmt>
      <wp:comment_status>open</wp:comment_status>
      <wp:post_name><![CDATA[{slug}]]></wp:post_name>
      <wp:status><![CDATA[{status}]]></wp:status>
      <wp:post_parent>{parent}</wp:post_parent>
      <wp:menu_order>{menu_order}</wp:menu_order>
      <wp:post_type><![CDATA[{post_type}]]></wp:post_type>
      {terms}{meta}{comments}
    </item>"""


CLASSIC = f"""Dinas Kesehatan Kabupaten Ketapang melaksanakan <strong>imunisasi campak</strong> serentak di 24 puskesmas.

[caption id="attachment_10" align="aligncenter" width="300"]<a href="{UP}/2023/05/posyandu.jpg"><img class="size-medium wp-image-10" src="{UP}/2023/05/posyandu-300x200.jpg" alt="" width="300" height="200" /></a> Petugas memberi imunisasi di Posyandu Mawar[/caption]

Jadwal lengkap dapat diunduh di <a href="{UP}/2023/05/jadwal-imunisasi.pdf">jadwal imunisasi (PDF)</a>.
Baca juga <a href="{OLD}/profil/">profil dinas</a>.

[contact-form-7 id="5" title="Kontak"]

<h3>Sasaran</h3>
Anak usia 9 bulan sampai 5 tahun."""

GUTENBERG = f"""<!-- wp:heading -->
<h2>Posyandu Balita Sehat</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Kegiatan posyandu di Kecamatan Delta Pawan berjalan <em>lancar</em>.</p>
<!-- /wp:paragraph -->

<!-- wp:image {{"id":11}} -->
<figure class="wp-block-image"><img src="{UP}/2023/05/timbang.jpg" alt="" class="wp-image-11"/><figcaption>Penimbangan balita</figcaption></figure>
<!-- /wp:image -->

<!-- wp:gallery -->
<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="{UP}/2023/05/posyandu.jpg" data-id="10" class="wp-image-10"/></figure><figure class="wp-block-image"><img src="{UP}/2023/05/timbang.jpg" data-id="11" class="wp-image-11"/></figure></figure>
<!-- /wp:gallery -->

<!-- wp:list -->
<ul><li>Penimbangan</li><li>Imunisasi</li></ul>
<!-- /wp:list -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>Kesehatan anak adalah investasi daerah.</p><cite>Kepala Dinas</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:table -->
<figure class="wp-block-table"><table><thead><tr><th>Desa</th><th>Balita</th></tr></thead><tbody><tr><td>Sukaharja</td><td>120</td></tr></tbody></table></figure>
<!-- /wp:table -->

<!-- wp:embed {{"url":"https://www.youtube.com/watch?v=abc123","providerNameSlug":"youtube"}} -->
<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=abc123
</div></figure>
<!-- /wp:embed -->

<!-- wp:file -->
<div class="wp-block-file"><a href="{UP}/2023/05/jadwal-imunisasi.pdf">Jadwal imunisasi</a></div>
<!-- /wp:file -->

<!-- wp:separator -->
<hr class="wp-block-separator"/>
<!-- /wp:separator -->

<!-- wp:jetpack/slideshow -->
<div class="wp-block-jetpack-slideshow">Tayangan</div>
<!-- /wp:jetpack/slideshow -->

<!-- wp:html -->
<iframe src="https://iklan.example.com/banner"></iframe>
<!-- /wp:html -->"""

SPAM = """<p>Pelayanan puskesmas buka setiap hari.</p>
<div style="display:none"><a href="https://slot.example.com">slot gacor</a> maxwin hari ini</div>"""

SPAM_COMMENT = """<wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_content><![CDATA[slot gacor]]></wp:comment_content><wp:comment_approved>spam</wp:comment_approved></wp:comment>"""  # noqa: E501


def export_xml(version="1.2", extra_items="", posts=None):
    items = posts if posts is not None else default_items()
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/{version}/">
<channel>
  <title>Dinas Kesehatan Kabupaten Ketapang</title>
  <link>{OLD}</link>
  <language>id-ID</language>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:base_site_url>{OLD}</wp:base_site_url>
  <wp:base_blog_url>{OLD}</wp:base_blog_url>
  <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[admin]]></wp:author_login><wp:author_email><![CDATA[humas@dinkes.example.go.id]]></wp:author_email><wp:author_display_name><![CDATA[Humas Dinkes]]></wp:author_display_name></wp:author>
  <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[siti]]></wp:author_login><wp:author_email><![CDATA[siti@contoh.example]]></wp:author_email><wp:author_display_name><![CDATA[Siti Aminah]]></wp:author_display_name></wp:author>
  <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[kesehatan]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Kesehatan Masyarakat]]></wp:cat_name></wp:category>
  <wp:tag><wp:term_id>4</wp:term_id><wp:tag_slug><![CDATA[imunisasi]]></wp:tag_slug><wp:tag_name><![CDATA[imunisasi]]></wp:tag_name></wp:tag>
  {items}{extra_items}
</channel>
</rss>
"""  # noqa: E501


def default_items():
    return "".join(
        [
            attachment(10, "Posyandu", f"{UP}/2023/05/posyandu.jpg", alt="Petugas memberi imunisasi", caption="Posyandu Mawar"),
            attachment(11, "Timbang", f"{UP}/2023/05/timbang.jpg"),
            attachment(12, "Jadwal imunisasi", f"{UP}/2023/05/jadwal-imunisasi.pdf"),
            attachment(13, "Foto luar", "https://cdn.lain.example/2023/05/luar.jpg"),
            post(
                100, "Imunisasi Campak Serentak di 24 Puskesmas", "imunisasi-campak", CLASSIC,
                categories=[("kesehatan", "Kesehatan Masyarakat")], tags=[("imunisasi", "imunisasi")],
                thumbnail=10, comments=SPAM_COMMENT,
            ),
            post(101, "Posyandu Balita Sehat di Delta Pawan", "posyandu-balita", GUTENBERG,
                 excerpt="Posyandu balita berjalan lancar.", date="2023-06-01 01:00:00", creator="siti"),
            post(102, "Jadwal Pelayanan Puskesmas", "jadwal-pelayanan", SPAM, date="2023-06-02 01:00:00"),
            post(103, "Rencana Kegiatan Juli", "rencana-juli", "<p>Draf rencana.</p>", status="draft"),
            post(104, "Catatan Internal", "catatan-internal", "<p>Rahasia.</p>", status="private"),
            post(105, "Berita Lama Dihapus", "berita-lama", "<p>Dihapus.</p>", status="trash"),
            post(200, "Profil", "profil", "<p>Profil Dinas Kesehatan.</p>", post_type="page"),
            post(201, "Visi dan Misi", "visi-dan-misi", "<p>Visi: Ketapang sehat.</p>", post_type="page",
                 parent=200, menu_order=2, link=f"{OLD}/profil/visi-dan-misi/"),
            post(202, "Struktur Organisasi", "struktur-organisasi", "<p>Bagan organisasi.</p>", post_type="page",
                 parent=200, menu_order=1, link=f"{OLD}/profil/struktur-organisasi/"),
            post(300, "Beranda", "beranda", "", post_type="nav_menu_item"),
        ]
    )  # fmt: skip


def write_export(folder, **kwargs):
    """The export and its uploads folder in ``folder``; returns (export path, uploads path)."""
    folder = Path(folder)
    uploads = folder / "uploads" / "2023" / "05"
    uploads.mkdir(parents=True, exist_ok=True)
    (uploads / "posyandu.jpg").write_bytes(jpeg("#2a7"))
    (uploads / "timbang.jpg").write_bytes(jpeg("#27a"))
    (uploads / "jadwal-imunisasi.pdf").write_bytes(PDF)
    export = folder / "dinkes.WordPress.2024-01-01.xml"
    export.write_text(export_xml(**kwargs), encoding="utf-8")
    return export, folder / "uploads"
