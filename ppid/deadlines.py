"""The legal clock of UU 14/2008 and Perki 1/2021, in working days (``workdays``).

A request is answered within 10 working days of receipt, extendable once by 7 working
days (art. 22(7)-(8)); an objection is filed within 30 working days (art. 36(1)) and
answered within 30 working days (art. 36(2)). The day of receipt itself is not counted.
"""

from django.utils import timezone

from portal.workdays.calendar import add_working_days

ANSWER_DAYS = 10
EXTENSION_DAYS = 7
OBJECTION_FILING_DAYS = 30
OBJECTION_ANSWER_DAYS = 30


def answer_due(received_at):
    return add_working_days(timezone.localtime(received_at).date(), ANSWER_DAYS)


def extended_due(due_date):
    return add_working_days(due_date, EXTENSION_DAYS)


def objection_filing_closes(request):
    """The last day an objection may be filed: 30 working days after the answer, or after
    the deadline passed unanswered; None while the request is open and within its time."""
    if request.closed_at:
        return add_working_days(timezone.localtime(request.closed_at).date(), OBJECTION_FILING_DAYS)
    if timezone.localdate() > request.due_date:
        return add_working_days(request.due_date, OBJECTION_FILING_DAYS)
    return None


def objection_due(filed_at):
    return add_working_days(timezone.localtime(filed_at).date(), OBJECTION_ANSWER_DAYS)
