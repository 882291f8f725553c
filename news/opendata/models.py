"""Data terbuka: a dataset page any OPD publishes through its SOP, and the catalogue that lists them.

A dataset (Satu Data Indonesia metadata: produsen data, urusan, konsep dan definisi, satuan,
rumus, frekuensi, metodologi, klasifikasi, lisensi, ...) carries one or more resources, each a
file from the OPD's collection (CSV, XLSX, JSON, PDF) or a link. The OPD that publishes it is
the OPD whose site holds the page. Only live, public datasets classified *publik* leave the
portal: in the catalogue, the CKAN-compatible API (``news/opendata/api.py``) and the DCAT
catalogue (``news/opendata/dcat.py``). A *terbatas* dataset shows its metadata on its own page
only, without its files.
"""

import json
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from news.listing import ListingIndexPage
from opd.directory import OPDDirectory
from portal.core.models import BasePage

PER_PAGE = 20

#: The largest resource file a dataset accepts (bytes); the preview reads only its start.
DEFAULT_MAX_RESOURCE_SIZE = 20 * 1024 * 1024


class Topic(models.TextChoices):
    """Urusan pemerintahan (the dataset's topic; a CKAN group)."""

    PENDIDIKAN = "pendidikan", _("Pendidikan")
    KESEHATAN = "kesehatan", _("Kesehatan")
    PEKERJAAN_UMUM = "pekerjaan-umum", _("Pekerjaan umum dan penataan ruang")
    PERUMAHAN = "perumahan", _("Perumahan dan kawasan permukiman")
    SOSIAL = "sosial", _("Sosial")
    KEPENDUDUKAN = "kependudukan", _("Kependudukan dan pencatatan sipil")
    KOMINFO = "komunikasi-informatika", _("Komunikasi dan informatika")
    STATISTIK = "statistik", _("Statistik")
    PERTANIAN = "pertanian", _("Pertanian dan pangan")
    LINGKUNGAN = "lingkungan-hidup", _("Lingkungan hidup")
    EKONOMI = "ekonomi", _("Perekonomian, UMKM dan perdagangan")
    KEUANGAN = "keuangan", _("Keuangan daerah")
    PEMERINTAHAN = "pemerintahan", _("Pemerintahan umum")


class Frequency(models.TextChoices):
    HARIAN = "harian", _("Harian")
    BULANAN = "bulanan", _("Bulanan")
    TRIWULANAN = "triwulanan", _("Triwulanan")
    SEMESTERAN = "semesteran", _("Semesteran")
    TAHUNAN = "tahunan", _("Tahunan")
    LIMA_TAHUNAN = "lima-tahunan", _("Lima tahunan")
    TIDAK_TENTU = "tidak-tentu", _("Tidak tentu")


class Classification(models.TextChoices):
    PUBLIK = "publik", _("Publik")
    TERBATAS = "terbatas", _("Terbatas")


class Licence(models.TextChoices):
    """CKAN's own licence ids, so harvesters map them without a table."""

    CC_BY = "cc-by", _("Creative Commons Attribution 4.0 (CC BY)")
    CC_BY_SA = "cc-by-sa", _("Creative Commons Attribution Share-Alike 4.0 (CC BY-SA)")
    CC_ZERO = "cc-zero", _("Creative Commons CCZero (CC0)")
    ODC_ODBL = "odc-odbl", _("Open Data Commons Open Database License (ODbL)")
    OTHER_OPEN = "other-open", _("Lisensi terbuka lainnya")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_ZERO: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.ODC_ODBL: "https://opendatacommons.org/licenses/odbl/1-0/",
    Licence.OTHER_OPEN: "",
}


class ResourceFormat(models.TextChoices):
    CSV = "CSV", "CSV"
    XLSX = "XLSX", "XLSX"
    JSON = "JSON", "JSON"
    PDF = "PDF", "PDF"


MIMETYPES = {
    ResourceFormat.CSV: "text/csv",
    ResourceFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ResourceFormat.JSON: "application/json",
    ResourceFormat.PDF: "application/pdf",
}


def max_resource_size():
    return getattr(settings, "PORTAL_OPENDATA_MAX_RESOURCE_SIZE", DEFAULT_MAX_RESOURCE_SIZE)


def check_resource_file(declared, name, data):
    """Raise ValidationError unless the bytes are a sound file of the declared format.

    The documents library already refused dangerous files at upload; this checks what the
    dataset promises: a CSV really is UTF-8 text, an XLSX a workbook, a JSON parses.
    """
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext != declared.lower():
        raise ValidationError(
            _("Berkas %(name)s bukan berkas %(format)s: pilih format yang sesuai atau berkas lain.")
            % {"name": name, "format": declared}
        )
    if declared == ResourceFormat.CSV:
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(
                _(
                    "Berkas CSV %(name)s tidak berkodekan UTF-8 (huruf rusak). Simpan ulang dari "
                    'aplikasi lembar kerja sebagai "CSV UTF-8", lalu unggah lagi.'
                )
                % {"name": name}
            ) from None
        if b"\x00" in data:
            raise ValidationError(_("Berkas CSV %(name)s memuat data biner.") % {"name": name})
        return
    if declared == ResourceFormat.JSON:
        try:
            json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            raise ValidationError(_("Berkas %(name)s bukan JSON yang sah.") % {"name": name}) from None
        return
    # Imported here: the upload checks import Wagtail's forms, which need the models loaded.
    from portal.security.uploads import content_matches

    if not content_matches(ext, data):
        raise ValidationError(
            _(
                "Isi berkas %(name)s bukan berkas %(format)s yang sah "
                "(mungkin berkas lain yang diganti namanya)."
            )
            % {"name": name, "format": declared}
        )


class DatasetPageTag(TaggedItemBase):
    """A free tag on a dataset (a CKAN tag)."""

    content_object = ParentalKey(
        "opendata.DatasetPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class DatasetPageQuerySet(PageQuerySet):
    def published(self):
        """What may leave the portal: live, without view restriction, classified publik."""
        return self.live().public().filter(classification=Classification.PUBLIK)


DatasetPageManager = PageManager.from_queryset(DatasetPageQuerySet)


class DatasetPage(BasePage):
    """One dataset (Satu Data Indonesia metadata) with its resources."""

    description = models.TextField(_("deskripsi"), help_text=_("Apa isi data ini, untuk siapa, dari mana."))
    producer_unit = models.CharField(
        _("unit produsen data"),
        max_length=255,
        blank=True,
        help_text=_("Bidang atau seksi di OPD yang menghasilkan data, misalnya 'Bidang Statistik'."),
    )
    topic = models.CharField(_("urusan"), max_length=40, choices=Topic.choices)
    concept = models.TextField(_("konsep dan definisi"), blank=True)
    unit = models.CharField(
        _("satuan"), max_length=100, blank=True, help_text=_("Misalnya 'orang', 'persen'.")
    )
    formula = models.TextField(_("rumus perhitungan"), blank=True)
    frequency = models.CharField(_("frekuensi pembaruan"), max_length=20, choices=Frequency.choices)
    period = models.CharField(
        _("periode data"),
        max_length=50,
        blank=True,
        help_text=_("Misalnya '2020-2024' atau 'Semester I 2025'."),
    )
    year = models.PositiveSmallIntegerField(_("tahun data"), help_text=_("Tahun data terakhir yang dimuat."))
    spatial = models.CharField(_("cakupan wilayah"), max_length=255, default="Kabupaten Ketapang")
    methodology = models.TextField(_("metodologi"), blank=True)
    classification = models.CharField(
        _("klasifikasi"),
        max_length=20,
        choices=Classification.choices,
        default=Classification.PUBLIK,
        help_text=_("Data terbatas tidak masuk katalog, API maupun DCAT; berkasnya tidak ditampilkan."),
    )
    licence = models.CharField(_("lisensi"), max_length=20, choices=Licence.choices, default=Licence.CC_BY)
    maintainer = models.CharField(_("penanggung jawab"), max_length=255, blank=True)
    maintainer_email = models.EmailField(_("surel penanggung jawab"), blank=True)
    last_updated = models.DateField(_("tanggal pembaruan terakhir"))
    tags = ClusterTaggableManager(verbose_name=_("tag"), through=DatasetPageTag, blank=True)

    objects = DatasetPageManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("topic"), FieldPanel("producer_unit")]),
                FieldRowPanel([FieldPanel("classification"), FieldPanel("licence")]),
                FieldPanel("tags"),
            ],
            heading=_("Identitas data"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("concept"),
                FieldRowPanel([FieldPanel("unit"), FieldPanel("frequency")]),
                FieldPanel("formula"),
                FieldPanel("methodology"),
            ],
            heading=_("Metadata statistik"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("period"), FieldPanel("year"), FieldPanel("last_updated")]),
                FieldPanel("spatial"),
                FieldRowPanel([FieldPanel("maintainer"), FieldPanel("maintainer_email")]),
            ],
            heading=_("Cakupan dan kontak"),
        ),
        InlinePanel("resources", label=_("Sumber data (berkas)"), min_num=1),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.FilterField("topic"),
        index.FilterField("year"),
        index.FilterField("classification"),
    ]

    parent_page_types = ["opendata.DatasetIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("dataset")
        verbose_name_plural = _("dataset")

    @property
    def is_public_data(self):
        return self.classification == Classification.PUBLIK

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def get_meta_description(self):
        return self.search_description or self.description[:300]

    def get_context(self, request, *args, **kwargs):
        from .preview import resource_preview

        context = super().get_context(request, *args, **kwargs)
        context["opd"] = OPDDirectory.shared().opd_for(self)
        resources = list(self.resources.select_related("document")) if self.is_public_data else []
        for resource in resources:
            resource.preview = resource_preview(resource)
        context["resources"] = resources
        return context


class DatasetResource(Orderable):
    """One file (from the OPD's collection) or link of a dataset: a CKAN resource."""

    dataset = ParentalKey(DatasetPage, on_delete=models.CASCADE, related_name="resources")
    resource_id = models.UUIDField(default=uuid.uuid4, editable=False)
    name = models.CharField(_("nama"), max_length=255)
    description = models.TextField(_("keterangan"), blank=True)
    format = models.CharField(_("format"), max_length=10, choices=ResourceFormat.choices)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("berkas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Unggah berkasnya ke koleksi OPD (menu Dokumen), lalu pilih di sini."),
    )
    url = models.URLField(_("atau tautan"), blank=True, help_text=_("Alamat berkas di luar portal."))

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("format")]),
        FieldPanel("document"),
        FieldPanel("url"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("sumber data")
        verbose_name_plural = _("sumber data")

    def clean(self):
        super().clean()
        if bool(self.document_id) == bool(self.url):
            raise ValidationError({"document": _("Pilih satu berkas atau isi satu tautan (bukan keduanya).")})
        if self.document_id and self.format:
            self.check_document()

    def check_document(self):
        document = self.document
        limit = max_resource_size()
        try:
            size = document.file.size
            if size > limit:
                raise ValidationError(
                    _("Berkas terlalu besar (%(size)s). Batas berkas data %(limit)s.")
                    % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
                )
            with document.file.open("rb") as handle:
                data = handle.read()
        except OSError:
            raise ValidationError({"document": _("Berkas tidak dapat dibaca.")}) from None
        except ValidationError as error:
            raise ValidationError({"document": error.messages}) from None
        try:
            check_resource_file(self.format, document.file.name.rsplit("/", 1)[-1], data)
        except ValidationError as error:
            raise ValidationError({"document": error.messages}) from None

    @property
    def mimetype(self):
        return MIMETYPES.get(self.format, "")

    @property
    def size(self):
        if not self.document_id:
            return None
        try:
            return self.document.file.size
        except OSError:
            return None

    def get_url(self):
        return self.document.url if self.document_id else self.url


class DatasetFilterForm(forms.Form):
    """The catalogue's search and facets; an unknown value is a field error."""

    q = forms.CharField(label=_("Cari data"), required=False, max_length=200)
    opd = forms.ChoiceField(label=_("OPD"), required=False)
    urusan = forms.ChoiceField(label=_("Urusan"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    tahun = forms.TypedChoiceField(label=_("Tahun"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, opds, years):
        super().__init__(data)
        self.fields["opd"].choices = [("", _("Semua OPD")), *opds]
        self.fields["urusan"].choices = [("", _("Semua urusan")), *Topic.choices]
        self.fields["format"].choices = [("", _("Semua format")), *ResourceFormat.choices]
        self.fields["tahun"].choices = [("", _("Semua tahun")), *((year, year) for year in years)]
        if len(opds) < 2:
            del self.fields["opd"]


class DatasetIndexPage(ListingIndexPage):
    """The data catalogue: on the regency portal every OPD's datasets, on an OPD's site its own.

    Its DCAT catalogue (``catalog.ttl``, ``catalog.jsonld`` under its address) is answered by
    ``news.opendata.views.dcat_catalogue``: Wagtail's page routes take no dotted names.
    """

    subpage_types = ["opendata.DatasetPage"]
    per_page = PER_PAGE
    items_name = "datasets"

    class Meta:
        verbose_name = _("katalog data")
        verbose_name_plural = _("katalog data")

    def is_regency_catalogue(self):
        site = self.get_site()
        return site is not None and site.is_default_site

    def listing_items(self, request, **kwargs):
        from .catalogue import catalogue_datasets

        return catalogue_datasets(self)

    def filter_listing(self, request, datasets, context):
        from .catalogue import filter_datasets

        opds = sorted({(d.opd.slug, d.opd.name) for d in datasets if d.opd}, key=lambda o: o[1])
        years = sorted({d.year for d in datasets}, reverse=True)
        form = DatasetFilterForm(request.GET or None, opds=opds, years=years)
        if form.is_valid():
            data = form.cleaned_data
            datasets = filter_datasets(
                datasets,
                q=data["q"],
                organization=data.get("opd"),
                topic=data["urusan"],
                res_format=data["format"],
                year=data["tahun"],
            )
        context["filter_form"] = form
        context["dataset_count"] = len(datasets)
        return datasets

    def feed_items(self, request):
        from .catalogue import catalogue_datasets

        return sorted(catalogue_datasets(self), key=lambda d: d.last_published_at, reverse=True)
