"""Bulk creation of Wagtail pages: thousands of children in a few statements.

``parent.add_child(instance=page)`` costs a handful of queries per page (tree
bookkeeping, the parent row, signals), and even Django's ``bulk_create`` spends
most of its time building model instances and preparing values one by one
(Wagtail's ``Page.__init__`` alone takes ~1 ms). For a national catalogue we
instead compute what treebeard would compute — the materialised path (steplen
4, base 36), the depth, the parent's ``numchild`` — and write plain rows:

1. the ``wagtailcore_page`` rows — ``executemany`` on SQLite, ``COPY`` on
   PostgreSQL (psycopg 3), multi-row ``INSERT … VALUES`` elsewhere — then
   their new ids, read back by path (paths are unique);
2. the specific table's rows (``catalogue_productpage``…), keyed by
   ``page_ptr_id`` — multi-table inheritance, which ``bulk_create`` refuses.

Columns not given take the model field's default. Values go through each
field's ``get_db_prep_save`` (dates, datetimes, UUIDs, JSON), with plain
strings, numbers and booleans passed straight to the driver.

Pages are created live and published, without revisions (Wagtail shows and edits
a page without one; the first save in the admin creates it). No signals fire, so
Wagtail's own search index and reference index do not know these pages until
``manage.py update_index`` / ``rebuild_references_index``; the portal's search
index is rebuilt with ``manage.py rebuild_search_index``.

Only for page types whose parent class is ``Page`` itself (one level of
multi-table inheritance), which is every page type of this project.
"""

import random
import uuid
from collections.abc import Sequence
from operator import itemgetter

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models import F, Field, Model
from wagtail.models import Page

from core.text import vietnamese_slug

# Generated pages are recognisable by the first 32 bits of their translation key
# ("0c0b5eed": an OCOP seed). No field has to be added to mark them, and the
# mark survives edits in the admin; see ``generated_pages()``.
GENERATED_KEY_PREFIX = 0x0C0B5EED
_KEY_SHIFT = 96

# Values of these field types need no conversion before reaching the driver.
_PLAIN_TYPES = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "EmailField",
    "FloatField",
    "IntegerField",
    "PositiveBigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
    "URLField",
}


def generated_key(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=(GENERATED_KEY_PREFIX << _KEY_SHIFT) | rng.getrandbits(_KEY_SHIFT))


def generated_pages(queryset=None):
    """Pages made by the generator (any type), from ``queryset`` or all pages."""
    low = uuid.UUID(int=GENERATED_KEY_PREFIX << _KEY_SHIFT)
    high = uuid.UUID(int=(GENERATED_KEY_PREFIX << _KEY_SHIFT) | ((1 << _KEY_SHIFT) - 1))
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.filter(translation_key__range=(low, high))


def _batches(items: Sequence, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _is_plain(field: Field) -> bool:
    if field.is_relation:
        return _is_plain(field.target_field)
    return field.get_internal_type() in _PLAIN_TYPES


class _RowWriter:
    """Turns row dicts into parameter tuples for one INSERT statement.

    Plain columns (text, numbers, booleans, their foreign keys) are picked with
    one ``itemgetter`` call per row; only dates, datetimes, UUIDs and JSON go
    through the field's ``get_db_prep_save`` (cached per distinct value).
    """

    def __init__(self, fields: Sequence[Field], connection):
        self.connection = connection
        self.getter = itemgetter(*[f.attname for f in fields]) if len(fields) > 1 else None
        self.fields = fields
        self.defaults: dict = {}  # attname → default value, raw
        self.callable_defaults: list[Field] = []
        self.special: list[tuple[int, Field, dict]] = []  # (column, field, cache of prepared values)
        for i, field in enumerate(fields):
            if field.has_default() and callable(field.default):
                self.callable_defaults.append(field)
            else:
                self.defaults[field.attname] = field.get_default()
            if not _is_plain(field):
                cache = {}
                default = self.defaults.get(field.attname)
                if default is not None:
                    cache[_DefaultKey] = field.get_db_prep_save(default, connection)
                self.special.append((i, field, cache))

    def params(self, row: dict) -> tuple:
        merged = {**self.defaults, **row}
        for field in self.callable_defaults:
            if field.attname not in row:
                merged[field.attname] = field.get_default()
        values = list(self.getter(merged)) if self.getter else [merged[self.fields[0].attname]]
        for i, field, cache in self.special:
            value = values[i]
            if value is None:
                continue
            key = _DefaultKey if value is self.defaults.get(field.attname, _DefaultKey) else value
            try:
                values[i] = cache[key]
            except KeyError:
                values[i] = cache[key] = field.get_db_prep_save(value, self.connection)
            except TypeError:  # unhashable value (a list for a JSON field)
                values[i] = field.get_db_prep_save(value, self.connection)
        return tuple(values)


_DefaultKey = object()
_MAX_PARAMS = 65_535


def insert_rows(model: type[Model], rows: Sequence[dict], *, table_fields=None, batch_size: int = 2000) -> None:
    """INSERT plain rows (dicts keyed by field attname) into ``model``'s own table.

    Columns missing from a row take the field's default.
    """
    if not rows:
        return
    using = router.db_for_write(model)
    connection = connections[using]
    fields = [
        f
        for f in (table_fields or model._meta.local_concrete_fields)
        if not (f.primary_key and f.get_internal_type() in ("AutoField", "BigAutoField", "SmallAutoField"))
    ]
    quote = connection.ops.quote_name
    head = "INSERT INTO {} ({}) VALUES ".format(quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields))
    placeholder = "({})".format(", ".join(["%s"] * len(fields)))
    writer = _RowWriter(fields, connection)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # SQLite's executemany loops in C over a prepared statement: fastest there.
            for batch in _batches(rows, batch_size):
                cursor.executemany(head + placeholder, [writer.params(row) for row in batch])
            return
        raw_cursor = getattr(cursor, "cursor", None)
        if connection.vendor == "postgresql" and hasattr(raw_cursor, "copy"):
            # psycopg 3: COPY streams rows without parsing a statement per row.
            copy_sql = "COPY {} ({}) FROM STDIN".format(
                quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
            )
            with raw_cursor.copy(copy_sql) as copy:
                for row in rows:
                    copy.write_row(writer.params(row))
            return
        # Elsewhere, many rows per statement, within the usual limit of 65,535 parameters.
        per_statement = max(1, min(batch_size, _MAX_PARAMS // len(fields)))
        for batch in _batches(rows, per_statement):
            params = [value for row in batch for value in writer.params(row)]
            cursor.execute(head + ", ".join([placeholder] * len(batch)), params)


def bulk_add_children(
    parent: Page,
    model: type[Page],
    rows: Sequence[dict],
    *,
    key_rng: random.Random,
    batch_size: int = 2000,
) -> list[int]:
    """Append pages of type ``model`` (one dict of field values each) as live children of ``parent``.

    Call inside ``transaction.atomic()``. Fills in each row's tree position, a
    slug unique among its siblings, its URL path and its new ``id``; returns the ids.
    """
    if not rows:
        return []
    if model._meta.get_parent_list() != [Page]:
        raise TypeError(f"{model.__name__} must inherit directly from wagtail.models.Page")
    using = router.db_for_write(model)

    # Lock the parent row so that two writers cannot hand out the same paths.
    parent = Page.objects.using(using).select_for_update().get(pk=parent.pk)
    depth = parent.depth + 1
    siblings = Page.objects.using(using).filter(path__startswith=parent.path, depth=depth)
    last_path = siblings.order_by("-path").values_list("path", flat=True).first()
    step = Page._str2int(last_path[-Page.steplen :]) if last_path else 0
    if step + len(rows) >= len(Page.alphabet) ** Page.steplen:
        raise OverflowError(f"Page {parent.pk} cannot have {step + len(rows)} children")
    used_slugs = set(siblings.values_list("slug", flat=True))
    content_type_id = ContentType.objects.db_manager(using).get_for_model(model).pk

    for row in rows:
        step += 1
        slug = _unique_slug(row.get("slug") or vietnamese_slug(row["title"]) or "trang", used_slugs)
        published = row.get("first_published_at") or row.get("last_published_at")
        row.update(
            path=parent.path + Page._int2str(step).rjust(Page.steplen, Page.alphabet[0]),
            depth=depth,
            numchild=0,
            slug=slug,
            url_path=f"{parent.url_path}{slug}/",
            draft_title=row["title"],
            content_type_id=content_type_id,
            locale_id=parent.locale_id,
            live=True,
            has_unpublished_changes=False,
            translation_key=generated_key(key_rng),
            first_published_at=published,
            last_published_at=row.get("last_published_at") or published,
        )

    for batch in _batches(rows, batch_size):
        insert_rows(Page, batch, table_fields=Page._meta.concrete_fields, batch_size=batch_size)
        ids = dict(
            Page.objects.using(using)
            .filter(depth=depth, path__gte=batch[0]["path"], path__lte=batch[-1]["path"])
            .values_list("path", "id")
        )
        for row in batch:
            row["id"] = row["page_ptr_id"] = ids[row["path"]]
        insert_rows(model, batch, batch_size=batch_size)
    Page.objects.using(using).filter(pk=parent.pk).update(numchild=F("numchild") + len(rows))
    return [row["id"] for row in rows]


def _unique_slug(slug: str, used: set) -> str:
    slug = slug[:240]
    candidate, n = slug, 1
    while candidate in used:
        n += 1
        candidate = f"{slug}-{n}"
    used.add(candidate)
    return candidate
