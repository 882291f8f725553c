"""Plt / Plh: an OPD's Web Administrator hands a role to a colleague for a period.

The delegation itself (``Delegation``) knows only a group; this module is where OPD
rules apply: the role must be one of the administrator's own OPD, and the
delegate a member of that same OPD.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from opd.models import OPD
from opd.scoping import opds_administered_by

from .models import Delegation


def _opd_data(delegation):
    """Tags the log entry with the OPD, so the OPD's "Perubahan tim" report lists it."""
    opd = OPD.objects.filter(roles__group=delegation.group_id).first()
    return {"opd": opd.pk, "opd_name": opd.name} if opd else {}


class DelegationForm(forms.ModelForm):
    class Meta:
        model = Delegation
        fields = ["group", "delegate", "starts_at", "ends_at", "reason"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        opds = opds_administered_by(user)
        self.fields["group"].queryset = Group.objects.filter(opd_role__opd__in=opds).order_by("name")
        self.fields["delegate"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__opd_role__opd__in=opds)
            .distinct()
            .order_by("username")
        )
        self.fields["delegate"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} ({u.username})"
        )

    def clean(self):
        cleaned = super().clean()
        group, delegate = cleaned.get("group"), cleaned.get("delegate")
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("Waktu berakhir harus sesudah waktu mulai."))
        if group and delegate:
            opd = group.opd_role.opd
            if delegate.pk == self.user.pk:
                # Nobody raises their own rights (see team/policy.py).
                self.add_error("delegate", _("Anda tidak dapat melimpahkan peran kepada diri sendiri."))
            elif not delegate.groups.filter(opd_role__opd=opd).exists():
                self.add_error("delegate", _("Pelaksana harus pegawai OPD yang sama."))
            elif delegate.groups.filter(pk=group.pk).exists():
                self.add_error("delegate", _("Pengguna ini sudah memegang peran tersebut."))
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        delegation = super().save(commit=False)
        delegation.delegated_by = self.user
        delegation.save()
        log(
            instance=delegation,
            action="moderation.delegation_granted",
            user=self.user,
            data={
                "role": str(delegation.group),
                "delegate": delegation.delegate.get_username(),
                "starts_at": delegation.starts_at.isoformat(),
                "ends_at": delegation.ends_at.isoformat(),
                "reason": delegation.reason,
                **_opd_data(delegation),
            },
        )
        return delegation


def revoke(delegation, user):
    delegation.revoked_at = timezone.now()
    delegation.save(update_fields=["revoked_at"])
    log(instance=delegation, action="moderation.delegation_revoked", user=user, data=_opd_data(delegation))


def log_ended_delegations(now=None):
    """Write the end of each delegation whose period is over into the audit log, once."""
    now = now or timezone.now()
    ended = Delegation.objects.filter(ends_at__lte=now, end_logged_at__isnull=True, revoked_at__isnull=True)
    count = 0
    for delegation in ended.select_for_update(skip_locked=True):
        log(
            instance=delegation,
            action="moderation.delegation_ended",
            user=None,
            data={"ended_at": delegation.ends_at.isoformat(), **_opd_data(delegation)},
        )
        delegation.end_logged_at = now
        delegation.save(update_fields=["end_logged_at"])
        count += 1
    return count
