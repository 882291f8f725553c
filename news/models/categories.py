"""News categories: a snippet per site, so each OPD keeps its own rubrics."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from opd.snippets import SiteScopedForm


class NewsCategory(TranslatableMixin, models.Model):
    """A rubric of one site's news (e.g. "Kesehatan Masyarakat"), translatable with wagtail-localize."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("situs"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("nama"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        help_text=_("Bagian alamat untuk kategori ini; kosongkan untuk dibuat dari nama."),
    )
    description = models.TextField(_("deskripsi"), blank=True)

    panels = [FieldPanel("site"), FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    base_form_class = SiteScopedForm

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("kategori berita")
        verbose_name_plural = _("kategori berita")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "locale", "slug"], name="news_category_slug_per_site")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.slug = self.slug or slugify(self.name)
        if not self.slug:
            raise ValidationError({"name": _("Nama kategori harus memuat huruf atau angka.")})
        duplicate = NewsCategory.objects.filter(
            site_id=self.site_id, locale_id=self.locale_id, slug=self.slug
        )
        if self.site_id and self.locale_id and duplicate.exclude(pk=self.pk).exists():
            raise ValidationError({"slug": _("Situs ini sudah punya kategori dengan slug '%s'.") % self.slug})
