"""The holiday calendar in the admin, for the Web Developer (the only one with its permissions)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NonWorkingDay


class NonWorkingDayViewSet(SnippetViewSet):
    model = NonWorkingDay
    icon = "date"
    menu_label = _("Hari libur")
    add_to_settings_menu = True
    list_display = ["date", "name", "kind"]
    list_filter = ["kind"]
    ordering = ["-date"]


register_snippet(NonWorkingDayViewSet)
