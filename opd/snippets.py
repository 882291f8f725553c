"""Snippets that belong to one site (news categories, ...) and stay inside their OPD in the admin.

A site-scoped snippet model has a ``site`` foreign key. Its permission policy
(``SiteScopedPermissionPolicy``, registered in the app's ``ready()``) grants the model
permissions only on snippets of the sites of the user's OPDs, which also covers bulk
actions; ``SiteScopedSnippetViewSet`` lists, opens, copies and deletes only those (a
superuser sees all), its chooser offers only those, and its form offers only those sites
(fixed to it when the user has one): another OPD's snippet is not found (404) or refused,
and a site outside the user's OPDs is a field error.
"""

from django import forms
from django.http import Http404
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import get_snippet_models
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


class SiteScopedPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, on the snippets of the user's own sites only."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return user.is_superuser or sites_for_user(user).filter(pk=instance.site_id).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        return scope_to_user(super().instances_user_has_any_permission_for(user, actions), user)


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
        if len(own) == 1:
            # One site to choose from: it is theirs, whatever a forged form says.
            self.initial["site"] = field.initial = own[0].pk
            field.disabled = True
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


class ScopedChosenView(chooser_views.SnippetChosenView):
    """The chooser's "chosen" answer gives an item's title: only for the user's own sites."""

    def get_object(self, pk):
        return scope_to_user(self.model_class.objects.all(), self.request.user).get(pk=pk)


class ScopedChosenMultipleView(chooser_views.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return scope_to_user(self.model_class.objects.filter(pk__in=pks), self.request.user)


class ScopedChooserViewSet(chooser_views.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView


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


class SiteScopedDeleteBulkAction(DeleteBulkAction):
    """Bulk delete that does not even name another OPD's snippets on its confirmation page."""

    @classproperty
    def models(cls):
        return [
            model
            for model in get_snippet_models()
            if isinstance(getattr(model, "snippet_viewset", None), SiteScopedSnippetViewSet)
        ]

    def get_queryset(self, model, object_ids):
        return scope_to_user(model._default_manager.filter(pk__in=object_ids), self.request.user)
