"""Search-index and reference-index updates deferred to the end of a batch of saves.

Every save of an indexed object enqueues a search-index update (modelsearch) and a
reference-index update (Wagtail); a page created the usual way is saved three or four times
(created, tagged, revised, published), so a bulk job such as the WordPress import spent about
half its time indexing each page again and again. Inside ``deferred_indexing()`` the saves
made by *this thread* only note the object; ``flush()`` then indexes each noted object once,
in one bulk call per model, reading it back from the database, so an object whose
transaction was rolled back is simply not there any more. Other threads (a web request
running beside an import in the same process) keep indexing as they always did.
"""

import logging
import threading
from contextlib import contextmanager

from django.db.models.signals import post_save

logger = logging.getLogger(__name__)

_state = threading.local()
_guard_lock = threading.Lock()
_guarded_models = set()


def _search_post_save(sender, instance, **kwargs):
    """modelsearch's receiver, unless this thread defers its indexing."""
    from modelsearch.signal_handlers import post_save_signal_handler

    if getattr(_state, "batch", None) is None or kwargs.get("raw", False):
        post_save_signal_handler(instance, **kwargs)


def _note_saved(sender, instance, raw=False, **kwargs):
    batch = getattr(_state, "batch", None)
    if batch is not None and not raw:
        batch.note(instance)


def _install():
    """Puts ``_search_post_save`` in place of modelsearch's own receiver and starts noting
    saves, once per process; outside ``deferred_indexing()`` every save is handed straight
    on, so nothing else changes."""
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler

    with _guard_lock:
        if _guarded_models:
            return
        for model in index.get_indexed_models():
            if post_save.disconnect(post_save_signal_handler, sender=model):
                post_save.connect(
                    _search_post_save,
                    sender=model,
                    weak=False,
                    dispatch_uid=f"portal.core.indexing.{model._meta.label}",
                )
            _guarded_models.add(model)
        post_save.connect(_note_saved, weak=False, dispatch_uid="portal.core.indexing.note")


class Batch:
    """The objects saved since the last flush, by model."""

    def __init__(self):
        self.pending = {}

    def note(self, instance):
        self.pending.setdefault(type(instance), set()).add(instance.pk)

    def flush(self):
        """Indexes each noted object once (search and references); returns how many."""
        from modelsearch.index import class_is_indexed, get_search_backends_with_name
        from wagtail.models import ReferenceIndex

        pending, self.pending = self.pending, {}
        done = 0
        for model, pks in pending.items():
            searched = model in _guarded_models and class_is_indexed(model)
            referenced = ReferenceIndex.is_indexed(model)
            if not (searched or referenced):
                continue
            # Read back: what a rolled-back transaction saved is not there any more.
            source = model.get_indexed_objects() if searched else model._default_manager.all()
            objs = list(source.filter(pk__in=pks))
            if searched and objs:
                for _name, backend in get_search_backends_with_name(with_auto_update=True):
                    backend.add_bulk(model, objs)
            if referenced:
                for obj in objs:
                    ReferenceIndex.create_or_update_for_object(obj)
            done += len(objs)
        return done


@contextmanager
def deferred_indexing():
    """Within the block, this thread's saves are indexed at ``batch.flush()`` and at its end.
    A nested block shares the outer one's batch."""
    from wagtail.signal_handlers import disable_reference_index_auto_update

    outer = getattr(_state, "batch", None)
    if outer is not None:
        yield outer
        return
    _install()
    batch = Batch()
    _state.batch = batch
    try:
        with disable_reference_index_auto_update():
            yield batch
    except BaseException:
        _state.batch = None
        try:  # what was committed before the failure is still indexed
            batch.flush()
        except Exception:
            logger.exception("Indexing after a failed batch failed too; run update_index")
        raise
    _state.batch = None
    batch.flush()
