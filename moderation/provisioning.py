"""Create an OPD's own SOP workflow: three tasks bound to that OPD's groups alone."""

from django.utils.translation import gettext as _
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from opd.roles import Role

from .models import DEFAULT_MUTU_BAKU, SOPStep, SOPStepTask

STEP_ORDER = [SOPStep.KOREKSI, SOPStep.KOREKSI_ULANG, SOPStep.PUBLIKASI]


def workflow_name(opd_name):
    return _("SOP Pengelolaan Website — %(opd)s") % {"opd": opd_name}


def ensure_sop_workflow(opd_name, root_pages, groups_by_step):
    """Give these root pages an SOP workflow of their own; return (workflow, created).

    A root page that already has a workflow keeps it untouched, so a re-run never
    undoes what an administrator changed in the admin.
    """
    existing = WorkflowPage.objects.filter(page__in=root_pages).select_related("workflow").first()
    if existing:
        workflow, created = existing.workflow, False
    else:
        workflow = Workflow.objects.create(name=workflow_name(opd_name))
        for order, step in enumerate(STEP_ORDER):
            task = SOPStepTask.objects.create(
                name=f"{SOPStep(step).label} — {opd_name}",
                step=step,
                mutu_baku=DEFAULT_MUTU_BAKU[step],
            )
            task.groups.set([groups_by_step[step]])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        created = True
    for page in root_pages:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow, created


# Which role approves which SOP step.
STEP_ROLES = {
    SOPStep.KOREKSI: Role.EDITOR,
    SOPStep.KOREKSI_ULANG: Role.REDAKTUR,
    SOPStep.PUBLIKASI: Role.WEBADMIN,
}


def provide_sop_workflow(sender, opd, home, english_home, groups=None, **kwargs):
    """Receiver of ``opd_provisioned``: the OPD's site gets its own SOP workflow (both languages)."""
    if groups is None:  # complete_site() on an existing OPD: its groups exist already
        groups = {Role(r.role): r.group for r in opd.roles.select_related("group")}
    ensure_sop_workflow(
        opd.name, [home, english_home], {step: groups[role] for step, role in STEP_ROLES.items()}
    )
