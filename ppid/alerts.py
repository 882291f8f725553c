"""Stale Informasi Berkala, mailed once per version to the OPD's Web Administrators."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opd.models import OPD
from opd.roles import Role

from . import dip
from .models import StaleNotice


def _key(entry):
    updated = entry.updated_at.isoformat() if entry.updated_at else ""
    return f"{'page' if entry.page_id else 'doc'}:{entry.page_id or entry.title}:{updated}"[:200]


def notify_stale(now=None):
    """Mail each OPD's Web Administrators the Berkala entries newly past six months; return how many."""
    now = now or timezone.now()
    sent = 0
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    for opd in OPD.objects.select_related("site__root_page"):
        stale = [entry for entry in dip.entries(OPD.objects.filter(pk=opd.pk), now=now) if entry.stale]
        new = []
        for entry in stale:
            try:
                with transaction.atomic():
                    StaleNotice.objects.create(opd=opd, key=_key(entry), notified_at=now)
            except IntegrityError:
                continue
            new.append(entry)
        if not new:
            continue
        recipients = sorted(
            set(
                users.filter(groups__opd_role__opd=opd, groups__opd_role__role=Role.WEBADMIN).values_list(
                    "email", flat=True
                )
            )
        )
        if not recipients:
            continue
        lines = "\n".join(f"- {entry.title} ({entry.updated_at:%d-%m-%Y})" for entry in new)
        send_mail(
            _("Informasi berkala %(opd)s perlu diperbarui") % {"opd": opd.name},
            _(
                "Informasi berkala berikut belum diperbarui lebih dari 6 bulan (UU 14/2008 Pasal 9):\n"
                "%(lines)s\n\nLihat Laporan → Daftar Informasi Publik di admin."
            )
            % {"lines": lines},
            None,
            recipients,
        )
        sent += len(new)
    return sent
