"""Provision an OPD: site, home page, collection, role groups, permissions and workflow.

This is the one place that ties a site to its workflow (``moderation``) and to its first
Web Administrator (``team``). Everything happens in one transaction, so a failure leaves
the database as it was and sends no e-mail.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
)

from opd.team.people import AppointmentRefused, appoint_web_administrator

from .kinds import DEFAULT_KIND, validate_kind
from .models import OPD, OPDRole, SiteBranding
from .roles import (
    ADMIN_ACCESS_PERMISSION,
    COLLECTION_PERMISSIONS,
    PAGE_PERMISSIONS,
    SITE_SETTING_PERMISSIONS,
    SNIPPET_PERMISSIONS,
    TRANSLATION_PERMISSION,
    Role,
    group_name,
)
from .signals import opd_provisioned

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$")
HOSTNAME_LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


@dataclass
class ProvisionResult:
    opd: OPD
    created: bool
    # The first Web Administrator named by admin_email, and "created", "added" or "unchanged".
    admin: object = None
    admin_status: str = ""


def validate_slug(slug):
    if not SLUG_RE.match(slug or ""):
        raise ValidationError(
            _("Kode OPD '%(slug)s' tidak sah: gunakan huruf kecil, angka dan tanda hubung (maks. 50).")
            % {"slug": slug}
        )


def validate_hostname(hostname):
    """A bare host name (no scheme, port, path or spaces), e.g. dinkes.ketapangkab.go.id."""
    labels = (hostname or "").split(".")
    if len(hostname or "") > 253 or not all(HOSTNAME_LABEL_RE.match(label) for label in labels):
        raise ValidationError(
            _(
                "Nama host '%(host)s' tidak sah: tulis nama host saja, huruf kecil, "
                "tanpa skema, port, garis miring atau spasi (contoh: dinkes.ketapangkab.go.id)."
            )
            % {"host": hostname}
        )


def normalise_admin_email(email):
    """The e-mail of the OPD's first Web Administrator, checked before anything is created."""
    email = get_user_model().objects.normalize_email((email or "").strip())
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            _("Alamat surel Web Administrator '%(email)s' tidak sah.") % {"email": email}
        ) from None
    return email


def _default_locale():
    return Locale.get_default()


def _create_home_page(name, slug):
    root = Page.get_first_root_node()
    # The page type comes from a setting: opd stands below the page apps and imports none.
    home_page_model = apps.get_model(settings.PORTAL_SITE_ROOT_PAGE_MODEL)
    home = home_page_model(title=name, slug=slug, locale=_default_locale())
    root.add_child(instance=home)
    home.save_revision().publish(skip_permission_checks=True)
    return home


def _ensure_english_root(home):
    """The English tree of a site starts at a translation of its Indonesian home page."""
    en, _created = Locale.objects.get_or_create(language_code="en")
    translation = home.get_translation_or_none(en)
    if translation is None:
        translation = home.copy_for_translation(en)
        translation.save_revision().publish(skip_permission_checks=True)
    return translation


def _grant_permissions(opd, groups, root_pages):
    access_admin = Permission.objects.get(
        content_type__app_label=ADMIN_ACCESS_PERMISSION[0], codename=ADMIN_ACCESS_PERMISSION[1]
    )
    submit_translation = Permission.objects.get(
        content_type__app_label=TRANSLATION_PERMISSION[0], codename=TRANSLATION_PERMISSION[1]
    )
    for role, group in groups.items():
        group.permissions.add(access_admin, submit_translation)
        for codename in PAGE_PERMISSIONS.get(role, []):
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            for page in root_pages:
                GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        for app_label, codename in COLLECTION_PERMISSIONS[role]:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=opd.collection, permission=permission
            )
        for app_label, codename in SITE_SETTING_PERMISSIONS.get(role, []):
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            GroupSitePermission.objects.get_or_create(group=group, site=opd.site, permission=permission)
        group.permissions.add(
            *(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in SNIPPET_PERMISSIONS.get(role, [])
            )
        )


def _ensure_groups(opd):
    groups = {}
    for role in Role:
        opd_role = opd.roles.filter(role=role).select_related("group").first()
        if opd_role is None:
            group = Group.objects.create(name=group_name(opd.name, role))
            opd_role = OPDRole.objects.create(opd=opd, role=role, group=group)
        groups[Role(role)] = opd_role.group
    return groups


def ensure_role_groups(opd):
    """Give an existing OPD every role group it lacks (a role added after it was provisioned).

    Used by ``ensure_opd_roles`` when a role such as PPID joins the OPD roles design.
    """
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        root_pages = list(opd.root_pages())
        groups = _ensure_groups(opd)
        _grant_permissions(opd, groups, root_pages)
        return groups


def complete_site(opd):
    """Let the feature apps complete an existing OPD's site (its PPID page in both languages and
    menu entry, ppid/provisioning.py), as provisioning does for a new one. Idempotent."""
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        home = opd.site.root_page.specific
        english_home = _ensure_english_root(home)
        opd_provisioned.send(sender=OPD, opd=opd, home=home, english_home=english_home)


def _check_conflicts(slug, hostname, port, name):
    existing = OPD.objects.filter(slug=slug).select_related("site").first()
    # Any port: a site on port 80 would capture the requests that arrive without a port (issue 25).
    clash = Site.objects.filter(hostname__iexact=hostname)
    if existing:
        clash = clash.exclude(pk=existing.site_id)
        if existing.site.hostname != hostname or existing.site.port != port:
            raise ValidationError(
                _("OPD '%(slug)s' sudah ada dengan host %(host)s; host tidak diubah oleh perintah ini.")
                % {"slug": slug, "host": existing.site.hostname}
            )
    if clash.exists():
        raise ValidationError(_("Nama host '%(host)s' sudah dipakai situs lain.") % {"host": hostname})
    if not existing and Page.objects.filter(depth=2, slug=slug).exists():
        raise ValidationError(_("Sudah ada halaman akar dengan kode '%(slug)s'.") % {"slug": slug})
    if not existing and Group.objects.filter(name__in=[group_name(name, r) for r in Role]).exists():
        raise ValidationError(_("Grup untuk OPD '%(name)s' sudah ada; pilih nama lain.") % {"name": name})
    return existing


def provision_opd(
    slug, name, hostname, port=80, is_portal=False, default_site=False, admin_email=None, kind=DEFAULT_KIND
):
    """Create the OPD with everything it needs, or complete an existing one; never duplicate.

    ``admin_email`` names the OPD's first Web Administrator: the account is created and
    invited if there is none with that e-mail, and added to the OPD's Web Administrator group.
    ``kind`` (opd/kinds.py) is passed on in ``opd_provisioned``: e.g. ``jdih`` makes the app that
    registered it add its pages (news/jdih/provisioning.py).
    """
    # The names it stores (groups, workflow, tasks) are the SOP's Indonesian words whatever
    # language is active: a request to an /en/ page leaves English active in its thread.
    with translation.override(settings.LANGUAGE_CODE):
        return _provision_opd(slug, name, hostname, port, is_portal, default_site, admin_email, kind)


@transaction.atomic
def _provision_opd(slug, name, hostname, port, is_portal, default_site, admin_email, kind):
    validate_slug(slug)
    validate_kind(kind)
    if admin_email is not None:
        admin_email = normalise_admin_email(admin_email)
    hostname = (hostname or "").strip()
    validate_hostname(hostname)
    if not (name or "").strip():
        raise ValidationError(_("Nama OPD wajib diisi."))
    existing = _check_conflicts(slug, hostname, port, name)

    created = existing is None
    if created:
        home = _create_home_page(name, slug)
        collection = Collection.get_first_root_node().add_child(name=name)
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            site_name=name,
            is_default_site=default_site,
        )
        opd = OPD.objects.create(slug=slug, name=name, site=site, collection=collection, is_portal=is_portal)
        SiteBranding.objects.create(site=site, official_name=name, short_name=name)
    else:
        opd = existing
        home = opd.site.root_page.specific

    english_home = _ensure_english_root(home)
    root_pages = [home, english_home]
    groups = _ensure_groups(opd)
    _grant_permissions(opd, groups, root_pages)
    # The SOP workflow (moderation/provisioning.py) and the PPID pages answer this signal.
    opd_provisioned.send(sender=OPD, opd=opd, home=home, english_home=english_home, groups=groups, kind=kind)
    result = ProvisionResult(opd=opd, created=created)
    if admin_email:
        try:
            result.admin, result.admin_status = appoint_web_administrator(opd, admin_email)
        except AppointmentRefused as error:
            raise ValidationError(str(error)) from error
    return result
