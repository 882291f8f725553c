"""Forms of the team admin. They offer only the OPD's own role groups and no privilege field."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from .people import suggest_username
from .policy import has_rights_beyond_opds, opds_of, review_roles_conflict, team_of

User = get_user_model()


class RoleField(forms.ModelMultipleChoiceField):
    """The OPD's four role groups as checkboxes, labelled with the SOP role."""

    widget = forms.CheckboxSelectMultiple
    default_error_messages = {"invalid_choice": _("Hanya peran OPD ini yang dapat dipilih.")}

    def label_from_instance(self, group):
        return group.opd_role.get_role_display()


class PersonForm(forms.Form):
    first_name = forms.CharField(label=_("Nama depan"), max_length=150)
    last_name = forms.CharField(label=_("Nama belakang"), max_length=150, required=False)
    email = forms.EmailField(label=_("Surel"), max_length=254)
    groups = RoleField(
        label=_("Peran di OPD ini"),
        queryset=Group.objects.none(),
        required=False,
        help_text=_("Web Administrator mengelola tim dan menerbitkan (SOP langkah 8)."),
    )

    def __init__(self, *args, opd, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.opd = opd
        self.person = person
        # Provisioning creates the groups in SOP order, so the primary key gives that order.
        self.fields["groups"].queryset = (
            Group.objects.filter(opd_role__opd=opd).select_related("opd_role").order_by("pk")
        )

    def clean_email(self):
        return User.objects.normalize_email(self.cleaned_data["email"]).strip()

    def others_with_email(self, email):
        others = User.objects.filter(email__iexact=email)
        return others.exclude(pk=self.person.pk) if self.person else others

    def clean_groups(self):
        groups = self.cleaned_data["groups"]
        conflict = review_roles_conflict(groups)
        if conflict:
            raise forms.ValidationError(conflict)
        return groups


class PersonCreateForm(PersonForm):
    username = forms.CharField(
        label=_("Nama pengguna"),
        max_length=150,
        required=False,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Dipakai untuk masuk. Kosongkan untuk memakai bagian depan alamat surel."),
    )
    field_order = ["first_name", "last_name", "email", "username", "groups"]

    existing = None  # an account of another OPD that joins this team

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if username and User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Nama pengguna ini sudah dipakai."))
        return username

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if "groups" in cleaned and not cleaned["groups"]:
            self.add_error("groups", _("Pilih minimal satu peran."))
        if not email:
            return cleaned
        others = list(self.others_with_email(email)[:2])
        if len(others) == 1:
            other = others[0]
            if team_of(self.opd).filter(pk=other.pk).exists():
                self.add_error("email", _("Orang ini sudah ada di tim; ubah perannya dari daftar tim."))
            elif other.is_active and not has_rights_beyond_opds(other):
                # Diskominfo staff often serve two OPDs: one account, roles in each.
                self.existing = other
            else:
                self.add_error(
                    "email",
                    _(
                        "Alamat surel ini milik akun yang tidak dapat Anda tambahkan ke tim; "
                        "hubungi Web Developer."
                    ),
                )
        elif others:
            self.add_error("email", _("Beberapa akun memakai alamat surel ini; hubungi Web Developer."))
        elif not cleaned.get("username") and "username" not in self.errors:
            cleaned["username"] = suggest_username(email)
        return cleaned


class PersonEditForm(PersonForm):
    def __init__(self, *args, account_editable, **kwargs):
        super().__init__(*args, **kwargs)
        self.account_editable = account_editable
        person = self.person
        self.initial.update(
            {
                "first_name": person.first_name,
                "last_name": person.last_name,
                "email": person.email,
                "groups": list(person.groups.filter(opd_role__opd=self.opd)),
            }
        )
        if not account_editable:
            # Disabled fields keep their initial value whatever a request sends.
            for name in ("first_name", "last_name", "email"):
                self.fields[name].disabled = True
                self.fields[name].required = False
        # Someone who is in no other OPD leaves the team by deactivation, not by losing every role.
        self.must_keep_a_role = not opds_of(person).exclude(pk=self.opd.pk).exists()
        if not self.must_keep_a_role:
            self.fields["groups"].help_text = _(
                "Orang ini juga anggota OPD lain. Tanpa peran di OPD ini, ia keluar dari tim OPD ini."
            )

    def clean(self):
        cleaned = super().clean()
        if "groups" in cleaned and not cleaned["groups"] and self.must_keep_a_role:
            self.add_error(
                "groups",
                _("Pilih minimal satu peran. Untuk memberhentikan orang ini dari tim, nonaktifkan akunnya."),
            )
        email = cleaned.get("email")
        if self.account_editable and email and self.others_with_email(email).exists():
            self.add_error("email", _("Alamat surel ini sudah dipakai akun lain."))
        return cleaned

    def account_data(self):
        if not self.account_editable:
            return None
        return {name: self.cleaned_data[name] for name in ("first_name", "last_name", "email")}
