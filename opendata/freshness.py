"""When the open data last changed: the files' ``ETag`` and ``Last-Modified``, cheaply.

Three things change what the files say:

- a public change (``core.publishing``: publishing, unpublishing, a move, a privacy change, a
  story approved, a category, certification or region renamed, a scan code…). A listener keeps
  the time of the latest one in the shared cache (``opendata:changed-at``), after commit, so that
  a request that sees the new time also sees the new data;
- pages written without Wagtail's signals (the scale generator, fixtures): one aggregate over the
  product and producer pages — how many are live, the latest publication, the highest id — catches
  those;
- the date: a certificate's status is computed from today's date, so the version moves at midnight.

The version is a hash of the three. While the shared cache is down (``core.cache``) nothing can
vouch for the time of the last change, so the files are sent without validators and every request
gets a fresh copy (as the page cache stops caching). A time missing from the cache (evicted,
flushed, a fresh Redis) is set to now: clients fetch once more, and are never told that stale data
is current.
"""

import datetime
import hashlib
import time
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone
from wagtail.models import Page

from catalogue.models import ProducerPage, ProductPage
from core import cache as shared_cache

CHANGED_AT_KEY = "opendata:changed-at"


def content_changed(change=None) -> None:
    cache.set(CHANGED_AT_KEY, time.time(), None)


@dataclass(frozen=True)
class Freshness:
    # None while the shared cache is down: nothing may be validated then.
    version: str | None
    last_modified: datetime.datetime | None
    # The latest publication of a product or producer page: what the page shows as "updated".
    updated_at: datetime.datetime | None

    def etag(self, filename: str) -> str | None:
        if self.version is None:
            return None
        return '"' + hashlib.sha256(f"{self.version}:{filename}".encode()).hexdigest()[:32] + '"'


def current() -> Freshness:
    changed_at = cache.get_or_set(CHANGED_AT_KEY, time.time, None)
    types = ContentType.objects.get_for_models(ProductPage, ProducerPage).values()
    figures = Page.objects.filter(content_type__in=types).aggregate(
        live=Count("pk", filter=Q(live=True)), latest=Max("last_published_at"), top=Max("pk")
    )
    updated_at = figures["latest"]
    if changed_at is None or shared_cache.down():
        return Freshness(None, None, updated_at)
    today = timezone.localdate()
    key = f"{changed_at}:{today.isoformat()}:{figures['live']}:{figures['top']}:{updated_at}"
    midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    moments = [datetime.datetime.fromtimestamp(changed_at, datetime.UTC), midnight, updated_at]
    return Freshness(
        version=hashlib.sha256(key.encode()).hexdigest()[:20],
        last_modified=max(moment for moment in moments if moment is not None),
        updated_at=updated_at,
    )
