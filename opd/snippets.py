"""Snippets that belong to one site (news categories, ...) and stay inside their OPD in the admin.

A site-scoped snippet model has a ``site`` foreign key. ``SiteScopedSnippetViewSet`` lists,
opens, copies and deletes only the snippets of the sites of the user's OPDs (a superuser
sees all), its chooser offers only those, and its form offers only those sites: another
OPD's snippet is not found (404) and a forged ``site`` is a field error.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import OPD


def sites_for_user(user):
    """The sites whose snippets the user may see: their OPDs' sites (every site for a superuser)."""
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(opd__in=OPD.objects.for_user(user))


def scope_to_user(queryset, user):
    return queryset.filter(site__in=sites_for_user(user))


class SiteScopedForm(WagtailAdminModelForm):
    """Offers only the user's own sites; with one site, picks it for them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("site")
        if field is None or self.for_user is None:
            return
        sites = sites_for_user(self.for_user).order_by("site_name")
        field.queryset = sites
        field.required = True
        field.error_messages["invalid_choice"] = _("Pilih situs OPD Anda sendiri.")
        own = list(sites[:2])
        if len(own) == 1 and not self.instance.site_id:
            field.initial = own[0].pk
            field.widget = forms.HiddenInput()


class _ScopedObjectMixin:
    """Another OPD's snippet opened by URL is simply not there."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not sites_for_user(self.request.user).filter(pk=obj.site_id).exists():
            raise Http404
        return obj


class _ScopedChooserMixin:
    def get_object_list(self):
        return scope_to_user(super().get_object_list(), self.request.user)


class ScopedEditView(_ScopedObjectMixin, snippet_views.EditView):
    pass


class ScopedDeleteView(_ScopedObjectMixin, snippet_views.DeleteView):
    pass


class ScopedCopyView(_ScopedObjectMixin, snippet_views.CopyView):
    pass


class ScopedUsageView(_ScopedObjectMixin, snippet_views.UsageView):
    pass


class ScopedHistoryView(_ScopedObjectMixin, snippet_views.HistoryView):
    pass


class ScopedInspectView(_ScopedObjectMixin, snippet_views.InspectView):
    pass


class ScopedChooseView(_ScopedChooserMixin, chooser_views.ChooseView):
    pass


class ScopedChooseResultsView(_ScopedChooserMixin, chooser_views.ChooseResultsView):
    pass


class ScopedChooserViewSet(chooser_views.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView


class SiteScopedSnippetViewSet(SnippetViewSet):
    """A snippet admin in which each OPD sees and edits only its own sites' items."""

    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    copy_view_class = ScopedCopyView
    usage_view_class = ScopedUsageView
    history_view_class = ScopedHistoryView
    inspect_view_class = ScopedInspectView
    chooser_viewset_class = ScopedChooserViewSet

    def get_queryset(self, request):
        return scope_to_user(self.model._default_manager.all(), request.user)


def refuse_bulk_actions_on_other_sites(request, action_type, objects, action_class_instance):
    """``before_bulk_action`` hook: a forged bulk delete cannot reach another OPD's snippets."""
    if request.user.is_superuser:
        return None
    allowed = set(sites_for_user(request.user).values_list("pk", flat=True))
    for obj in objects:
        site_id = getattr(obj, "site_id", None)
        if site_id is not None and site_id not in allowed:
            raise PermissionDenied
    return None
