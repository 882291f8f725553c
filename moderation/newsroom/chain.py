"""One assignment's whole way, step by step with its time against the mutu baku:
assignment → coverage started → coverage done → draft → submitted → Editor → Redaktur →
Web Administrator → live."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _
from wagtail.models import Revision

from moderation.compliance.models import Outcome, PublicationTiming, Step, StepTiming
from moderation.compliance.timing import elapsed_field


@dataclass
class ChainStep:
    label: str
    at: datetime | None
    actor: object = None
    minutes: float | None = None
    standard_minutes: float | None = None

    @property
    def within(self):
        if self.minutes is None or self.standard_minutes is None:
            return None
        return self.minutes <= self.standard_minutes


def _minutes(seconds):
    return None if seconds is None else round(seconds / 60, 1)


def _from_timing(label, timing, column):
    return ChainStep(
        label=label,
        at=timing.finished_at,
        actor=timing.actor,
        minutes=_minutes(getattr(timing, column)),
        standard_minutes=_minutes(timing.standard_seconds),
    )


def chain_for(assignment):
    column = elapsed_field()
    steps = [ChainStep(_("Ditugaskan"), assignment.created_at, assignment.assigned_by)]
    if assignment.penugasan_timing:
        steps.append(_from_timing(_("Mulai diliput (langkah 3)"), assignment.penugasan_timing, column))
    if assignment.peliputan_timing:
        steps.append(_from_timing(_("Liputan selesai (langkah 4)"), assignment.peliputan_timing, column))
    page = assignment.page
    if page is None:
        return steps
    first = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("created_at").first()
    if first:
        steps.append(ChainStep(_("Draf berita dibuat"), first.created_at, first.user))
    outcomes = {
        Outcome.SUBMITTED: _("diajukan"),
        Outcome.APPROVED: _("disetujui"),
        Outcome.REJECTED: _("minta perubahan"),
        Outcome.CANCELLED: _("dibatalkan"),
    }
    timings = (
        StepTiming.objects.filter(page=page)
        .exclude(step__in=[Step.PENUGASAN, Step.PELIPUTAN])
        .select_related("actor")
        .order_by("finished_at", "pk")
    )
    for timing in timings:
        label = f"{timing.get_step_display()}: {outcomes.get(timing.outcome, timing.outcome)}"
        steps.append(_from_timing(label, timing, column))
    publication = PublicationTiming.objects.filter(page=page).order_by("-published_at").first()
    if publication:
        steps.append(
            ChainStep(
                _("Tayang (pengajuan sampai terbit)"),
                publication.published_at,
                None,
                _minutes(getattr(publication, column)),
                _minutes(publication.standard_seconds),
            )
        )
    return steps
