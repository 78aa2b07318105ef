"""Lists by key, not by offset: ordering, ``limit`` and the opaque ``cursor`` (``api/cursor.py``).

Each ordering sorts on one column and the page id after it, so the order is total, and the next
page is the rows after the last one's (key, id) — a seek on an index, whatever the depth.
``updated_at`` is when the live version was published (first publication, or a fixed early
date for pages published without a revision).
"""

import datetime

from django.db.models import DateTimeField, Q, Value
from django.db.models.functions import Coalesce

from . import cursor

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
BEFORE_EVERYTHING = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)

# ordering name → the column it sorts on
COLUMNS = {"id": "pk", "updated_at": "updated", "title": "title", "stars": "stars"}


def with_updated_at(queryset):
    return queryset.annotate(
        updated=Coalesce(
            "last_published_at", "first_published_at", Value(BEFORE_EVERYTHING), output_field=DateTimeField()
        )
    )


def _key(row, column: str):
    value = getattr(row, column)
    return value.isoformat() if isinstance(value, datetime.datetime) else value


def _parse_key(column: str, key):
    if column == "updated":
        return datetime.datetime.fromisoformat(key)
    return key


def page_of(queryset, ordering: str, raw_cursor: str | None, limit: int) -> tuple[list, str | None]:
    """The rows of one page in ``ordering`` (``name`` or ``-name``) and the cursor of the next, if any."""
    descending = ordering.startswith("-")
    column = COLUMNS[ordering.lstrip("-")]
    direction = "-" if descending else ""
    queryset = (
        queryset.order_by(f"{direction}{column}", f"{direction}pk")
        if column != "pk"
        else queryset.order_by(f"{direction}pk")
    )
    if raw_cursor:
        key, last_id = cursor.decode(raw_cursor, ordering)
        after = "lt" if descending else "gt"
        if column == "pk":
            queryset = queryset.filter(**{f"pk__{after}": last_id})
        else:
            key = _parse_key(column, key)
            queryset = queryset.filter(Q(**{f"{column}__{after}": key}) | Q(**{column: key, f"pk__{after}": last_id}))
    rows = list(queryset[: limit + 1])
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    return rows, cursor.encode(ordering, _key(last, column), last.pk)
