from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal.translations"
    label = "translations"
    verbose_name = "Terjemahan konten"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail_localize.models import Translation

        from .wagtail_hooks import forget_translation_targets

        for signal, name in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(
                forget_translation_targets, sender=Translation, dispatch_uid=f"translations.targets.{name}"
            )
        # Deleting a page disables its translations with a bulk update (no signal of its own).
        post_delete.connect(_forget_on_page_delete, dispatch_uid="translations.targets.page-delete")


def _forget_on_page_delete(instance=None, **kwargs):
    from wagtail.models import Page

    from .wagtail_hooks import forget_translation_targets

    if isinstance(instance, Page):
        forget_translation_targets()
