"""Upload checks for images and documents: the extension must match what the file really is.

Wagtail already refuses image extensions outside WAGTAILIMAGES_EXTENSIONS and files Pillow
cannot read. This adds what Wagtail does not check: documents whose bytes are not what their
extension says (an HTML or PHP file renamed .pdf), names hiding a dangerous extension
("laporan.php.pdf"), markup or script smuggled inside an otherwise valid file, and archives
(zip, and the office formats that are zips) that would expand to far more than they weigh.
"""

import io
import json
import re
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

# Extensions a web server, a browser or an OS might execute or render as active content.
DANGEROUS_EXTENSIONS = {
    "php", "php3", "php4", "php5", "php7", "phtml", "phar", "pht", "html", "htm", "xhtml",
    "shtml", "svg", "svgz", "xml", "js", "mjs", "jsp", "jspx", "asp", "aspx", "cgi", "pl",
    "py", "rb", "sh", "bash", "exe", "dll", "bat", "cmd", "com", "msi", "scr", "vbs", "ps1",
    "jar", "hta", "swf", "htaccess",
}  # fmt: skip

# Markup that has no business inside an image, a PDF or an office file, checked case-insensitively.
ACTIVE_CONTENT = re.compile(rb"<\?php|<\?=|<script|<html|<!doctype html|<svg|<iframe|javascript:", re.I)

# A PDF that runs script or launches programs when opened.
PDF_ACTIONS = re.compile(rb"/JavaScript|/JS\b|/Launch")

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"

ZIP_MEMBERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def extensions(name):
    """All dot-separated parts after the first, lower case: 'a.PHP.pdf' → ['php', 'pdf']."""
    return [part.lower() for part in name.split(".")[1:]]


def read_all(uploaded):
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    return data


def check_name(name, allowed):
    parts = extensions(name)
    if not parts:
        raise ValidationError(_("Nama berkas harus berakhiran jenis berkas, misalnya .pdf."))
    hidden = [part for part in parts if part in DANGEROUS_EXTENSIONS]
    if hidden:
        raise ValidationError(
            _("Nama berkas memuat ekstensi berbahaya (.%(ext)s). Ganti nama berkas lalu unggah lagi.")
            % {"ext": hidden[0]}
        )
    if parts[-1] not in allowed:
        raise ValidationError(
            _("Jenis berkas .%(ext)s tidak diizinkan. Yang diizinkan: %(allowed)s.")
            % {"ext": parts[-1], "allowed": ", ".join(sorted(allowed))}
        )
    return parts[-1]


def zip_has(data, member):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return member in archive.namelist()
    except zipfile.BadZipFile:
        return False


def zip_mimetype(data):
    """The ODF "mimetype" entry (a few dozen bytes; never read past 200, whatever it claims)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("mimetype") as entry:
            return entry.read(200).strip()
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError):
        return b""


def check_archive(data):
    """Refuse a zip whose entries would expand past PORTAL_ARCHIVE_MAX_EXPANDED_SIZE in all or
    number more than PORTAL_ARCHIVE_MAX_ENTRIES (a zip bomb), going by its central directory.

    Nothing is decompressed here. An archive whose directory understates its entries is not
    caught by this, but then any program that opens it stops at the first mismatched entry.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile:
        return  # not a zip: content_matches decides what it is
    max_entries = settings.PORTAL_ARCHIVE_MAX_ENTRIES
    if len(entries) > max_entries:
        raise ValidationError(
            _("Arsip memuat %(count)s berkas; batasnya %(limit)s. Berkas tidak dapat diunggah.")
            % {"count": len(entries), "limit": max_entries}
        )
    expanded, limit = sum(entry.file_size for entry in entries), settings.PORTAL_ARCHIVE_MAX_EXPANDED_SIZE
    if expanded > limit:
        raise ValidationError(
            _(
                "Arsip ini mengembang menjadi %(size)s bila dibuka (batasnya %(limit)s), ciri bom zip. "
                "Berkas tidak dapat diunggah."
            )
            % {"size": filesizeformat(expanded), "limit": filesizeformat(limit)}
        )


def looks_like_text(data):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        # Spreadsheets exported on Windows are often in cp1252; still text, no NUL bytes.
        return b"\x00" not in data
    return True


def content_matches(ext, data):
    """True when the bytes are really a file of this extension."""
    if ext == "pdf":
        return b"%PDF-" in data[:1024]
    if ext in ("doc", "xls"):
        return data.startswith(OLE2)
    if ext in ZIP_MEMBERS:
        return data.startswith(ZIP) and zip_has(data, ZIP_MEMBERS[ext])
    if ext in ODF_MIMETYPES:
        return data.startswith(ZIP) and zip_mimetype(data) == ODF_MIMETYPES[ext]
    if ext == "zip":
        return data.startswith(ZIP) or data.startswith(b"PK\x05\x06")
    if ext == "rtf":
        return data.startswith(b"{\\rtf")
    if ext in ("txt", "csv"):
        return looks_like_text(data)
    if ext == "json":
        try:
            json.loads(data.decode("utf-8-sig"))
        except ValueError:  # UnicodeDecodeError is a ValueError
            return False
        return True
    # An extension added to WAGTAILDOCS_EXTENSIONS without a rule here: refuse rather than guess.
    return False


def check_document(uploaded):
    """Raise ValidationError unless this upload is a harmless document of an allowed type."""
    ext = check_name(uploaded.name, set(settings.WAGTAILDOCS_EXTENSIONS))
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if limit and uploaded.size > limit:
        raise ValidationError(
            _("Berkas terlalu besar (%(size)s). Batasnya %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)}
        )
    data = read_all(uploaded)
    if data.startswith(ZIP):
        check_archive(data)
    if not content_matches(ext, data):
        raise ValidationError(
            _("Isi berkas bukan berkas .%(ext)s yang sah (mungkin berkas lain yang diganti namanya).")
            % {"ext": ext}
        )
    # Plain text and CSV are shown by browsers; PDF may carry script. Markup is refused in all.
    # Office formats are compressed, so markup inside them is not visible here and not a risk
    # when they are served as downloads.
    if ext in ("txt", "csv", "json", "rtf", "pdf") and ACTIVE_CONTENT.search(data):
        raise ValidationError(_("Berkas memuat kode HTML atau skrip dan tidak dapat diunggah."))
    if ext == "pdf" and PDF_ACTIONS.search(data):
        raise ValidationError(_("PDF memuat JavaScript atau perintah peluncuran dan tidak dapat diunggah."))


def check_image(uploaded):
    """Raise ValidationError for an image name hiding an extension or bytes carrying markup."""
    check_name(uploaded.name, set(settings.WAGTAILIMAGES_EXTENSIONS))
    if ACTIVE_CONTENT.search(read_all(uploaded)):
        raise ValidationError(_("Gambar memuat kode HTML atau skrip dan tidak dapat diunggah."))


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form (all upload screens) with check_document on the file."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is not None and hasattr(uploaded, "read") and "file" in self.changed_data:
            check_document(uploaded)
        return uploaded


class SafeImageForm(BaseImageForm):
    """Wagtail's image form (all upload screens) with check_image on the file, and alt text required.

    The alt text (Wagtail's ``description``) is what a screen reader says for the photo (WCAG 2.1
    1.1.1). Wagtail's multiple upload keeps a file whose form lacks it as a pending upload until
    the alt text is filled in, so no image exists without one.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Teks alternatif (alt)")
            field.help_text = _(
                "Wajib. Jelaskan isi foto untuk pembaca layar, misalnya 'Petugas menyuntikkan vaksin "
                "kepada balita di Puskesmas Sukaharja'."
            )
            field.error_messages["required"] = _(
                "Isi teks alternatif: jelaskan isi foto bagi pengunjung yang tidak dapat melihatnya."
            )

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is not None and hasattr(uploaded, "read") and "file" in self.changed_data:
            check_image(uploaded)
        return uploaded
