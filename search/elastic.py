"""Talking to Elasticsearch: the client, the alias, bulk writes and the circuit breaker.

When a call fails or times out, the breaker opens for ``ELASTICSEARCH_RETRY_AFTER``
seconds: searches go straight to the database engine and index changes wait as
dirty rows, so a dead cluster costs at most one short timeout, not one per request.
"""

import logging
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from elastic_transport import TransportError
from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exceptions
from elasticsearch.helpers import BulkIndexError, bulk

from .documents import ContentDocument, index_definition
from .freshness import index_changed
from .models import SearchEntry

logger = logging.getLogger(__name__)

BREAKER_KEY = "search:elasticsearch-down"
# Set when a change could not be sent; only a complete catch-up clears it. Until then the
# database engine answers: Elasticsearch would still show what has stopped being public.
MISSED_KEY = "search:elasticsearch-missed-changes"
BATCH = 500
ERRORS = (TransportError, es_exceptions.ApiError, BulkIndexError, ConnectionError, TimeoutError)


def configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


@lru_cache(maxsize=4)
def _client(url: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def client(timeout: float | None = None) -> Elasticsearch:
    return _client(settings.ELASTICSEARCH_URL, timeout or settings.ELASTICSEARCH_TIMEOUT)


def alias() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}content"


def available() -> bool:
    """Configured, not known to be down right now, and holding every change sent to it."""
    return configured() and not cache.get_many([BREAKER_KEY, MISSED_KEY])


def missed_changes() -> bool:
    return bool(cache.get(MISSED_KEY))


def _missed() -> None:
    cache.set(MISSED_KEY, True, None)


def mark_down(error: Exception) -> None:
    logger.warning("Elasticsearch unavailable, using the database engine: %s", error)
    cache.set(BREAKER_KEY, True, settings.ELASTICSEARCH_RETRY_AFTER)


def mark_up() -> None:
    if cache.get(BREAKER_KEY):
        cache.delete(BREAKER_KEY)
        index_changed()  # answers cached from the database engine meanwhile give way


def reachable() -> bool:
    """Whether the cluster answers now. Only asks: changes nothing, whatever the answer."""
    if not configured():
        return False
    try:
        client(timeout=settings.ELASTICSEARCH_TIMEOUT).info()
    except ERRORS:
        return False
    return True


def recover() -> int:
    """When the cluster answers: send what it missed, then let searches go to it again (periodic task)."""
    if not reachable():
        return 0
    sent = catch_up()
    if not missed_changes():
        mark_up()
    return sent


def ensure_index() -> None:
    """Create the first concrete index behind the alias if there is none."""
    es = client(timeout=settings.ELASTICSEARCH_INDEX_TIMEOUT)
    if es.indices.exists_alias(name=alias()):
        return
    name = _new_index_name()
    index_definition(name).create(using=es)
    es.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias()}}])


def _new_index_name() -> str:
    return f"{alias()}-{time.strftime('%Y%m%d%H%M%S')}-{time.monotonic_ns() % 1_000_000:06d}"


def _actions(entries, index: str):
    for entry in entries:
        if entry.deleted:
            yield {"_op_type": "delete", "_index": index, "_id": entry.page_id}
        else:
            document = ContentDocument.from_entry(entry)
            yield {"_op_type": "index", "_index": index, "_id": entry.page_id, "_source": document.to_dict()}


def push(entries: list[SearchEntry], *, read_at=None, refresh: bool = False) -> bool:
    """Send entries to Elasticsearch; on success mark them synced and drop the sent tombstones.

    ``read_at`` is when the entries were read: a row changed after it stays dirty
    for the next push.
    """
    if not entries or not configured():
        return True
    read_at = read_at or timezone.now()
    es = client(timeout=settings.ELASTICSEARCH_INDEX_TIMEOUT)
    try:
        ensure_index()
        refresh = "wait_for" if (refresh or settings.ELASTICSEARCH_WAIT_FOR_REFRESH) else False
        _, errors = bulk(es, _actions(entries, alias()), refresh=refresh, raise_on_error=False, chunk_size=BATCH)
    except ERRORS as error:
        mark_down(error)
        _missed()
        return False
    failed = {str(next(iter(error.values())).get("_id")) for error in errors if _not_a_missing_delete(error)}
    sent = [entry for entry in entries if str(entry.page_id) not in failed]
    if failed:
        logger.error("Elasticsearch refused %d documents, e.g. %s", len(failed), errors[:1])
    unchanged = SearchEntry.objects.filter(page_id__in=[e.page_id for e in sent], updated_at__lte=read_at)
    unchanged.filter(deleted=True).delete()
    unchanged.filter(deleted=False).update(dirty=False)
    index_changed()
    return not failed


def _not_a_missing_delete(error: dict) -> bool:
    # Deleting a document that was never sent is not an error worth keeping a tombstone for.
    operation, details = next(iter(error.items()))
    return not (operation == "delete" and details.get("status") == 404)


def push_ids(page_ids) -> bool:
    if not available():
        _missed()
        return False
    read_at = timezone.now()
    return push(list(SearchEntry.objects.filter(page_id__in=list(page_ids), dirty=True)), read_at=read_at)


def push_on_commit(page_ids) -> None:
    page_ids = list(page_ids)
    if page_ids and configured():
        transaction.on_commit(lambda: push_ids(page_ids))


def catch_up() -> int:
    """Send every change Elasticsearch missed; returns how many entries were sent."""
    if not configured():
        return 0
    sent, last_id = 0, 0
    while True:
        read_at = timezone.now()
        batch = list(SearchEntry.objects.unsynced().filter(page_id__gt=last_id).order_by("page_id")[:BATCH])
        if not batch:
            cache.delete(MISSED_KEY)
            return sent
        if not push(batch, read_at=read_at) and cache.get(BREAKER_KEY):
            return sent  # down again: the changes are still missed
        sent += len(batch)
        last_id = batch[-1].page_id


def rebuild(*, progress=None) -> dict:
    """Index every visible entry into a new index, then swap the alias to it in one step.

    Searches keep answering from the old index until the swap; changes made during
    the rebuild are caught up after it.
    """
    es = client(timeout=settings.ELASTICSEARCH_INDEX_TIMEOUT)
    started = timezone.now()
    name = _new_index_name()
    index = index_definition(name)
    index.create(using=es)
    # Bulk loading goes faster without refreshes; the index is refreshed once at the end.
    es.indices.put_settings(index=name, settings={"refresh_interval": "-1"})
    total = 0
    entries = SearchEntry.objects.visible().order_by("page_id")
    last_id = 0
    while True:
        batch = list(entries.filter(page_id__gt=last_id)[:BATCH])
        if not batch:
            break
        success, errors = bulk(es, _actions(batch, name), raise_on_error=False, chunk_size=BATCH)
        if errors:
            raise RuntimeError(f"Elasticsearch refused {len(errors)} documents: {errors[:1]}")
        total += success
        last_id = batch[-1].page_id
        if progress:
            progress(total)
    es.indices.put_settings(index=name, settings={"refresh_interval": "1s"})
    es.indices.refresh(index=name)
    old = list(es.indices.get_alias(name=alias()).keys()) if es.indices.exists_alias(name=alias()) else []
    actions = [{"remove": {"index": old_name, "alias": alias()}} for old_name in old]
    actions.append({"add": {"index": name, "alias": alias()}})
    es.indices.update_aliases(actions=actions)
    for old_name in old:
        es.indices.delete(index=old_name, ignore_unavailable=True)
    SearchEntry.objects.filter(deleted=False, updated_at__lte=started).update(dirty=False)
    SearchEntry.objects.filter(deleted=True, updated_at__lte=started).delete()
    mark_up()
    index_changed()
    caught_up = catch_up()
    return {"index": name, "documents": total, "caught_up": caught_up, "replaced": old}
