"""Assignments for tests: the models straight, for the state a test starts from."""

from datetime import timedelta

from django.utils import timezone

from moderation.newsroom.models import Assignment


def make_assignment(opd, assignees, title="Peresmian Puskesmas", starts_at=None, **fields):
    starts_at = starts_at or timezone.now() + timedelta(hours=1)
    fields.setdefault("place", "Puskesmas Sukaharja")
    fields.setdefault("due_at", starts_at + timedelta(hours=5))
    assignment = Assignment.objects.create(opd=opd, title=title, starts_at=starts_at, **fields)
    assignment.assignees.set(assignees)
    return assignment
