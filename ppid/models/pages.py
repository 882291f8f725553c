"""The PPID's public pages: the PPID page of a site, its DIP entries, the Standar Pelayanan.

All three are ordinary pages under the OPD's home page, so they reach the public only
through the OPD's SOP workflow (assigned to the home page by provisioning).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from portal.core.blocks import BodyBlock
from portal.core.models import BasePage

from .classification import InformationClassMixin

#: The public views behind the PPID page's routes, by name. ppid/public.py registers them
#: (``@public_view``), so the page model does not import the module that imports the models.
PUBLIC_VIEWS = {}


def public_view(function):
    """Register a view of ppid/public.py under its function name for the PPID page's routes."""
    PUBLIC_VIEWS[function.__name__] = function
    return function


LAPOR_URL = "https://www.lapor.go.id/"


class PPIDPage(RoutablePageMixin, BasePage):
    """A site's PPID: profile text plus the DIP, the request and objection forms, tracking
    and the service report, all as routes of this page (one per site)."""

    intro = models.TextField(_("pengantar"), blank=True)
    body = StreamField(
        BodyBlock(), verbose_name=_("isi"), blank=True, help_text=_("Profil PPID, maklumat, kontak.")
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["ppid.InformationPage", "ppid.StandarPelayananPage"]

    class Meta:
        verbose_name = _("halaman PPID")

    @classmethod
    def can_create_at(cls, parent):
        # One PPID page per site (per language tree), never a global max_count.
        return super().can_create_at(parent) and not parent.get_children().type(cls).exists()

    def service_links(self, request=None):
        """(label, URL) of the PPID's public services, in the active language, for the footer and
        as the submenu of a menu entry pointing at this page (navigation's ``menu_links``)."""
        from django.urls import reverse
        from django.utils.translation import gettext

        url = self.get_url(request)
        if url is None:
            return []
        return [
            (gettext("Profil PPID"), url),
            (gettext("Daftar Informasi Publik (DIP)"), url + self.reverse_subpage("dip_route")),
            (gettext("Permohonan informasi"), url + self.reverse_subpage("request_route")),
            (gettext("Lacak permohonan"), url + self.reverse_subpage("lookup_route")),
            (gettext("Keberatan"), url + self.reverse_subpage("objection_lookup_route")),
            # The site's Survei Kepuasan Masyarakat (ppid/skm/), at /skm/ of the same host.
            (gettext("Survei kepuasan masyarakat"), reverse("skm:form")),
        ]

    menu_links = service_links

    def get_cached_paths(self):
        # Purged with the page when a DIP entry under it is published (page_cache).
        return ["/", "/dip/", "/laporan/"]

    @path("")
    def index_route(self, request):
        return PUBLIC_VIEWS["ppid_index"](self, request)

    @path("dip/")
    def dip_route(self, request):
        return PUBLIC_VIEWS["dip_view"](self, request)

    @path("permohonan/")
    def request_route(self, request):
        return PUBLIC_VIEWS["request_form"](self, request)

    @path("lacak/", name="lookup_route")
    def lookup_route(self, request):
        return PUBLIC_VIEWS["tracking_lookup"](self, request, then="track_route")

    @path("keberatan/", name="objection_lookup_route")
    def objection_lookup_route(self, request):
        return PUBLIC_VIEWS["tracking_lookup"](self, request, then="objection_route")

    @path("lacak/<str:token>/")
    def track_route(self, request, token):
        return PUBLIC_VIEWS["track"](self, request, token)

    @path("lacak/<str:token>/keberatan/")
    def objection_route(self, request, token):
        return PUBLIC_VIEWS["objection_form"](self, request, token)

    @path("laporan/")
    def report_route(self, request):
        return PUBLIC_VIEWS["service_report"](self, request)


class InformationPage(InformationClassMixin, BasePage):
    """One entry of the Daftar Informasi Publik: a piece of information, its class and file."""

    intro = models.TextField(_("ringkasan isi informasi"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("berkas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        *InformationClassMixin.information_panels,
        FieldPanel("body"),
        FieldPanel("document"),
    ]
    # Only the title and summary are searchable: an exempt entry's summary is public, its body not.
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["ppid.PPIDPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("informasi publik (DIP)")
        verbose_name_plural = _("informasi publik (DIP)")

    def get_meta_description(self):
        return self.search_description or self.intro


class StandarPelayananPage(InformationClassMixin, BasePage):
    """A service standard (UU 25/2009 art. 21, Permenpan RB 15/2014) and the Maklumat Pelayanan.

    The six service-delivery components are published; the others are the unit's internal
    ("manufacturing") components, kept with the standard but not shown to citizens.
    """

    intro = models.TextField(_("ringkasan layanan"), blank=True)
    # Service delivery: shown to citizens.
    persyaratan = RichTextField(_("persyaratan"), blank=True)
    prosedur = RichTextField(_("sistem, mekanisme dan prosedur"), blank=True)
    jangka_waktu = RichTextField(_("jangka waktu penyelesaian"), blank=True)
    biaya = RichTextField(_("biaya / tarif"), blank=True)
    produk = RichTextField(_("produk pelayanan"), blank=True)
    pengaduan = RichTextField(_("penanganan pengaduan, saran dan masukan"), blank=True)
    lapor_url = models.URLField(
        _("tautan SP4N-LAPOR!"), default=LAPOR_URL, help_text=_("Kanal pengaduan nasional SP4N-LAPOR!.")
    )
    # Service manufacturing: internal.
    dasar_hukum = RichTextField(_("dasar hukum"), blank=True)
    sarana = RichTextField(_("sarana, prasarana dan/atau fasilitas"), blank=True)
    kompetensi = RichTextField(_("kompetensi pelaksana"), blank=True)
    pengawasan = RichTextField(_("pengawasan internal"), blank=True)
    jumlah_pelaksana = RichTextField(_("jumlah pelaksana"), blank=True)
    jaminan_pelayanan = RichTextField(_("jaminan pelayanan"), blank=True)
    jaminan_keamanan = RichTextField(_("jaminan keamanan dan keselamatan pelayanan"), blank=True)
    evaluasi = RichTextField(_("evaluasi kinerja pelaksana"), blank=True)
    maklumat = RichTextField(
        _("maklumat pelayanan"),
        blank=True,
        help_text=_("Pernyataan kesanggupan penyelenggara melaksanakan pelayanan sesuai standar."),
    )

    PUBLIC_COMPONENTS = ("persyaratan", "prosedur", "jangka_waktu", "biaya", "produk", "pengaduan")
    INTERNAL_COMPONENTS = (
        "dasar_hukum",
        "sarana",
        "kompetensi",
        "pengawasan",
        "jumlah_pelaksana",
        "jaminan_pelayanan",
        "jaminan_keamanan",
        "evaluasi",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [*(FieldPanel(name) for name in PUBLIC_COMPONENTS), FieldPanel("lapor_url")],
            heading=_("Komponen penyampaian pelayanan (dipublikasikan)"),
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in INTERNAL_COMPONENTS],
            heading=_("Komponen pengelolaan pelayanan (internal)"),
        ),
        FieldPanel("maklumat"),
        *InformationClassMixin.information_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("persyaratan"),
        index.SearchField("prosedur"),
    ]

    parent_page_types = ["home.HomePage", "ppid.PPIDPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standar pelayanan")
        verbose_name_plural = _("standar pelayanan")

    def public_components(self):
        """(label, value) of each published component, in the order of Permenpan RB 15/2014."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.PUBLIC_COMPONENTS
            if getattr(self, name)
        ]

    def get_meta_description(self):
        return self.search_description or self.intro
