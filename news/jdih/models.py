"""Produk hukum: the Bagian Hukum's legal products, each a ``DocumentPage`` of the library with
the metadata the JDIHN network harvests, the relations between products (mengubah, mencabut,
melaksanakan) and a download count; and the JDIH index with its filters and statistics.

A legal product is a library document (multi-table inheritance): the type, number, year, date
of enactment, status, abstract and PDF are the library's own fields, so a product also counts
as a document wherever the library's are listed. What only JDIH needs lives here.
"""

import io
import logging

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from news.library.models import DocumentIndexPage, DocumentPage, DocumentStatus, DocumentType
from portal.core.models import BasePage

logger = logging.getLogger(__name__)

PER_PAGE = 20
FIRST_YEAR = 1945

#: The library's document types that are legal products, with the JDIHN name and abbreviation.
LEGAL_TYPES = {
    DocumentType.PERDA: ("Peraturan Daerah", "PERDA"),
    DocumentType.PERBUP: ("Peraturan Bupati", "PERBUP"),
    DocumentType.SK: ("Keputusan Bupati", "KEPBUP"),
    DocumentType.INSTRUKSI: ("Instruksi Bupati", "INBUP"),
    DocumentType.SURAT_EDARAN: ("Surat Edaran", "SE"),
    DocumentType.MONOGRAFI: ("Monografi Hukum", "MONOGRAFI"),
    DocumentType.ARTIKEL: ("Artikel Hukum", "ARTIKEL"),
}
LEGAL_TYPE_CHOICES = [(value, label) for value, label in DocumentType.choices if value in LEGAL_TYPES]

#: How strongly a status binds: a product is never shown weaker than its relations make it.
STATUS_STRENGTH = {DocumentStatus.BERLAKU: 0, DocumentStatus.DIUBAH: 1, DocumentStatus.DICABUT: 2}


class LegalField(models.TextChoices):
    """Bidang hukum, the subject classification JDIHN members use."""

    TATA_NEGARA = "tata_negara", _("Hukum Tata Negara")
    ADMINISTRASI = "administrasi", _("Hukum Administrasi Negara")
    KEUANGAN = "keuangan", _("Hukum Keuangan Daerah")
    PAJAK = "pajak", _("Hukum Pajak dan Retribusi Daerah")
    KEPEGAWAIAN = "kepegawaian", _("Hukum Kepegawaian")
    LINGKUNGAN = "lingkungan", _("Hukum Lingkungan")
    AGRARIA = "agraria", _("Hukum Agraria dan Tata Ruang")
    KESEHATAN = "kesehatan", _("Hukum Kesehatan")
    PENDIDIKAN = "pendidikan", _("Hukum Pendidikan dan Kebudayaan")
    EKONOMI = "ekonomi", _("Hukum Ekonomi dan Investasi")
    SOSIAL = "sosial", _("Hukum Sosial dan Kemasyarakatan")
    LAINNYA = "lainnya", _("Lainnya")


class RelationKind(models.TextChoices):
    MENGUBAH = "mengubah", _("mengubah")
    MENCABUT = "mencabut", _("mencabut")
    MELAKSANAKAN = "melaksanakan", _("melaksanakan")


#: How a relation reads from the other end (the product it points at).
REVERSE_LABELS = {
    RelationKind.MENGUBAH: _("diubah oleh"),
    RelationKind.MENCABUT: _("dicabut oleh"),
    RelationKind.MELAKSANAKAN: _("dilaksanakan oleh"),
}


def is_pdf(document):
    """Whether a Wagtail document is a PDF: by its extension and by its first bytes."""
    if document is None or (document.file_extension or "").lower() != "pdf":
        return False
    try:
        with document.open_file() as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


def extract_pdf(document):
    """(text, number of pages) of a PDF, or ("", None) when it cannot be read."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        with document.open_file() as handle:
            reader = PdfReader(io.BytesIO(handle.read()))
            text = "\n".join((page.extract_text() or "") for page in reader.pages)
            return " ".join(text.split()), len(reader.pages)
    except (OSError, ValueError, PyPdfError) as error:
        logger.warning("Teks PDF dokumen %s tidak terbaca: %s", document.pk, error)
        return "", None


class LegalProductForm(WagtailAdminPageForm):
    """The editor's form: only the legal-product types are offered."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "doc_type" in self.fields:
            self.fields["doc_type"].choices = [("", "---------"), *LEGAL_TYPE_CHOICES]


class LegalProductPage(RoutablePageMixin, DocumentPage):
    """One legal product (Perda, Perbup, Keputusan Bupati, ...) as JDIHN describes it."""

    # Written on the live row when a later product that revokes or amends this one is
    # published (no revision of this page): the integrity monitor must not call it tampering.
    integrity_derived_fields = ("status",)

    promulgated_on = models.DateField(_("tanggal pengundangan"), null=True, blank=True)
    place = models.CharField(_("tempat penetapan"), max_length=100, default="Ketapang")
    gazette = models.CharField(
        _("sumber (Lembaran/Berita Daerah)"),
        max_length=200,
        blank=True,
        help_text=_("Misalnya 'Lembaran Daerah Kabupaten Ketapang Tahun 2024 Nomor 3'."),
    )
    initiator = models.CharField(
        _("pemrakarsa"), max_length=200, blank=True, help_text=_("OPD yang memprakarsai produk hukum ini.")
    )
    publisher = models.CharField(_("penerbit"), max_length=200, default="Pemerintah Kabupaten Ketapang")
    teu = models.CharField(
        _("T.E.U. badan"),
        max_length=200,
        default="Kabupaten Ketapang",
        help_text=_("Tajuk entri utama badan, misalnya 'Kabupaten Ketapang'."),
    )
    subjects = models.CharField(
        _("subjek"), max_length=300, blank=True, help_text=_("Kata kunci subjek, dipisahkan koma.")
    )
    legal_field = models.CharField(_("bidang hukum"), max_length=20, choices=LegalField.choices, blank=True)
    language = models.CharField(_("bahasa"), max_length=50, default="Indonesia")
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True, help_text=_("Khusus monografi."))
    # Filled from the PDF when the page is saved: searched by the index's full-text filter.
    extracted_text = models.TextField(blank=True, editable=False)
    extracted_from = models.PositiveIntegerField(null=True, editable=False)
    page_count = models.PositiveIntegerField(null=True, editable=False)

    base_form_class = LegalProductForm

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("document", help_text=_("Berkas PDF produk hukum dari koleksi OPD.")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("doc_type"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("number"), FieldPanel("year")]),
                FieldRowPanel([FieldPanel("place"), FieldPanel("enacted_on"), FieldPanel("promulgated_on")]),
                FieldPanel("gazette"),
            ],
            heading=_("Identitas produk hukum"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("initiator"), FieldPanel("publisher")]),
                FieldRowPanel([FieldPanel("teu"), FieldPanel("language")]),
                FieldRowPanel([FieldPanel("legal_field"), FieldPanel("subjects")]),
                FieldPanel("isbn"),
            ],
            heading=_("Katalog JDIHN"),
        ),
        FieldPanel("summary"),
        InlinePanel("relations", heading=_("Hubungan dengan produk hukum lain"), label=_("hubungan")),
    ]
    search_fields = [
        *DocumentPage.search_fields,
        index.SearchField("subjects"),
        index.SearchField("extracted_text"),
    ]

    parent_page_types = ["jdih.LegalProductIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("produk hukum")
        verbose_name_plural = _("produk hukum")

    @property
    def jdihn_type(self):
        """(name, abbreviation) of the type as JDIHN lists it."""
        return LEGAL_TYPES.get(self.doc_type, (self.get_doc_type_display(), self.doc_type.upper()))

    @property
    def full_title(self):
        """The citation: "Peraturan Daerah Kabupaten Ketapang Nomor 3 Tahun 2024 tentang ..."."""
        name = f"{self.jdihn_type[0]} {self.teu}".strip()
        if self.doc_type in (DocumentType.MONOGRAFI, DocumentType.ARTIKEL):
            return f"{self.title} ({self.year})"
        number = f" Nomor {self.number}" if self.number else ""
        return f"{name}{number} Tahun {self.year} tentang {self.title}"

    @property
    def abstract_text(self):
        return " ".join(strip_tags(self.summary or "").split())

    @property
    def subject_list(self):
        return [subject.strip() for subject in self.subjects.split(",") if subject.strip()]

    def get_meta_description(self):
        return self.search_description or self.abstract_text[:300] or self.full_title

    def clean(self):
        super().clean()
        errors = {}
        if self.doc_type and self.doc_type not in LEGAL_TYPES:
            errors["doc_type"] = _("Pilih jenis produk hukum.")
        if self.document_id is None:
            errors["document"] = _("Pilih berkas PDF produk hukum ini.")
        elif not is_pdf(self.document):
            errors["document"] = _("Berkas produk hukum harus PDF (berkas yang dipilih bukan PDF).")
        this_year = timezone.localdate().year
        if self.year is not None and not FIRST_YEAR <= self.year <= this_year + 1:
            errors["year"] = _("Tahun harus antara %(first)s dan %(last)s.") % {
                "first": FIRST_YEAR,
                "last": this_year + 1,
            }
        if self.enacted_on and self.promulgated_on and self.promulgated_on < self.enacted_on:
            errors["promulgated_on"] = _("Tanggal pengundangan tidak boleh sebelum tanggal penetapan.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        from .relations import status_with_relations

        if self.pk:
            self.status = status_with_relations(self, self.status)
        if self.document_id and self.document_id != self.extracted_from:
            self.extracted_text, self.page_count = extract_pdf(self.document)
            self.extracted_from = self.document_id
        return super().save(*args, **kwargs)

    # The relation chain, both ways, between live products only.
    def outgoing_relations(self):
        return [
            relation
            for relation in self.relations.select_related("target")
            if relation.target.live and relation.target_id != self.pk
        ]

    def incoming_relations(self):
        relations = (
            LegalProductRelation.objects.filter(target=self, product__live=True)
            .exclude(product=self)
            .select_related("product")
            .order_by("product__year", "product__pk")
        )
        for relation in relations:
            relation.reverse_label = REVERSE_LABELS[relation.kind]
        return relations

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["downloads"] = getattr(DownloadCount.objects.filter(page_id=self.pk).first(), "count", 0)
        return context

    @path("unduh/", name="download")
    def download(self, request):
        """Count the download and send the visitor on to the PDF (never cached, so each counts)."""
        if self.document is None:
            raise Http404
        if not DownloadCount.objects.filter(page_id=self.pk).update(count=models.F("count") + 1):
            DownloadCount.objects.get_or_create(page_id=self.pk, defaults={"count": 1})
        response = redirect(self.document.url)
        add_never_cache_headers(response)
        return response


class LegalProductRelation(Orderable):
    """This product mengubah / mencabut / melaksanakan another (shown both ways)."""

    product = ParentalKey(LegalProductPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("hubungan"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        LegalProductPage,
        verbose_name=_("produk hukum"),
        on_delete=models.CASCADE,
        related_name="incoming",
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("target")])]

    class Meta(Orderable.Meta):
        verbose_name = _("hubungan produk hukum")
        verbose_name_plural = _("hubungan produk hukum")


class DownloadCount(models.Model):
    """How often a product's PDF was downloaded from its page (kept outside the page's revisions)."""

    page = models.OneToOneField(LegalProductPage, on_delete=models.CASCADE, primary_key=True)
    count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.page_id}: {self.count}"


class LegalProductFilterForm(forms.Form):
    """The index's filters; an unknown value is a field error."""

    q = forms.CharField(label=_("Cari (judul, nomor, isi PDF)"), required=False, max_length=200)
    jenis = forms.ChoiceField(label=_("Jenis"), required=False)
    tahun = forms.TypedChoiceField(label=_("Tahun"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)
    bidang = forms.ChoiceField(label=_("Bidang hukum"), required=False)
    subjek = forms.CharField(label=_("Subjek"), required=False, max_length=100)

    def __init__(self, data, *, years):
        super().__init__(data)
        self.fields["jenis"].choices = [("", _("Semua jenis")), *LEGAL_TYPE_CHOICES]
        self.fields["tahun"].choices = [("", _("Semua tahun")), *((year, year) for year in years)]
        self.fields["status"].choices = [("", _("Semua status")), *DocumentStatus.choices]
        self.fields["bidang"].choices = [("", _("Semua bidang")), *LegalField.choices]

    def apply(self, products):
        data = self.cleaned_data
        if data["jenis"]:
            products = products.filter(doc_type=data["jenis"])
        if data["tahun"]:
            products = products.filter(year=data["tahun"])
        if data["status"]:
            products = products.filter(status=data["status"])
        if data["bidang"]:
            products = products.filter(legal_field=data["bidang"])
        if data["subjek"].strip():
            products = products.filter(subjects__icontains=data["subjek"].strip())
        for word in data["q"].split()[:10]:
            products = products.filter(
                Q(title__icontains=word)
                | Q(number__iexact=word)
                | Q(subjects__icontains=word)
                | Q(extracted_text__icontains=word)
            )
        return products


class LegalProductIndexPage(DocumentIndexPage):
    """The JDIH library: a site's legal products with filters, full-text search and statistics."""

    subpage_types = ["jdih.LegalProductPage"]
    max_count_per_parent = 1
    per_page = PER_PAGE
    items_name = "products"

    class Meta:
        verbose_name = _("pustaka produk hukum (JDIH)")
        verbose_name_plural = _("pustaka produk hukum (JDIH)")

    def products(self):
        return LegalProductPage.objects.live().public().child_of(self)

    def listing_items(self, request, **kwargs):
        return self.products().select_related("document").order_by("-year", "-pk")

    def feed_items(self, request):
        return self.products().select_related("document").order_by("-first_published_at")

    def filter_listing(self, request, products, context):
        years = self.products().order_by("-year").values_list("year", flat=True).distinct()
        form = LegalProductFilterForm(request.GET or None, years=list(years))
        if form.is_valid():
            products = form.apply(products)
        context["filter_form"] = form
        return products

    def statistics(self):
        """Counts by type and by year, each with its share of the largest (for the bars)."""
        products = self.products().order_by()
        labels = dict(DocumentType.choices)
        by_type = [
            {"label": labels.get(row["doc_type"], row["doc_type"]), "key": row["doc_type"], "count": row["n"]}
            for row in products.values("doc_type").annotate(n=Count("pk")).order_by("-n", "doc_type")
        ]
        by_year = [
            {"label": str(row["year"]), "key": row["year"], "count": row["n"]}
            for row in products.values("year").annotate(n=Count("pk")).order_by("year")
        ]
        for rows in (by_type, by_year):
            top = max((row["count"] for row in rows), default=0) or 1
            for number, row in enumerate(rows):
                row["width"] = max(1, round(300 * row["count"] / top))
                row["y"] = number * 22
        return {
            "by_type": by_type,
            "by_year": by_year,
            "type_height": 22 * len(by_type),
            "year_height": 22 * len(by_year),
            "total": products.count(),
        }

    @path("statistik/", name="statistics")
    def statistics_view(self, request):
        return TemplateResponse(
            request,
            "jdih/statistics.html",
            {**self.get_context(request), "stats": self.statistics()},
        )
