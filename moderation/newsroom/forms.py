"""Forms of the newsroom admin: the assignment, the team's report, the calendar filters."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from moderation.page_types import event_page_model
from opd.directory import OPDDirectory
from opd.models import OPD
from opd.roles import Role

from .models import Assignment, Status
from .policy import penulis_of

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _pages_of(opds):
    return OPDDirectory(list(opds.select_related("site__root_page"))).pages_q()


class AssignmentForm(forms.ModelForm):
    """The Editor's or Redaktur's assignment: event, place, time, team, checklist, due time."""

    class Meta:
        model = Assignment
        fields = [
            "opd",
            "title",
            "event",
            "place",
            "starts_at",
            "due_at",
            "planned_publication",
            "brief",
            "assignees",
            "photographer",
            "needs_photos",
            "needs_video",
            "needs_documents",
            "needs_quotes",
        ]
        widgets = {
            "starts_at": DATETIME,
            "due_at": DATETIME,
            "planned_publication": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "assignees": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, opds, **kwargs):
        super().__init__(*args, **kwargs)
        self.opds = opds
        self.fields["opd"].queryset = opds
        if self.instance.pk:
            # An assignment stays with its OPD.
            self.fields["opd"].disabled = True
        elif opds.count() == 1:
            self.fields["opd"].initial = opds.first()
        people = (
            get_user_model()
            .objects.filter(
                is_active=True, groups__opd_role__opd__in=opds, groups__opd_role__role=Role.PENULIS
            )
            .distinct()
            .order_by("first_name", "username")
        )
        self.fields["assignees"].queryset = people
        self.fields["assignees"].label_from_instance = lambda user: user.get_full_name() or user.username
        self.fields["photographer"].queryset = people
        self.fields["event"].queryset = event_page_model().objects.filter(_pages_of(opds)).order_by("-start")
        for name in ("starts_at", "due_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]

    def clean(self):
        cleaned = super().clean()
        opd = cleaned.get("opd")
        if opd is None:
            return cleaned
        team = set(penulis_of(opd).values_list("pk", flat=True))
        outsiders = [user for user in cleaned.get("assignees", []) if user.pk not in team]
        if outsiders:
            self.add_error("assignees", _("Tim peliput harus Penulis / Tim Peliput OPD ini."))
        photographer = cleaned.get("photographer")
        if photographer and photographer.pk not in team:
            self.add_error("photographer", _("Fotografer harus Penulis / Tim Peliput OPD ini."))
        event = cleaned.get("event")
        if (
            event
            and not event_page_model()
            .objects.filter(pk=event.pk)
            .filter(_pages_of(OPD.objects.filter(pk=opd.pk)))
            .exists()
        ):
            self.add_error("event", _("Pilih agenda dari situs OPD ini."))
        starts_at, due_at = cleaned.get("starts_at"), cleaned.get("due_at")
        if starts_at and due_at and due_at < starts_at:
            self.add_error("due_at", _("Tenggat tidak boleh sebelum waktu liputan."))
        return cleaned


class CoverageReportForm(forms.ModelForm):
    """What the team brings back besides uploaded media: quotes and a video link."""

    video_url = forms.URLField(label=_("Tautan video"), required=False, assume_scheme="https")

    class Meta:
        model = Assignment
        fields = ["quotes", "video_url"]
        widgets = {"quotes": forms.Textarea(attrs={"rows": 4})}


class MediaKind:
    PHOTO = "foto"
    DOCUMENT = "dokumen"


class CalendarFilterForm(forms.Form):
    VIEWS = [("minggu", _("Minggu")), ("bulan", _("Bulan"))]
    KINDS = [
        ("", _("Semua")),
        ("penugasan", _("Penugasan liputan")),
        ("agenda", _("Agenda")),
        ("rencana", _("Rencana terbit")),
        ("terjadwal", _("Terjadwal")),
        ("terbit", _("Terbit")),
    ]

    tampilan = forms.ChoiceField(label=_("Tampilan"), choices=VIEWS, required=False)
    tanggal = forms.DateField(
        label=_("Tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    opd = forms.ModelChoiceField(
        label=_("OPD"), queryset=OPD.objects.none(), required=False, empty_label=_("Semua")
    )
    jenis = forms.ChoiceField(label=_("Jenis"), choices=KINDS, required=False)
    status = forms.ChoiceField(
        label=_("Status penugasan"), choices=[("", _("Semua")), *Status.choices], required=False
    )
    orang = forms.ModelChoiceField(
        label=_("Orang"), queryset=get_user_model().objects.none(), required=False, empty_label=_("Semua")
    )

    def __init__(self, *args, opds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = opds
        self.fields["orang"].queryset = (
            get_user_model().objects.filter(groups__opd_role__opd__in=opds).distinct().order_by("username")
        )
        self.fields["orang"].label_from_instance = lambda user: user.get_full_name() or user.username
