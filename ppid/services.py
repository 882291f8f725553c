"""What happens to a request and an objection: registration, status changes, mail.

Every change is one transaction with its ``RequestEvent``; mail goes out after commit and
never carries identity data (the PPID reads it in the admin).
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opd.roles import Role

from . import deadlines
from .models import (
    InformationRequest,
    Objection,
    ObjectionStatus,
    RequestEvent,
    RequestStatus,
)

# Which statuses each status may move to (the PPID's admin buttons).
TRANSITIONS = {
    RequestStatus.DITERIMA: (RequestStatus.DIPROSES, RequestStatus.SELESAI, RequestStatus.DITOLAK),
    RequestStatus.DIPROSES: (RequestStatus.DIPERPANJANG, RequestStatus.SELESAI, RequestStatus.DITOLAK),
    RequestStatus.DIPERPANJANG: (RequestStatus.SELESAI, RequestStatus.DITOLAK),
    RequestStatus.SELESAI: (),
    RequestStatus.DITOLAK: (),
}


def _next_number(prefix, model, field="number"):
    taken = model.objects.filter(**{f"{field}__startswith": prefix}).values_list(field, flat=True)
    highest = max((int(value.rsplit("/", 1)[-1]) for value in taken), default=0)
    return f"{prefix}{highest + 1:04d}"


def _ppid_addresses(opd):
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__opd_role__opd=opd, groups__opd_role__role=Role.PPID)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def _mail_ppid(opd, subject, body):
    recipients = _ppid_addresses(opd)
    if recipients:
        transaction.on_commit(lambda: send_mail(subject, body, None, recipients, fail_silently=True))


def register_request(opd, data, now=None):
    """Store a citizen's request with its number and deadline; tell the OPD's PPID group."""
    now = now or timezone.now()
    prefix = f"PPID/{opd.slug.upper()}/{timezone.localtime(now):%Y}/"
    for _attempt in range(5):
        try:
            with transaction.atomic():
                request = InformationRequest.objects.create(
                    opd=opd,
                    number=_next_number(prefix, InformationRequest),
                    received_at=now,
                    due_date=deadlines.answer_due(now),
                    **data,
                )
                RequestEvent.objects.create(request=request, status=request.status, at=now)
                _mail_ppid(
                    opd,
                    _("Permohonan informasi baru %(number)s") % {"number": request.number},
                    _(
                        "Permohonan informasi %(number)s diterima untuk %(opd)s. Batas waktu jawaban: "
                        "%(due)s. Buka menu PPID di admin untuk memprosesnya."
                    )
                    % {
                        "number": request.number,
                        "opd": opd.name,
                        "due": request.due_date.strftime("%d-%m-%Y"),
                    },
                )
                return request
        except IntegrityError:
            continue  # two requests took the same number at once: take the next one
    raise RuntimeError("No registration number could be allocated.")


def change_status(request, status, user, note="", answer="", rejection_basis=""):
    """Move a request to ``status`` as the PPID ``user`` decides; refuse what the law does not allow."""
    with transaction.atomic():
        request = InformationRequest.objects.select_for_update().get(pk=request.pk)
        if status not in TRANSITIONS[request.status]:
            if status == RequestStatus.DIPERPANJANG and request.extended:
                raise ValidationError(_("Jangka waktu hanya dapat diperpanjang satu kali (7 hari kerja)."))
            raise ValidationError(
                _("Status '%(from)s' tidak dapat diubah menjadi '%(to)s'.")
                % {"from": request.get_status_display(), "to": RequestStatus(status).label}
            )
        if status == RequestStatus.DIPERPANJANG:
            if request.extended:
                raise ValidationError(_("Jangka waktu hanya dapat diperpanjang satu kali (7 hari kerja)."))
            if not note.strip():
                raise ValidationError(_("Tuliskan alasan perpanjangan."))
            request.extended = True
            request.extension_reason = note
            request.due_date = deadlines.extended_due(request.due_date)
        if status == RequestStatus.DITOLAK and not rejection_basis.strip():
            raise ValidationError(_("Penolakan wajib mencantumkan dasar pengecualian (Pasal 17 UU 14/2008)."))
        if status in (RequestStatus.SELESAI, RequestStatus.DITOLAK):
            if not answer.strip():
                raise ValidationError(_("Tuliskan jawaban atau pemberitahuan tertulis kepada pemohon."))
            request.answer = answer
            request.rejection_basis = rejection_basis if status == RequestStatus.DITOLAK else ""
            request.closed_at = timezone.now()
        request.status = status
        request.save()
        RequestEvent.objects.create(request=request, status=status, by=user, note=note)
        return request


def file_objection(request, reason, explanation, now=None):
    """Store an objection on ``request`` if it is within the 30 working days allowed."""
    now = now or timezone.now()
    closes = deadlines.objection_filing_closes(request)
    if closes is None:
        raise ValidationError(
            _("Keberatan dapat diajukan setelah permohonan dijawab atau batas waktu jawabannya terlewati.")
        )
    if timezone.localtime(now).date() > closes:
        raise ValidationError(_("Batas waktu pengajuan keberatan (30 hari kerja) sudah terlewati."))
    with transaction.atomic():
        objection = Objection.objects.create(
            request=request,
            number=_next_number(f"{request.number}/K/", Objection),
            reason=reason,
            explanation=explanation,
            filed_at=now,
            due_date=deadlines.objection_due(now),
        )
        RequestEvent.objects.create(
            request=request, objection=objection, status=f"keberatan:{objection.status}"
        )
        _mail_ppid(
            request.opd,
            _("Keberatan baru %(number)s") % {"number": objection.number},
            _("Keberatan %(number)s diajukan. Batas waktu tanggapan: %(due)s.")
            % {"number": objection.number, "due": objection.due_date.strftime("%d-%m-%Y")},
        )
        return objection


def answer_objection(objection, user, status, answer=""):
    with transaction.atomic():
        objection = Objection.objects.select_for_update().get(pk=objection.pk)
        if objection.status == ObjectionStatus.SELESAI:
            raise ValidationError(_("Keberatan ini sudah selesai."))
        if status == ObjectionStatus.SELESAI:
            if not answer.strip():
                raise ValidationError(_("Tuliskan tanggapan atas keberatan."))
            objection.answer = answer
            objection.closed_at = timezone.now()
        objection.status = status
        objection.save()
        RequestEvent.objects.create(
            request=objection.request, objection=objection, status=f"keberatan:{status}", by=user
        )
        return objection
