from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .importer import IMPORT_ACTION


@hooks.register("register_log_actions")
def register_import_action(actions):
    actions.register_action(IMPORT_ACTION, _("Diimpor dari WordPress"), _("Diimpor dari WordPress"))
