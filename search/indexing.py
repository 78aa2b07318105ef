"""The index follows publishing (``core.publishing``).

Publish, unpublish, delete, move and privacy changes update the ``SearchEntry``
rows at once (inside the same transaction); Elasticsearch gets the changed rows
when the transaction commits, or later through ``catch_up`` if it was down.
A page that is not public (``core.visibility.public_pages``: live, no view restriction, every
ancestor live) never gets a row: its row becomes a tombstone. Publishing a section brings back
the pages below it that were published while it was not live.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from core import publishing
from core.publishing import Reason
from core.visibility import public_pages

from . import elastic, vocabulary
from .entries import entry_fields, producer_fields, product_fields, story_fields
from .freshness import index_changed
from .models import SearchEntry

ENTRY_FIELDS = [
    field.name for field in SearchEntry._meta.fields if field.name not in ("page_id", "updated_at", "deleted", "dirty")
]


def _changed() -> None:
    # Now (this transaction's own reads) and again at commit (other requests may have
    # cached the old rows under the first new version in between).
    index_changed()
    transaction.on_commit(index_changed)


def _save(page_id: int, fields: dict | None) -> None:
    _changed()
    old_text = SearchEntry.objects.filter(page_id=page_id, deleted=False).values_list("text_folded", flat=True).first()
    vocabulary.count_changes(old_text or "", fields["text_folded"] if fields else "")
    if fields is None:
        SearchEntry.objects.filter(page_id=page_id, deleted=False).update(
            deleted=True, dirty=True, updated_at=timezone.now()
        )
        return
    SearchEntry.objects.update_or_create(page_id=page_id, defaults={**fields, "deleted": False, "dirty": True})


def reindex(pages) -> None:
    """Bring the entries of these pages (and of what shows them) up to date."""
    ids = set()
    for page in pages:
        for related in _with_dependants(page):
            _save(related.pk, entry_fields(related))
            ids.add(related.pk)
    elastic.push_on_commit(ids)


def forget(page_ids) -> None:
    page_ids = list(page_ids)
    for page_id in page_ids:
        _save(page_id, None)
    elastic.push_on_commit(page_ids)


def _with_dependants(page):
    """A page, plus the pages whose entry shows something of it (a producer's products and stories)."""
    from catalogue.models import ProducerPage, ProductPage
    from stories.models import StoryPage

    yield page
    specific = page.specific
    if isinstance(specific, ProducerPage):
        yield from ProductPage.objects.filter(producer_id=page.pk)
        yield from StoryPage.objects.filter(producer_id=page.pk)


# --- following the publishing event ----------------------------------------------------------------


def follow(change: publishing.PublicChange) -> None:
    """Heard at once, inside the change's transaction: the entries commit with the change."""
    if change.reason is Reason.DELETED:
        forget(change.page_ids)
    elif change.reason not in (Reason.EDITED, Reason.APPROVED) and change.page_ids:
        # A public thing that is not a page (a tour, a scan code) shows in no entry; an approval
        # is heard again as the publishing it makes.
        pages = Page.objects.filter(pk__in=change.page_ids)
        reindex(pages.specific())
        if change.reason is Reason.PUBLISHED:
            reindex(_unindexed_live_descendants(pages))


def _unindexed_live_descendants(pages):
    """The live pages below these that the index lacks: what a section brings back by being published.

    A page published under an unpublished section got no entry (it was not public); once the
    section is live again, so is the page. Re-publishing a section that was live already finds
    only the few live pages below it that never have an entry (private ones), not its thousands
    of indexed products.
    """
    below = Q()
    for page in pages.filter(numchild__gt=0):
        below |= Q(path__startswith=page.path, depth__gt=page.depth)
    if not below:
        return []
    indexed = SearchEntry.objects.filter(deleted=False).values("page_id")
    return Page.objects.filter(below).live().exclude(pk__in=indexed).specific()


def connect() -> None:
    publishing.subscribe(follow)


# --- building every entry at once ---------------------------------------------------------------------


@transaction.atomic
def rebuild_entries(batch_size: int = 1000) -> dict:
    """Recompute every entry from the live, public pages, in bulk; tombstone the rest."""
    from catalogue.models import ProducerPage, ProductPage
    from stories.models import StoryPage

    started = timezone.now()
    producers = {
        producer.pk: producer
        for producer in public_pages(ProducerPage.objects).select_related("province__region", "ward", "image")
    }
    counts = {"product": 0, "producer": 0, "story": 0}
    buffer: list[SearchEntry] = []
    url_of = _url_function()

    def add(page, fields):
        fields["url"] = url_of(page)
        buffer.append(SearchEntry(page_id=page.pk, deleted=False, dirty=True, **fields))
        counts[fields["kind"]] += 1
        if len(buffer) >= batch_size:
            _flush(buffer)

    for producer in producers.values():
        add(producer, producer_fields(producer))
    products = (
        public_pages(ProductPage.objects)
        .select_related("category__parent", "origin_province__region", "origin_ward", "image")
        .prefetch_related("certifications")
        .order_by("pk")
    )
    for product in products.iterator(chunk_size=batch_size):
        add(product, product_fields(product, producers.get(product.producer_id)))
    for story in public_pages(StoryPage.objects).select_related("cover_image").order_by("pk"):
        add(story, story_fields(story, producers.get(story.producer_id)))
    _flush(buffer)
    tombstoned = SearchEntry.objects.filter(deleted=False, updated_at__lt=started).update(
        deleted=True, dirty=True, updated_at=timezone.now()
    )
    words = vocabulary.recount(SearchEntry.objects.visible().values_list("text_folded", flat=True).iterator(batch_size))
    _changed()
    return {**counts, "removed": tombstoned, "words": words}


def _url_function():
    """Page URLs for thousands of pages: with one site, a slice of the stored path, not a lookup each."""
    from wagtail.models import Site

    root_paths = Site.get_site_root_paths()
    if len(root_paths) != 1:
        return lambda page: page.get_url() or page.url_path
    root = root_paths[0].root_path

    def url_of(page):
        if page.url_path.startswith(root):
            return "/" + page.url_path[len(root) :]
        return page.get_url() or page.url_path

    return url_of


def _flush(buffer: list[SearchEntry]) -> None:
    if buffer:
        SearchEntry.objects.bulk_create(
            buffer,
            update_conflicts=True,
            unique_fields=["page_id"],
            update_fields=[*ENTRY_FIELDS, "deleted", "dirty", "updated_at"],
        )
        buffer.clear()
