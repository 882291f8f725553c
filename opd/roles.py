"""The SOP's roles inside one OPD, and what each may do there.

Every OPD gets its own group per role; the permissions below are granted on that OPD's
pages (both language trees), its media collection and its site settings only.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PENULIS = "penulis", _("Penulis Artikel / Tim Peliput")
    EDITOR = "editor", _("Editor")
    REDAKTUR = "redaktur", _("Redaktur")
    WEBADMIN = "webadmin", _("Web Administrator")
    # UU 14/2008: the OPD's information officer (ppid/); no SOP step.
    PPID = "ppid", _("PPID")


# Nobody holds "publish_page": the SOP's last task publishes on the workflow's
# authority, so no role can put a page in front of the public without the SOP.
PAGE_PERMISSIONS = {
    Role.PENULIS: ["add_page", "change_page"],
    Role.EDITOR: ["add_page", "change_page"],
    Role.REDAKTUR: ["add_page", "change_page"],
    Role.WEBADMIN: ["add_page", "change_page", "lock_page", "unlock_page"],
    # The PPID drafts the DIP entries and the Standar Pelayanan like a Penulis; they reach
    # the public through the SOP like any page.
    Role.PPID: ["add_page", "change_page"],
}

# Wagtail checks image and document rights against its own models' permissions
# (wagtailimages.add_image, ...), whatever the custom model. "add" lets a Penulis edit
# the media they uploaded; "change" lets reviewers correct any caption or credit.
_WRITER_MEDIA = ["add", "choose"]
_REVIEWER_MEDIA = ["add", "change", "choose"]
COLLECTION_PERMISSIONS = {
    role: [
        (app_label, f"{action}_{kind}")
        for app_label, kind in (("wagtailimages", "image"), ("wagtaildocs", "document"))
        for action in (_WRITER_MEDIA if role in (Role.PENULIS, Role.PPID) else _REVIEWER_MEDIA)
    ]
    for role in Role
}

# Site settings (branding, menus) belong to the OPD's Web Administrator, granted per site
# (Wagtail's GroupSitePermission), so they can never edit another OPD's.
SITE_SETTING_PERMISSIONS = {
    Role.WEBADMIN: [("opd", "change_sitebranding"), ("navigation", "change_sitenavigation")],
}

# Per-site snippets (news categories) belong to the Web Administrator too. Wagtail grants
# snippet rights per model; opd/snippets.py keeps each OPD to the snippets of its own sites.
SNIPPET_PERMISSIONS = {
    Role.WEBADMIN: [
        ("news", "add_newscategory"),
        ("news", "change_newscategory"),
        ("news", "delete_newscategory"),
    ],
}

# Every role may start a translation of the OPD's pages with wagtail-localize ("Terjemahkan
# halaman ini") and sync it. The permission is global, but the admin refuses another OPD's
# pages, translations and snippets (opd/middleware.py), and the English page still reaches
# the public only through the OPD's SOP (translations/).
TRANSLATION_PERMISSION = ("wagtail_localize", "submit_translation")

# What a Wagtail admin user needs to reach the admin at all.
ADMIN_ACCESS_PERMISSION = ("wagtailadmin", "access_admin")


def group_name(opd_name, role):
    """The group's name as the admin shows it, e.g. "Dinas Kesehatan — Editor".

    Always in Indonesian, whatever language happens to be active: the name is stored once
    and looked up again on every re-run of provisioning.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return f"{opd_name} — {Role(role).label}"
