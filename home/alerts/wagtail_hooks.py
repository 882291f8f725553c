"""*Peringatan* in the admin: each user lists, opens and deletes only the alerts they manage
(``policy``); another OPD's notice or the regency-wide alert opened by URL is not there (404).
Wagtail's snippet views write every addition, change and deletion to the audit log."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import AlertForm
from .models import Alert
from .policy import may_manage, may_set_alerts, visible_q


def managed(queryset, user):
    return queryset.filter(visible_q(user))


class _ManagedObjectMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not may_manage(self.request.user, obj):
            raise Http404
        return obj


class AlertEditView(_ManagedObjectMixin, snippet_views.EditView):
    pass


class AlertDeleteView(_ManagedObjectMixin, snippet_views.DeleteView):
    pass


class AlertCopyView(_ManagedObjectMixin, snippet_views.CopyView):
    pass


class AlertUsageView(_ManagedObjectMixin, snippet_views.UsageView):
    pass


class AlertHistoryView(_ManagedObjectMixin, snippet_views.HistoryView):
    pass


class AlertInspectView(_ManagedObjectMixin, snippet_views.InspectView):
    pass


class _ChooserRefusedMixin:
    """Wagtail's chooser asks no permission; only those who set alerts choose one."""

    def dispatch(self, request, *args, **kwargs):
        if not may_set_alerts(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class _ManagedChooserMixin(_ChooserRefusedMixin):
    def get_object_list(self):
        return managed(super().get_object_list(), self.request.user)


class AlertChooseView(_ManagedChooserMixin, chooser_views.ChooseView):
    pass


class AlertChooseResultsView(_ManagedChooserMixin, chooser_views.ChooseResultsView):
    pass


class AlertChosenView(_ChooserRefusedMixin, chooser_views.SnippetChosenView):
    def get_object(self, pk):
        return managed(self.model_class.objects.all(), self.request.user).get(pk=pk)


class AlertChosenMultipleView(_ChooserRefusedMixin, chooser_views.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return managed(self.model_class.objects.filter(pk__in=pks), self.request.user)


class AlertChooserViewSet(chooser_views.SnippetChooserViewSet):
    choose_view_class = AlertChooseView
    choose_results_view_class = AlertChooseResultsView
    chosen_view_class = AlertChosenView
    chosen_multiple_view_class = AlertChosenMultipleView


def scope_label(alert):
    return alert.site.site_name if alert.site_id else _("Seluruh situs Kabupaten")


def status_label(alert):
    now = timezone.now()
    if alert.ends_at <= now:
        return _("Berakhir")
    if alert.starts_at > now:
        return _("Terjadwal")
    return _("Tayang")


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = _("Peringatan")
    add_to_admin_menu = True
    menu_order = 240
    list_display = [
        "text",
        Column("level", label=_("tingkat"), accessor="get_level_display"),
        Column("scope", label=_("berlaku di"), accessor=scope_label),
        "starts_at",
        "ends_at",
        Column("status", label=_("status"), accessor=status_label),
    ]
    ordering = ["-starts_at"]
    edit_view_class = AlertEditView
    delete_view_class = AlertDeleteView
    copy_view_class = AlertCopyView
    usage_view_class = AlertUsageView
    history_view_class = AlertHistoryView
    inspect_view_class = AlertInspectView
    chooser_viewset_class = AlertChooserViewSet
    edit_handler = ObjectList(Alert.panels, base_form_class=AlertForm)

    def get_queryset(self, request):
        return managed(Alert.objects.select_related("site"), request.user)


register_snippet(AlertViewSet)
