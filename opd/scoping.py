"""What part of the install a user's OPD membership lets them see in the admin.

Wagtail's permissions already decide what a user may *do*; these helpers decide what
they may *see* where Wagtail lists the whole install (page chooser, explorer filters).
A superuser (the Web Developer) sees everything.
"""

from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Page, Site

from .models import OPD

_CACHE_ATTR = "_portal_opd_root_paths"


def opd_root_paths(user):
    """Tree paths of the home pages (every language) of the OPDs the user belongs to."""
    if not hasattr(user, _CACHE_ATTR):
        site_roots = OPD.objects.for_user(user).values_list("site__root_page__translation_key", flat=True)
        paths = list(
            Page.objects.filter(translation_key__in=site_roots, depth=2).values_list("path", flat=True)
        )
        setattr(user, _CACHE_ATTR, paths)
    return getattr(user, _CACHE_ATTR)


def opd_pages_q(user):
    """A filter for pages inside the user's OPD trees (nothing at all when they have none)."""
    paths = opd_root_paths(user)
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(path__startswith=path) for path in paths))


def page_is_visible_to(page, user):
    if user.is_superuser or page.is_root():
        return True
    return any(page.path.startswith(path) for path in opd_root_paths(user))


def object_is_visible_to(instance, user):
    """Whether an admin object (a page, or a snippet with a ``site``) belongs to the user's OPDs.

    Objects of models that belong to no site (locales, workflows) are everyone's.
    """
    if user.is_superuser:
        return True
    if isinstance(instance, Page):
        return page_is_visible_to(instance, user)
    site_id = getattr(instance, "site_id", None)
    if site_id is None:
        return True
    return OPD.objects.for_user(user).filter(site_id=site_id).exists()


def visible_sites(request):
    if request is None or request.user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(opd__in=OPD.objects.for_user(request.user))


def visible_people(request):
    """Users who share an OPD with the requester (for owner / edited-by filters)."""
    users = get_user_model().objects.all()
    if request is None or request.user.is_superuser:
        return users
    return users.filter(groups__opd_role__opd__in=OPD.objects.for_user(request.user)).distinct()


def remember(user, key, compute):
    """``compute()`` once per user object (one request): menus ask the same question many times."""
    store = user.__dict__.setdefault("_portal_scoping", {})
    if key not in store:
        store[key] = compute()
    return store[key]


def memberships(user):
    """The user's OPD roles as (opd id, role, is the portal), read once per request.

    The admin menu asks "belongs to an OPD?", "Web Administrator anywhere?", "the portal's
    Redaktur?" several times each; one query answers them all.
    """
    from .models import OPDRole

    return remember(
        user,
        "memberships",
        lambda: list(
            OPDRole.objects.filter(group__user=user)
            .values_list("opd_id", "role", "opd__is_portal")
            .distinct()
        ),
    )


def belongs_to_any(user):
    """Whether ``OPD.objects.for_user(user)`` holds any OPD (a superuser: whether any OPD exists)."""
    if user.is_superuser:
        return remember(user, "any_opd", lambda: OPD.objects.exists())
    return bool(memberships(user))


def opds_reported_to(user):
    """The OPDs whose reports a user reads: every OPD for the Web Developer and the regency
    portal's Redaktur (Diskominfo's overview), otherwise the user's own OPDs."""
    if user.is_superuser or is_portal_redaktur(user):
        return OPD.objects.all()
    return OPD.objects.for_user(user)


def is_portal_redaktur(user):
    from .roles import Role

    return any(is_portal and role == Role.REDAKTUR for _opd, role, is_portal in memberships(user))


def reads_reports(user):
    """Whether the user reads any OPD's reports (the reports menu items)."""
    # Every OPD (superuser, the portal's Redaktur) or the user's own: any at all is the same question.
    return belongs_to_any(user)
