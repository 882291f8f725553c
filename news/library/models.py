"""Dokumen / regulasi: a site's library of official documents (Perda, Perbup, SK, laporan, ...).

Each entry is a page (so it passes through the SOP) carrying one Wagtail document from the
OPD's collection, its type, number, year and legal status; the library lists them with
filters by type and year.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from news.listing import ListingIndexPage
from portal.core.models import BasePage

PER_PAGE = 20


class DocumentType(models.TextChoices):
    PERDA = "perda", _("Peraturan Daerah (Perda)")
    PERBUP = "perbup", _("Peraturan Bupati (Perbup)")
    SK = "sk", _("Keputusan Bupati / Surat Keputusan (SK)")
    SURAT_EDARAN = "se", _("Surat Edaran")
    INSTRUKSI = "instruksi", _("Instruksi Bupati")
    RENSTRA = "renstra", _("Rencana Strategis / Rencana Kerja")
    LAPORAN = "laporan", _("Laporan (LKjIP, LPPD, keuangan, ...)")
    SOP = "sop", _("Standar Operasional Prosedur / Standar Pelayanan")
    MONOGRAFI = "monografi", _("Monografi hukum")
    ARTIKEL = "artikel", _("Artikel hukum")
    LAINNYA = "lainnya", _("Dokumen lainnya")


class DocumentStatus(models.TextChoices):
    BERLAKU = "berlaku", _("Berlaku")
    DIUBAH = "diubah", _("Berlaku dengan perubahan")
    DICABUT = "dicabut", _("Dicabut / tidak berlaku")


class DocumentPageQuerySet(PageQuerySet):
    def for_listing(self):
        return self.live().public().select_related("document").order_by("-year", "doc_type", "-pk")


DocumentPageManager = PageManager.from_queryset(DocumentPageQuerySet)


class DocumentPage(BasePage):
    """One official document in the library: the file plus its type, number, year and status."""

    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("berkas dokumen"),
        # Required in the editor; a document deleted from the collection leaves the entry without a file.
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Unggah berkasnya dulu ke koleksi OPD (menu Dokumen), lalu pilih di sini."),
    )
    doc_type = models.CharField(_("jenis dokumen"), max_length=20, choices=DocumentType.choices)
    number = models.CharField(
        _("nomor"), max_length=100, blank=True, help_text=_("Nomor resmi, misalnya '12 Tahun 2024'.")
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    enacted_on = models.DateField(_("tanggal penetapan"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.BERLAKU
    )
    summary = RichTextField(
        _("ringkasan / abstrak"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    objects = DocumentPageManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("document"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("doc_type"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("number"), FieldPanel("year"), FieldPanel("enacted_on")]),
            ],
            heading=_("Identitas dokumen"),
        ),
        FieldPanel("summary"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("number"),
        index.SearchField("summary"),
        index.FilterField("doc_type"),
        index.FilterField("year"),
    ]

    parent_page_types = ["library.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")

    @property
    def full_title(self):
        """E.g. "Peraturan Daerah (Perda) Nomor 3 Tahun 2024 tentang ..."."""
        number = _("Nomor %(number)s") % {"number": self.number} if self.number else ""
        return " ".join(part for part in (self.get_doc_type_display(), number, self.title) if part)

    def get_meta_description(self):
        return self.search_description or f"{self.get_doc_type_display()} {self.number} ({self.year})".strip()


class DocumentFilterForm(forms.Form):
    """The library's filters: a document type and a year; an unknown value is a field error."""

    jenis = forms.ChoiceField(label=_("Jenis"), required=False)
    tahun = forms.TypedChoiceField(label=_("Tahun"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, years):
        super().__init__(data)
        self.fields["jenis"].choices = [("", _("Semua jenis")), *DocumentType.choices]
        self.fields["tahun"].choices = [("", _("Semua tahun")), *((year, year) for year in years)]


class DocumentIndexPage(ListingIndexPage):
    """The library: a site's documents, filterable by type and year."""

    count_follows_content = True

    subpage_types = ["library.DocumentPage"]
    per_page = PER_PAGE
    items_name = "documents"

    class Meta:
        verbose_name = _("pustaka dokumen")
        verbose_name_plural = _("pustaka dokumen")

    def listing_items(self, request, **kwargs):
        return DocumentPage.objects.for_listing().child_of(self)

    def feed_items(self, request):
        return (
            DocumentPage.objects.live()
            .public()
            .child_of(self)
            .select_related("document")
            .order_by("-first_published_at")
        )

    def filter_listing(self, request, documents, context):
        years = (
            DocumentPage.objects.live()
            .public()
            .child_of(self)
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        form = DocumentFilterForm(request.GET or None, years=list(years))
        if form.is_valid():
            if form.cleaned_data["jenis"]:
                documents = documents.filter(doc_type=form.cleaned_data["jenis"])
            if form.cleaned_data["tahun"]:
                documents = documents.filter(year=form.cleaned_data["tahun"])
        context["filter_form"] = form
        return documents
