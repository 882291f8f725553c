"""The "Perubahan tim" report: the team changes of the OPDs the viewer administers."""

import datetime

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import ModelLogEntry

from opd.scoping import opds_administered_by
from portal.security.enrolment import LOG_ACTIONS as TWO_FACTOR_LOG_ACTIONS

from .audit import ACTION_PREFIX, ACTIONS

# Plt/Plh delegations lend a role for a while: they belong in the team's history too.
DELEGATION_ACTIONS = {
    "moderation.delegation_granted": _("Peran dilimpahkan (Plt/Plh)"),
    "moderation.delegation_revoked": _("Pelimpahan peran dicabut"),
    "moderation.delegation_ended": _("Pelimpahan peran berakhir"),
}


def team_entries(user):
    """Team log entries of the OPDs ``user`` administers (all of them for the Web Developer),
    with the two-factor enrolments and resets of their members."""
    opd_ids = list(opds_administered_by(user).values_list("pk", flat=True))
    people = Q(
        content_type=ContentType.objects.get_for_model(get_user_model()), action__startswith=ACTION_PREFIX
    )
    # By natural key: opd stands below moderation and does not import its models.
    delegations = Q(
        content_type=ContentType.objects.get_by_natural_key("moderation", "delegation"),
        action__in=DELEGATION_ACTIONS,
    )
    tagged = (people | delegations) & Q(data__opd__in=opd_ids)
    return ModelLogEntry.objects.filter(tagged | two_factor_of(opd_ids))


def two_factor_of(opd_ids):
    """2FA enrolments and resets of the members of these OPDs. ``security`` logs them once per
    account, without an OPD: an enrolment the person did not make is what their Web
    Administrator should notice."""
    members = get_user_model().objects.filter(groups__opd_role__opd__in=opd_ids).values_list("pk", flat=True)
    return Q(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        action__in=TWO_FACTOR_LOG_ACTIONS,
        object_id__in=[str(pk) for pk in set(members)],
    )


class TeamChangesFilterSet(WagtailFilterSet):
    opd = django_filters.ModelChoiceFilter(
        label=_("OPD"),
        empty_label=_("Semua OPD Anda"),
        method="filter_opd",
        queryset=lambda request: opds_administered_by(request.user),
    )
    action = django_filters.ChoiceFilter(
        label=_("Perubahan"),
        empty_label=_("Semua perubahan"),
        choices=[
            *((action, label) for action, (label, _message) in ACTIONS.items()),
            *DELEGATION_ACTIONS.items(),
            *((action, label) for action, (label, _message) in TWO_FACTOR_LOG_ACTIONS.items()),
        ],
    )
    timestamp = django_filters.DateFromToRangeFilter(label=_("Tanggal"), widget=DateRangePickerWidget)

    class Meta:
        model = ModelLogEntry
        fields = ["opd", "action", "timestamp"]

    def filter_opd(self, queryset, name, value):
        return queryset.filter(Q(data__opd=value.pk) | two_factor_of([value.pk])) if value else queryset


class TeamChangesReportView(ReportView):
    page_title = _("Perubahan tim")
    verbose_name = _("perubahan tim")
    verbose_name_plural = _("perubahan tim")
    header_icon = "group"
    index_url_name = "team_changes_report"
    index_results_url_name = "team_changes_report_results"
    filterset_class = TeamChangesFilterSet
    paginate_by = 50
    columns = [
        DateColumn("timestamp", label=_("Waktu")),
        Column("opd", label=_("OPD"), accessor="data.opd_name"),
        Column("label", label=_("Anggota tim")),
        Column("message", label=_("Perubahan")),
        UserColumn("user", label=_("Oleh"), blank_display_name=_("Sistem")),
    ]
    list_export = ["timestamp", "data.opd_name", "label", "message", "user_display_name"]
    export_headings = {
        "timestamp": _("Waktu"),
        "data.opd_name": _("OPD"),
        "label": _("Anggota tim"),
        "message": _("Perubahan"),
        "user_display_name": _("Oleh"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not opds_administered_by(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return team_entries(self.request.user).select_related("user").order_by("-timestamp", "-pk")

    def get_filename(self):
        return f"perubahan-tim-{datetime.date.today():%Y-%m-%d}"
