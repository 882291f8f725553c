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

from portal.core.performance import kept_per_worker

from .models import OPD
from .roles import Role

_CACHE_ATTR = "_portal_opd_root_paths"


def opd_root_paths(user):
    """Tree paths of the home pages (every language) of the OPDs the user belongs to."""
    if not hasattr(user, _CACHE_ATTR):
        if user.is_superuser:
            site_roots = OPD.objects.for_user(user).values_list("site__root_page__translation_key", flat=True)
            paths = list(
                Page.objects.filter(translation_key__in=site_roots, depth=2).values_list("path", flat=True)
            )
        else:  # from the roles the menus read anyway, and the home pages this worker keeps
            homes = home_paths_by_translation_key()
            paths = [path for key in {row[3] for row in _role_rows(user)} for path in homes.get(key, ())]
        setattr(user, _CACHE_ATTR, paths)
    return getattr(user, _CACHE_ATTR)


HOMES_KEY = "portal:home-pages-version"
_homes = kept_per_worker()


def home_paths_by_translation_key():
    """The tree paths of every home page (depth 2: each site's root, in each language), by
    translation key; kept per worker until a home page is added, deleted or moved."""
    from portal.core.performance import _version

    def read():
        by_key = {}
        for key, path in Page.objects.filter(depth=2).values_list("translation_key", "path"):
            by_key.setdefault(key, []).append(path)
        return by_key

    return _homes.at(_version(HOMES_KEY)).kept("by_key", read)


def forget_home_pages(instance=None, created=True, **kwargs):
    """post_save / post_delete / post_page_move receiver: a home page came, went or moved."""
    from portal.core.performance import new_version

    moved = "parent_page_before" in kwargs
    if moved or (isinstance(instance, Page) and created and instance.depth == 2):
        new_version(HOMES_KEY)
        _homes.clear()


def opd_pages_q(user):
    """A filter for pages inside the user's OPD trees (nothing at all when they have none)."""
    paths = opd_root_paths(user)
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(path__startswith=path) for path in paths))


def visible_pages(user, pages=None):
    """``pages`` (every page by default) limited to the user's OPD trees; all for a superuser.

    The one rule for "which pages may this user see named": bulk actions, choosers and
    reports apply it wherever Wagtail would otherwise read the whole tree.
    """
    pages = Page.objects.all() if pages is None else pages
    if user.is_superuser:
        return pages
    return pages.filter(opd_pages_q(user))


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


def visible_workflows(request):
    """Workflows assigned to a page of the requester's OPDs (the workflow reports' filters)."""
    from wagtail.models import Workflow, WorkflowPage

    workflows = Workflow.objects.all()
    if request is None or request.user.is_superuser:
        return workflows
    own_pages = visible_pages(request.user).values("pk")
    return workflows.filter(pk__in=WorkflowPage.objects.filter(page__in=own_pages).values("workflow"))


def visible_tasks(request):
    """Tasks of the requester's OPDs' workflows (the workflow tasks report's filter)."""
    from wagtail.models import Task

    tasks = Task.objects.all()
    if request is None or request.user.is_superuser:
        return tasks
    return tasks.filter(workflow_tasks__workflow__in=visible_workflows(request)).distinct()


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
    return remember(user, "memberships", lambda: sorted({row[:3] for row in _role_rows(user)}))


def _role_rows(user):
    """(opd id, role, is the portal, the OPD home page's translation key) of each of the
    user's roles: one query a request answers the menus and the OPD scoping."""
    from .models import OPDRole

    return remember(
        user,
        "role_rows",
        lambda: list(
            OPDRole.objects.filter(group__user=user)
            .values_list("opd_id", "role", "opd__is_portal", "opd__site__root_page__translation_key")
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


def opds_administered_by(user):
    if user.is_superuser:
        return OPD.objects.all()
    return OPD.objects.filter(roles__role=Role.WEBADMIN, roles__group__user=user).distinct()


def administers_any(user):
    """Whether the user is a Web Administrator anywhere (asked by several menu items per request)."""
    if user.is_superuser:
        return remember(user, "administers_any", lambda: opds_administered_by(user).exists())
    return any(role == Role.WEBADMIN for _opd, role, _portal in memberships(user))
