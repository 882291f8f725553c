"""News categories in the admin, each OPD seeing only its own sites' categories."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from opd.snippets import SiteScopedSnippetViewSet

from .models import NewsCategory


class NewsCategoryViewSet(SiteScopedSnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("Kategori berita")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "slug", "site"]
    ordering = ["site__site_name", "name"]


register_snippet(NewsCategoryViewSet)
