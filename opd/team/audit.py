"""Every change to an OPD's people goes into Wagtail's audit log, tagged with the OPD.

Entries are ``ModelLogEntry`` rows on the person (so Wagtail's own site history shows them
to the Web Developer), with ``data["opd"]`` naming the OPD whose team changed; the
"Perubahan tim" report of an OPD lists the entries tagged with it. A change that concerns
the whole account (name, e-mail, active) is written once per OPD the person belongs to.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

ACTION_PREFIX = "team."

# action: (label in filters, message in listings)
ACTIONS = {
    "team.invited": (_("Akun dibuat"), _("Akun dibuat dan undangan dikirim")),
    "team.joined": (_("Akun ditambahkan ke tim"), _("Akun yang sudah ada ditambahkan ke tim")),
    "team.invitation_resent": (_("Undangan dikirim ulang"), _("Undangan dikirim ulang")),
    "team.password_link_sent": (
        _("Tautan kata sandi dikirim"),
        _("Tautan untuk mengatur kata sandi dikirim"),
    ),
    "team.password_set": (_("Kata sandi diatur"), _("Kata sandi diatur melalui tautan")),
    "team.account_changed": (_("Data akun diubah"), _("Data akun diubah")),
    "team.role_added": (_("Peran ditambahkan"), _("Peran ditambahkan")),
    "team.role_removed": (_("Peran dicabut"), _("Peran dicabut")),
    "team.deactivated": (_("Akun dinonaktifkan"), _("Akun dinonaktifkan")),
    "team.reactivated": (_("Akun diaktifkan kembali"), _("Akun diaktifkan kembali")),
}

FIELD_LABELS = {"first_name": _("nama depan"), "last_name": _("nama belakang"), "email": _("surel")}


class TeamLogFormatter(LogFormatter):
    """Adds the role or the changed fields recorded in the entry to the action's message."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        if data.get("role_label"):
            return f"{self.message}: {data['role_label']}"
        if data.get("changes"):
            parts = [
                f"{FIELD_LABELS.get(field, field)} «{old}» → «{new}»"
                for field, (old, new) in data["changes"].items()
            ]
            return f"{self.message}: {'; '.join(parts)}"
        return str(self.message)


def register_actions(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action)(
            type("_TeamLogFormatter", (TeamLogFormatter,), {"label": label, "message": message})
        )


def person_title(person):
    """The entry's label: full name and username, so the report reads without opening the account."""
    full_name = person.get_full_name()
    return f"{full_name} ({person.get_username()})" if full_name else person.get_username()


def log_team_change(person, action, opds, user=None, **data):
    """Log ``action`` on ``person`` once per OPD in ``opds``; ``user`` defaults to the admin request's."""
    for opd in opds:
        log(
            instance=person,
            action=action,
            user=user,
            title=person_title(person),
            data={"opd": opd.pk, "opd_name": opd.name, "person": person.get_username(), **data},
        )
