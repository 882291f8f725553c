"""Wagtail's login form with a translatable label on the password field.

Wagtail 8 declares the field without a label, so Django shows the bare field name, "Password",
in every language. ``WAGTAILADMIN_USER_LOGIN_FORM`` points here.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
