"""The OPD-scoped people admin ("Tim OPD") and the public page where a person sets a password.

Every admin view starts from the OPD in the URL, which must be one the requester
administers, and from a person who must be in that OPD's team; anything else is refused
with 403 before a form is even built, so no request can reach another OPD's people.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import Group
from django.contrib.auth.views import PasswordResetConfirmView
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from opd.scoping import opds_administered_by

from . import people
from .audit import log_team_change
from .forms import PersonCreateForm, PersonEditForm
from .invitations import invitation_tokens, password_link_tokens
from .policy import authority, opds_of, team_of

# Fields that grant rights beyond an OPD's roles. The forms ignore them anyway; a request
# carrying one is forged, so it is refused outright rather than half-applied.
PRIVILEGE_FIELDS = frozenset(
    {"is_superuser", "is_staff", "is_active", "user_permissions", "password", "password1", "password2"}
)


def _refuse_forged(request, extra=()):
    if request.method == "POST" and (PRIVILEGE_FIELDS | set(extra)) & set(request.POST):
        raise PermissionDenied


def _opd(request, opd_slug):
    opd = opds_administered_by(request.user).filter(slug=opd_slug).first()
    if opd is None:
        raise PermissionDenied
    return opd


def _person(request, opd, user_id, need="roles"):
    """The team member and what the requester may change; 403 when they may not ``need``."""
    person = team_of(opd).filter(pk=user_id).first()
    if person is None:
        raise PermissionDenied
    allowed = authority(request.user, person, opd)
    if not getattr(allowed, need):
        raise PermissionDenied
    return person, allowed


def index(request):
    """Straight to the team of the one OPD one administers; a choice when there are several."""
    opds = opds_administered_by(request.user)
    if not opds.exists():
        raise PermissionDenied
    if opds.count() == 1:
        return redirect("team_people", opd_slug=opds.get().slug)
    return TemplateResponse(request, "team/index.html", {"opds": opds})


STATUS_FILTERS = {
    "aktif": Q(is_active=True),
    "nonaktif": Q(is_active=False),
}


def people_list(request, opd_slug):
    opd = _opd(request, opd_slug)
    members = team_of(opd).prefetch_related(
        Prefetch(
            "groups",
            queryset=Group.objects.filter(opd_role__opd=opd).select_related("opd_role").order_by("pk"),
            to_attr="opd_groups",
        )
    )
    query = request.GET.get("q", "").strip()
    if query:
        members = members.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
        )
    status = request.GET.get("status", "")
    if status in STATUS_FILTERS:
        members = members.filter(STATUS_FILTERS[status])
    rows = [(person, authority(request.user, person, opd)) for person in members]
    return TemplateResponse(
        request,
        "team/people.html",
        {
            "opd": opd,
            "rows": rows,
            "query": query,
            "status": status,
            "many_opds": opds_administered_by(request.user).count() > 1,
        },
    )


def person_create(request, opd_slug):
    opd = _opd(request, opd_slug)
    _refuse_forged(request)
    form = PersonCreateForm(request.POST or None, opd=opd)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.existing:
            person = people.add_existing_person(opd, request.user, form.existing, data["groups"])
            messages.success(
                request,
                _("%(person)s sudah punya akun dan kini anggota tim; nama dan surelnya tidak diubah.")
                % {"person": person.get_full_name() or person.get_username()},
            )
        else:
            person = people.create_person(
                opd,
                request.user,
                username=data["username"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                groups=data["groups"],
            )
            messages.success(
                request,
                _("Akun %(username)s dibuat; undangan untuk mengatur kata sandi dikirim ke %(email)s.")
                % {"username": person.get_username(), "email": person.email},
            )
        return redirect("team_people", opd_slug=opd.slug)
    return TemplateResponse(
        request, "team/person_form.html", {"opd": opd, "form": form, "title": _("Tambah anggota tim")}
    )


def person_edit(request, opd_slug, user_id):
    opd = _opd(request, opd_slug)
    _refuse_forged(request, extra=("username",))
    person, allowed = _person(request, opd, user_id)
    form = PersonEditForm(request.POST or None, opd=opd, person=person, account_editable=allowed.account)
    if request.method == "POST" and form.is_valid():
        people.update_person(
            opd, request.user, person, groups=form.cleaned_data["groups"], account=form.account_data()
        )
        messages.success(
            request, _("Perubahan pada %(person)s disimpan.") % {"person": person.get_username()}
        )
        return redirect("team_people", opd_slug=opd.slug)
    return TemplateResponse(
        request,
        "team/person_form.html",
        {
            "opd": opd,
            "form": form,
            "person": person,
            "authority": allowed,
            "title": person.get_full_name() or person.get_username(),
        },
    )


def person_deactivate(request, opd_slug, user_id):
    opd = _opd(request, opd_slug)
    person, _allowed = _person(request, opd, user_id, need="account")
    if request.method == "POST":
        if person.is_active:
            people.deactivate(request.user, person)
        messages.success(
            request,
            _(
                "Akun %(person)s dinonaktifkan: tidak dapat masuk lagi; tulisan dan riwayatnya "
                "tetap tercatat atas namanya."
            )
            % {"person": person.get_username()},
        )
        return redirect("team_people", opd_slug=opd.slug)
    return TemplateResponse(request, "team/confirm_deactivate.html", {"opd": opd, "person": person})


@require_POST
def person_reactivate(request, opd_slug, user_id):
    opd = _opd(request, opd_slug)
    person, _allowed = _person(request, opd, user_id, need="account")
    if not person.is_active:
        people.reactivate(request.user, person)
    messages.success(request, _("Akun %(person)s aktif kembali.") % {"person": person.get_username()})
    return redirect("team_edit", opd_slug=opd.slug, user_id=person.pk)


@require_POST
def person_password_link(request, opd_slug, user_id):
    opd = _opd(request, opd_slug)
    person, _allowed = _person(request, opd, user_id)
    if not person.is_active:
        raise PermissionDenied
    people.send_password_setting_link(opd, request.user, person)
    messages.success(
        request,
        _("Tautan untuk mengatur kata sandi dikirim ke %(email)s.") % {"email": person.email},
    )
    return redirect("team_edit", opd_slug=opd.slug, user_id=person.pk)


class SetPasswordView(PasswordResetConfirmView):
    """Django's own password-reset confirmation, with the portal's token and words.

    It never logs the person in: they sign in through the normal login afterwards, so
    whatever the login demands (a second factor, for instance) still applies.
    """

    template_name = "team/set_password.html"
    success_url = reverse_lazy("team_password_done")
    post_reset_login = False
    token_generator = password_link_tokens
    title = gettext_lazy("Atur kata sandi")

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form):
        response = super().form_valid(form)
        log_team_change(form.user, "team.password_set", opds_of(form.user), user=form.user)
        return response


class AcceptInvitationView(SetPasswordView):
    token_generator = invitation_tokens
    title = gettext_lazy("Selamat datang: buat kata sandi Anda")


@login_not_required
def password_done(request):
    return TemplateResponse(
        request, "team/set_password_done.html", {"login_url": reverse("wagtailadmin_login")}
    )
