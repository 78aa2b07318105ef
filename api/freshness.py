"""When what the public sees last changed: the ``Last-Modified`` of every API answer.

An answer shows pages and what they name (a producer's title, a category, a story's review), and
a list loses rows when a page leaves the public site; the time of a page alone would not say
when the answer changed. So the time of the last public change (``core.publishing``, after
commit) is kept in the shared cache, and midnight counts as a change too (a certificate's status
is computed from the date). A missing time (evicted, or changes while the cache was down) is
set to now: a later time is always safe, it only revalidates a little more.
"""

import datetime

from django.core.cache import cache
from django.utils import timezone

from core import publishing

KEY = "api:last-public-change"


def last_change() -> datetime.datetime | None:
    """The time of the last public change (at least today's midnight); None while the cache is down."""
    now = timezone.now().replace(microsecond=0)
    stamp = cache.get_or_set(KEY, now.timestamp(), None)
    if stamp is None:
        return None
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0)
    return max(datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC), midnight)


def changed(change=None) -> None:
    cache.set(KEY, timezone.now().replace(microsecond=0).timestamp() + 1, None)


def connect() -> None:
    publishing.subscribe(changed, after_commit=True)
