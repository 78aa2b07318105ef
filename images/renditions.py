"""Every rendition the public site shows, by name, and what a page needs made.

Templates ask for a named size (``{% picture_of page.image "card" … %}``, see
``images/templatetags/image_tags.py``), the API and the search index name theirs here too, so
that "which renditions does this page need" can be computed and made ahead, in the background,
when the page is published (``images.tasks``) — instead of by the first visitor.

A page says which of its images it shows, and in which sizes, with a ``rendition_needs()``
method yielding ``(image, size name)`` pairs (or ``(image, (filter spec, …))`` for sizes that
depend on the image, like a panorama's viewer widths, ``tours/models.py``): its own templates,
and where else it is drawn (a product's card on listings, its search card, its API field, its
tour and 3D model). Stream blocks say the same for their value with ``rendition_needs(value)``;
``stream_needs`` walks a StreamField. The page's link-preview image (``get_og_image`` and
``get_og_image_filter``, core's SEO mixin) is added here.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from wagtail.images.models import Filter


@dataclass(frozen=True)
class Size:
    """One named size: Wagtail filter specs, with the ``{a,b}`` expansion of the picture tag."""

    pattern: str
    # What it is for, for the reader of this table.
    used_for: str

    @property
    def specs(self) -> list[str]:
        return Filter.expand_spec(self.pattern)


PICTURE_FORMATS = "format-{avif,webp,jpeg}"

SIZES = {
    # Pictures: every width in AVIF, WebP and JPEG; the browser picks.
    "card": Size(
        f"{PICTURE_FORMATS} fill-{{320x240,480x360,640x480}}",
        "product, producer and story cards (listings, home, producer page)",
    ),
    "product_photo": Size(f"{PICTURE_FORMATS} fill-{{360x270,720x540,1080x810}}", "the product page's photo"),
    "producer_photo": Size(f"{PICTURE_FORMATS} fill-{{360x270,720x540}}", "the producer page's photo"),
    "gallery": Size(f"{PICTURE_FORMATS} fill-{{320x240,480x360,720x540}}", "a product's gallery"),
    "body_image": Size(f"{PICTURE_FORMATS} width-{{360,720,1080}}", "an image in a product's description"),
    "story_cover": Size(f"{PICTURE_FORMATS} fill-{{480x270,800x450,1200x675,1600x900,2000x1125}}", "a story's cover"),
    "story_image": Size(f"{PICTURE_FORMATS} width-{{360,720,1080,1440}}", "an image in a story"),
    "story_image_wide": Size(f"{PICTURE_FORMATS} width-{{480,800,1200,1600,2000}}", "a full-width image in a story"),
    "story_scene": Size(f"{PICTURE_FORMATS} fill-{{800x400,1200x600,1600x800,2000x1000}}", "a 360° scene's still"),
    "video_poster": Size(f"{PICTURE_FORMATS} fill-{{480x270,800x450,1200x675,1520x855}}", "a video's poster"),
    # Single renditions.
    "api_photo": Size("fill-800x600|format-webp", "a product's or producer's image in the headless API"),
    "api_cover": Size("fill-1200x630-c80|format-webp", "a story's cover in the headless API"),
    "search_card": Size("fill-320x240|format-webp|webpquality-70", "a result card in search (kept in the index)"),
}


def specs(size: str) -> list[str]:
    return SIZES[size].specs


def spec(size: str) -> str:
    """The one filter spec of a single-rendition size (the API's, the search card's)."""
    (only,) = SIZES[size].specs
    return only


def stream_needs(stream) -> Iterator[tuple[object, str]]:
    """What the blocks of a StreamField value show (each block that says so; top level only)."""
    for child in stream or ():
        needs = getattr(child.block, "rendition_needs", None)
        if needs is not None:
            yield from needs(child.value)


@dataclass(frozen=True)
class Need:
    """One image of a page and the filter specs it is shown in."""

    image: object
    specs: tuple[str, ...]


def page_needs(page) -> list[Need]:
    """Every rendition the public site shows of this page's images, grouped by image."""
    by_image: dict[int, tuple[object, list[str]]] = {}

    def add(image, filter_specs: Iterable[str]) -> None:
        if image is None:
            return
        _, known = by_image.setdefault(image.pk, (image, []))
        known.extend(spec for spec in filter_specs if spec not in known)

    for image, size in getattr(page, "rendition_needs", lambda: ())():
        add(image, specs(size) if isinstance(size, str) else size)
    og_image = page.get_og_image() if hasattr(page, "get_og_image") else None
    if og_image is not None:
        add(og_image, [page.get_og_image_filter()])
    return [Need(image, tuple(filter_specs)) for image, filter_specs in by_image.values()]
