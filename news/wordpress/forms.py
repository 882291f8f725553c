from django import forms
from django.utils.translation import gettext_lazy as _

from opd.models import OPD


class ImportForm(forms.Form):
    """The export (and optionally a zip of its uploads) and, for the Web Developer, the OPD."""

    opd = forms.ModelChoiceField(label=_("OPD tujuan"), queryset=OPD.objects.none())
    export = forms.FileField(
        label=_("Berkas ekspor WordPress (.xml)"),
        help_text=_("Dari WordPress: Alat → Ekspor → Semua konten → Unduh berkas ekspor."),
    )
    uploads = forms.FileField(
        label=_("Zip folder wp-content/uploads (opsional)"),
        required=False,
        help_text=_("Tanpa zip ini, gambar dan dokumen dicatat di laporan sebagai media yang hilang."),
    )

    def __init__(self, *args, opds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds
        self.only_opd = opds.first() if opds.count() == 1 else None
        if self.only_opd is not None:
            # A Web Administrator of one OPD imports into it; nothing to choose, nothing to forge.
            del self.fields["opd"]

    def chosen_opd(self):
        return self.only_opd or self.cleaned_data["opd"]

    def clean_export(self):
        export = self.cleaned_data["export"]
        head = export.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
        export.seek(0)
        if not export.name.lower().endswith(".xml") or not head.startswith((b"<?xml", b"<rss")):
            raise forms.ValidationError(_("Pilih berkas ekspor WordPress (.xml) dari Alat → Ekspor."))
        return export

    def clean_uploads(self):
        uploads = self.cleaned_data.get("uploads")
        if uploads:
            head = uploads.read(4)
            uploads.seek(0)
            if not uploads.name.lower().endswith(".zip") or head[:2] != b"PK":
                raise forms.ValidationError(_("Pilih berkas .zip berisi folder uploads."))
        return uploads
