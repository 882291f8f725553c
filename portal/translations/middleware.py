"""Keep wagtail-localize's shortcuts to publication behind the SOP.

- "Sync translated pages" offers "Publish immediately", which publishes every translation
  without checking the user's publish permission. A user who may not publish a translation
  is refused that option (they sync, then submit each translation to the SOP).
- "Convert to alias page" makes a page an alias of its original, synced from the
  original's *latest* revision (which may be a draft no reviewer has seen) and live at once.
  Only someone who may publish the page may do it.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from wagtail.models import DraftStateMixin, Page

UPDATE_VIEW = "wagtail_localize:update_translations"
CONVERT_VIEW = "wagtail_localize:convert_to_alias"


def _may_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if not isinstance(instance, DraftStateMixin):
        return True  # a snippet without drafts is simply saved; nothing goes live early
    opts = instance._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


class TranslationPublishGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and match.view_name == CONVERT_VIEW and not request.user.is_superuser:
            page = Page.objects.filter(pk=view_kwargs.get("page_id")).first()
            if page is not None and not page.permissions_for_user(request.user).can_publish():
                raise PermissionDenied
            return None
        if (
            match is None
            or match.view_name != UPDATE_VIEW
            or request.method != "POST"
            or not request.POST.get("publish_translations")
            or request.user.is_superuser
        ):
            return None
        from wagtail_localize.models import TranslationSource

        source = TranslationSource.objects.filter(pk=view_kwargs.get("translation_source_id")).first()
        if source is None:
            return None
        for translation in source.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:
                continue
            if not _may_publish(request.user, target):
                raise PermissionDenied
        return None
