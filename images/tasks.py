"""Renditions made ahead, in the background: on publishing, and when an image's file or focal point changes.

What a page needs is ``images.renditions.page_needs``. The tasks run on django-tasks' default
backend (the worker in production; inline with the immediate backend in development); they make
renditions with no request budget. Enqueuing happens after the change has committed, and a
failure to enqueue is logged: publishing and uploading never fail because of it.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_tasks import task
from wagtail.images.models import Filter, SourceImageIOError
from wagtail.models import Page, ReferenceIndex

from core.publishing import PublicChange, Reason
from core.visibility import public_pages

from . import budget
from .models import PortalImage
from .renditions import page_needs

logger = logging.getLogger(__name__)

# What can make a page show an image it did not show before: publishing it (also through its
# review), moving it (a new URL and section), making it public again, a changed public thing.
MAKES_PAGES_SHOW = {Reason.PUBLISHED, Reason.APPROVED, Reason.MOVED, Reason.PRIVACY}


def make_for_page(page, *, remake: bool = False, image_id: int | None = None) -> int:
    """Make the renditions the public site shows of this page's images; how many were made.

    ``remake``: replace those already made too. ``image_id``: only that image's.
    A missing or unreadable stored file is logged by the image model and skipped.
    """
    made = 0
    with budget.unbounded():
        for need in page_needs(page):
            image = need.image
            if image_id is not None and image.pk != image_id:
                continue
            filters = [image.clean_filter_for_svg(Filter(spec=spec)) for spec in need.specs]
            if remake:
                # One by one, so that Wagtail's signals purge each from the cache and delete its file.
                for rendition in image.renditions.filter(filter_spec__in=[f.spec for f in filters]):
                    rendition.delete()
            existing = image.find_existing_renditions(*filters)
            missing = [filter for filter in filters if filter not in existing]
            try:
                made += len(image.create_renditions(*missing))
            except SourceImageIOError:
                logger.warning("page %s: the renditions of image %s were not made", page.pk, image.pk)
    return made


@task()
def make_page_renditions(page_ids: list[int]) -> int:
    """Make what the public site shows of these pages' images (those of them that are public)."""
    pages = public_pages(Page.objects.filter(pk__in=page_ids)).specific()
    return sum(make_for_page(page) for page in pages.iterator())


@task()
def make_image_renditions(image_id: int) -> int:
    """Make this image's renditions for every public page that shows it (its file or focal point changed)."""
    image = PortalImage.objects.filter(pk=image_id).first()
    if image is None:
        return 0
    # Wagtail's reference index names each page that uses it (a gallery row, a block: under its page).
    references = ReferenceIndex.get_references_to(image).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    page_ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    pages = public_pages(Page.objects.filter(pk__in=page_ids)).specific()
    return sum(make_for_page(page, image_id=image_id) for page in pages.iterator())


def _enqueue(task_, *args) -> None:
    try:
        task_.enqueue(*args)
    except Exception:  # noqa: BLE001 - whatever the backend raises: the change is committed, renditions can wait
        logger.exception("could not enqueue %s%r; the renditions will be made on first view", task_.name, args)


def on_public_change(change: PublicChange) -> None:
    """After commit: the pages just made public get their renditions made in the background."""
    if change.page_ids and change.reasons & MAKES_PAGES_SHOW:
        _enqueue(make_page_renditions, sorted(change.page_ids))


# Fields of an image whose change makes every rendition of it new.
RENDITION_INPUTS = ("file", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")


def on_image_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs) -> None:
    """A new file or focal point: its renditions for the pages already showing it, after commit.

    A new upload is on no page yet (its renditions come when a page is published with it).
    """
    if raw or created:
        return
    if update_fields is not None and not set(update_fields) & set(RENDITION_INPUTS):
        return
    transaction.on_commit(lambda: _enqueue(make_image_renditions, instance.pk))
