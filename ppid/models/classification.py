"""The UU 14/2008 class of a piece of content, as a mixin for the page types that carry one.

The classes themselves are those of the document model (``media_library.InformationClass``),
so a page and a document of the Daftar Informasi Publik speak the same words.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from opd.media_library.models import InformationClass


class InformationClassMixin(models.Model):
    """Fields of a DIP entry: class, year, who answers for it and, when exempt, why."""

    information_class = models.CharField(
        _("klasifikasi informasi"),
        max_length=20,
        choices=InformationClass.choices,
        blank=True,
        help_text=_("Klasifikasi menurut UU 14/2008; kosongkan bila tidak masuk Daftar Informasi Publik."),
    )
    information_year = models.PositiveSmallIntegerField(
        _("tahun informasi"), null=True, blank=True, help_text=_("Kosong: tahun penerbitan.")
    )
    responsible = models.CharField(
        _("penanggung jawab"),
        max_length=255,
        blank=True,
        help_text=_("Pejabat atau unit yang menguasai informasi ini, misalnya 'Sekretariat'."),
    )
    exemption_basis = models.TextField(
        _("dasar hukum pengecualian"),
        blank=True,
        help_text=_(
            "Wajib untuk informasi dikecualikan: pasal UU 14/2008 (Pasal 17 huruf ...) dan peraturan lain."
        ),
    )
    consequence_test = models.TextField(
        _("uji konsekuensi"),
        blank=True,
        help_text=_("Wajib untuk informasi dikecualikan: akibat yang timbul bila informasi dibuka."),
    )

    information_panels = [
        MultiFieldPanel(
            [
                FieldPanel("information_class"),
                FieldPanel("information_year"),
                FieldPanel("responsible"),
                FieldPanel("exemption_basis"),
                FieldPanel("consequence_test"),
            ],
            heading=_("Klasifikasi informasi publik (UU 14/2008)"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.information_class == InformationClass.DIKECUALIKAN:
            errors = {}
            if not (self.exemption_basis or "").strip():
                errors["exemption_basis"] = _("Informasi dikecualikan wajib mencantumkan dasar hukumnya.")
            if not (self.consequence_test or "").strip():
                errors["consequence_test"] = _("Informasi dikecualikan wajib disertai uji konsekuensi.")
            if errors:
                raise ValidationError(errors)

    @property
    def is_exempt(self):
        return self.information_class == InformationClass.DIKECUALIKAN
