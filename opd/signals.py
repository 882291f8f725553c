"""Signals other apps answer to complete an OPD's site without ``opd`` naming them."""

from django.dispatch import Signal

#: Sent by ``provision_opd`` (inside its transaction) each time it creates or completes an
#: OPD, with ``opd``, ``home``, ``english_home`` and (from provisioning) ``groups`` by role and
#: ``kind`` (opd/kinds.py: ``jdih`` makes news/jdih add the legal-products library).
#: Moderation answers with the site's SOP workflow (moderation/provisioning.py), the PPID app
#: with the site's PPID page in both languages and its menu entry (ppid/provisioning.py).
opd_provisioned = Signal()
