"""One event for "what the public sees has changed": ``public_content_changed``.

Wagtail says it six ways (published, unpublished, moved, deleted, privacy changed,
workflow approved) and the apps add their own public things that are not pages (a
scan code, a tour, a category's name). This module is the one place that turns them
into a single event, so every listener — the page cache, the search index, the tree's
visibility rule, and next the webhooks — hears the same thing and nothing else: a draft
save, a revision, a log entry, a rendition or a scan count is never announced.

A listener chooses when it hears:

- ``subscribe(listener)``: at once, inside the transaction that made the change. For
  listeners that write to the database (the search outbox, the visibility cascade), so
  that the change and its consequences commit or roll back together.
- ``subscribe(listener, after_commit=True)``: once the transaction has committed, with
  every change of that transaction merged into one call. For listeners that reach outside
  (the shared page cache, Elasticsearch, webhooks): nobody is told of a change that was
  rolled back.

A listener is called as ``listener(change)`` with a ``PublicChange``.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

logger = logging.getLogger(__name__)


class Reason(StrEnum):
    PUBLISHED = "published"
    UNPUBLISHED = "unpublished"
    MOVED = "moved"
    DELETED = "deleted"
    PRIVACY = "privacy"
    APPROVED = "approved"
    # A public thing that is not a page (a scan code, a tour, a category) was saved or deleted.
    EDITED = "edited"


@dataclass(frozen=True)
class PublicChange:
    """What changed: the pages it touches (empty when it is shared by many, e.g. a category
    renamed) and why. After commit, ``reasons`` holds every reason merged into the call."""

    page_ids: frozenset[int]
    reasons: frozenset[Reason]
    # Who made the change, when Wagtail says (at once only: a merged delivery has many authors).
    user: object = None

    @property
    def reason(self) -> Reason:
        """The one reason of a change heard at once (a merged delivery has several: read ``reasons``)."""
        if len(self.reasons) != 1:
            raise ValueError(f"A merged change has {len(self.reasons)} reasons: read .reasons")
        return next(iter(self.reasons))


Listener = Callable[[PublicChange], None]

_at_once: list[Listener] = []
_after_commit: list[Listener] = []


def subscribe(listener: Listener, *, after_commit: bool = False) -> None:
    """Hear every public change (see the module's docstring for when). Idempotent."""
    listeners = _after_commit if after_commit else _at_once
    if listener not in listeners:
        listeners.append(listener)


def announce(page_ids: Iterable[int], reason: Reason, user=None) -> None:
    """Tell every listener that these pages (or, with no ids, something many pages show) changed."""
    change = PublicChange(frozenset(page_ids), frozenset({reason}), user)
    for listener in list(_at_once):
        listener(change)
    if _after_commit:
        _pending_for_commit(change)


def _pending_for_commit(change: PublicChange) -> None:
    connection = transaction.get_connection()
    if not connection.in_atomic_block:  # autocommit: the change is already committed
        _deliver(change)
        return
    # One delivery per transaction, with the union of its changes: publishing a section of
    # 500 products tells the webhooks and the cache once, not 500 times.
    pending = getattr(connection, "_ocop_public_changes", None)
    if pending is None or not pending.queued(connection):  # first change, or the last batch rolled back
        pending = connection._ocop_public_changes = _Pending()
    pending.add(change)
    # One callback per change, so that each savepoint keeps its own; the first to run delivers
    # the whole batch and the others find it empty.
    # robust: a failing earlier callback must not cost this one (the cache's second bump).
    transaction.on_commit(pending.deliver, robust=True)
    pending.position = len(connection.run_on_commit) - 1


class _Pending:
    """The changes of one transaction, delivered together when it commits.

    A change made inside a savepoint that is rolled back stays in the batch: listeners
    then hear of a change that did not happen, which costs a cache miss, never a stale page.
    """

    def __init__(self):
        self.page_ids: set[int] = set()
        self.reasons: set[Reason] = set()
        self.position = -1  # of this batch's latest callback in the connection's queue

    def add(self, change: PublicChange) -> None:
        self.page_ids |= change.page_ids
        self.reasons |= change.reasons

    def queued(self, connection) -> bool:
        # Django forgets a rolled-back transaction's callbacks; this batch then went with them.
        # (After a savepoint's rollback the position may name another callback: a new batch
        # starts, and the older one is still delivered by its own callbacks.)
        queue = connection.run_on_commit
        return 0 <= self.position < len(queue) and queue[self.position][1] == self.deliver

    def deliver(self) -> None:
        if not self.reasons:
            return
        change = PublicChange(frozenset(self.page_ids), frozenset(self.reasons))
        self.page_ids, self.reasons = set(), set()
        _deliver(change)


def _deliver(change: PublicChange) -> None:
    for listener in list(_after_commit):
        try:
            listener(change)
        except Exception:  # the change is committed: one failing listener must not stop the others
            logger.exception("A listener of public changes failed: %r", listener)


# --- public things that are not pages ---------------------------------------------------------------


@dataclass(frozen=True)
class _Watch:
    pages_of: Callable | None
    created_is_public: bool | Callable


_watched: dict[type, _Watch] = {}


def watch(
    model, pages_of: Callable | None = None, *, created_is_public: bool | Callable = True, public_m2m: tuple = ()
) -> None:
    """Announce every save or delete of ``model`` (a public thing that is not a page).

    - ``pages_of(instance)`` names the pages that show it, when that is cheap to know (a scan
      code's product); without it the change is announced with no page ids: shown by many.
    - ``created_is_public``: False (or a test of the new instance) for things no public page shows
      until a page is published with them (an uploaded image; a draft product's scan code).
    - ``public_m2m``: the many-to-many fields public pages show; the others (an image's tags,
      set on every upload) are not watched.
    """
    _watched[model] = _Watch(pages_of, created_is_public)
    uid = f"ocop-publishing-{model._meta.label_lower}"
    post_save.connect(_on_watched_change, sender=model, dispatch_uid=f"{uid}-save")
    post_delete.connect(_on_watched_change, sender=model, dispatch_uid=f"{uid}-delete")
    for name in public_m2m:
        through = model._meta.get_field(name).remote_field.through
        m2m_changed.connect(_on_watched_m2m, sender=through, dispatch_uid=f"{uid}-{name}")


def _on_watched_change(sender, instance, raw=False, created=False, **kwargs) -> None:
    watched = _watched[sender]
    if raw:  # loading fixtures
        return
    if created and not _public_when_created(watched, instance):
        return
    announce(watched.pages_of(instance) if watched.pages_of else (), Reason.EDITED)


def _public_when_created(watched: _Watch, instance) -> bool:
    rule = watched.created_is_public
    return rule(instance) if callable(rule) else rule


def _on_watched_m2m(sender, instance, action, pk_set=None, **kwargs) -> None:
    changed = action == "post_clear" or (action in ("post_add", "post_remove") and pk_set)
    if changed and type(instance) in _watched:
        _on_watched_change(type(instance), instance)


# --- Wagtail's signals, translated ------------------------------------------------------------------


def _published(sender, instance, **kwargs) -> None:
    announce([instance.pk], Reason.PUBLISHED, kwargs.get("user"))


def _unpublished(sender, instance, **kwargs) -> None:
    announce([instance.pk], Reason.UNPUBLISHED, kwargs.get("user"))


def _moved(sender, instance, **kwargs) -> None:
    # Every URL below the moved page changed with it.
    announce(instance.get_descendants(inclusive=True).values_list("pk", flat=True), Reason.MOVED)


def _deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    # Django sends post_delete for the specific row and for its Page row; one is enough.
    if type(instance) is Page:
        announce([instance.pk], Reason.DELETED)


def _privacy_changed(sender, instance, raw=False, **kwargs) -> None:
    from wagtail.models import Page

    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # None: the restriction went with its page
        announce(page.get_descendants(inclusive=True).values_list("pk", flat=True), Reason.PRIVACY)


def _approved(sender, instance, **kwargs) -> None:
    page = getattr(instance, "content_object", None)
    if page is not None and getattr(page, "pk", None) is not None and hasattr(page, "get_descendants"):
        announce([page.pk], Reason.APPROVED)


def connect() -> None:
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move, workflow_approved

    page_published.connect(_published, dispatch_uid="ocop-publishing-published")
    page_unpublished.connect(_unpublished, dispatch_uid="ocop-publishing-unpublished")
    post_page_move.connect(_moved, dispatch_uid="ocop-publishing-moved")
    post_delete.connect(_deleted, sender=Page, dispatch_uid="ocop-publishing-deleted")
    post_save.connect(_privacy_changed, sender=PageViewRestriction, dispatch_uid="ocop-publishing-privacy-saved")
    post_delete.connect(_privacy_changed, sender=PageViewRestriction, dispatch_uid="ocop-publishing-privacy-gone")
    workflow_approved.connect(_approved, dispatch_uid="ocop-publishing-approved")
