"""The dashboard panel "Penugasan liputan saya": the coverage a Penulis / Tim Peliput has to do."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .models import Assignment, Status


def open_assignments_for(user):
    return list(
        Assignment.objects.filter(assignees=user, status__in=[Status.ASSIGNED, Status.STARTED])
        .select_related("opd")
        .order_by("due_at")
    )


class MyAssignmentsPanel(Component):
    name = "penugasan_saya"
    order = 40
    template_name = "newsroom/panels/my_assignments.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["items"] = open_assignments_for(self.user)
        context["now"] = timezone.now()
        return context
