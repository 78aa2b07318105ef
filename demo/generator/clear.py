"""Removing generated pages in bulk (``generate_catalog --clear``).

Deleting pages the usual way (``Page.delete()`` or a page queryset's
``delete()``) unpublishes, logs and de-indexes every page one by one, which
takes minutes for a national catalogue. Generated pages are deleted here in
chunks of ids instead, honouring each relation's ``on_delete``:

- rows that reference a page with CASCADE are deleted through the ORM (with
  their own cascades and signals), or directly when nothing can reference them
  in turn (inline child rows such as marketplace links);
- SET_NULL references are cleared (a hand-made product whose producer was
  generated keeps existing, without a producer); PROTECT / RESTRICT stop the
  whole clear;
- many-to-many rows, Wagtail's search entries, reference index rows and
  revisions of the pages go too; then the page rows, and the parents'
  ``numchild`` is recounted.

No ``page_unpublished`` signals are sent: rebuild external search indexes
afterwards (``manage.py rebuild_search_index``).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models, router, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from wagtail.models import Page, ReferenceIndex, Revision

from catalogue.models import ProducerPage, ProductPage

from .bulk import generated_pages

CHUNK = 500


def clear_generated() -> tuple[int, int]:
    """Delete every generated product and producer page; returns (products, producers)."""
    using = router.db_for_write(ProductPage)
    with transaction.atomic(using=using):
        # Products first: they reference producers.
        products = _delete_pages(ProductPage, using)
        producers = _delete_pages(ProducerPage, using)
    return products, producers


def _delete_pages(model: type[Page], using: str) -> int:
    pages = list(generated_pages(model.objects.using(using)).values_list("pk", "path", "depth"))
    ids = [pk for pk, _, _ in pages]
    content_types = ContentType.objects.db_manager(using).get_for_models(model, Page)
    type_ids = [ct.pk for ct in content_types.values()]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        _delete_references(model, chunk, using)
        keys = [str(pk) for pk in chunk]
        Revision.objects.using(using).filter(base_content_type_id__in=type_ids, object_id__in=keys).delete()
        ReferenceIndex.objects.using(using).filter(base_content_type_id__in=type_ids, object_id__in=keys).delete()
        _delete_search_entries(type_ids, keys, using)
        model._base_manager.using(using).filter(pk__in=chunk)._raw_delete(using)
        Page._base_manager.using(using).filter(pk__in=chunk)._raw_delete(using)
    _recount_children({(path[: -Page.steplen], depth - 1) for _, path, depth in pages}, using)
    return len(ids)


def _delete_references(model: type[Page], chunk: list[int], using: str) -> None:
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        through._base_manager.using(using).filter(**{f"{field.m2m_field_name()}_id__in": chunk}).delete()
    for relation in model._meta.related_objects:
        if relation.parent_link or relation.many_to_many:
            continue
        related = relation.related_model._base_manager.using(using).filter(**{f"{relation.field.attname}__in": chunk})
        on_delete = relation.on_delete
        if on_delete is models.DO_NOTHING:
            continue
        if on_delete is models.CASCADE and not relation.related_model._meta.related_objects:
            # A leaf (a product's marketplace links, gallery rows): nothing can
            # depend on these rows, and their per-row delete signals only clean
            # up reference-index entries that bulk-created rows never had.
            related._raw_delete(using)
        elif on_delete is models.CASCADE:
            related.delete()
        elif on_delete is models.SET_NULL:
            related.update(**{relation.field.attname: None})
        elif on_delete in (models.PROTECT, models.RESTRICT):
            blocking = list(related[:5])
            if blocking:
                error = ProtectedError if on_delete is models.PROTECT else RestrictedError
                raise error(
                    f"Generated {model._meta.verbose_name} pages are still referenced by "
                    f"{relation.related_model._meta.verbose_name_plural}.",
                    set(blocking),
                )
        elif related.exists():
            raise NotImplementedError(f"Cannot bulk-delete pages referenced through {relation.field} ({on_delete})")


def _delete_search_entries(type_ids: list[int], keys: list[str], using: str) -> None:
    """Wagtail's database search backend keeps one IndexEntry per indexed object."""
    try:
        from wagtail.search.models import IndexEntry
    except ImportError:  # pragma: no cover - the search app is not installed
        return
    IndexEntry.objects.using(using).filter(content_type_id__in=type_ids, object_id__in=keys).delete()


def _recount_children(parents: set[tuple[str, int]], using: str) -> None:
    for path, depth in parents:
        count = Page.objects.using(using).filter(path__startswith=path, depth=depth + 1).count()
        Page.objects.using(using).filter(path=path).update(numchild=count)
