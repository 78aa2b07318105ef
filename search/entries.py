"""What the index holds for a page: built from the live, public page and nothing else.

``entry_fields(page)`` gives the fields of a ``SearchEntry`` for a product,
producer or story page, or ``None`` when the page must not be findable (not
live, not public, or not a searchable kind).
"""

import datetime
import logging

from django.utils import timezone
from PIL import Image as PILImage

from core.text import name_key
from core.visibility import public_pages
from images import renditions
from stories.blocks import readable_text

from .models import EntryKind

CARD_RENDITION = renditions.spec("search_card")

logger = logging.getLogger(__name__)


def folded(*parts) -> str:
    """Searchable text: folded, punctuation removed, padded so that words can be matched at their start."""
    return " " + name_key(" ".join(str(part) for part in parts if part)) + " "


def padded(slugs) -> str:
    return f" {' '.join(slugs)} " if slugs else ""


def _image_url(image, page) -> str:
    """The card's rendition URL; "" (logged with the page) when the image's file is missing or unreadable.

    A missing file is Wagtail's ``SourceImageIOError`` or the storage's ``FileNotFoundError``; a
    corrupt one is Pillow's ``UnidentifiedImageError`` / ``OSError`` ("truncated"), Willow's
    ``UnrecognisedImageFormatError`` (all ``OSError``), a ``SyntaxError`` from Pillow's parsers or
    its ``DecompressionBombError``. Those must not stop indexing; anything else is a fault and propagates.
    """
    if image is None:
        return ""
    try:
        return image.get_rendition(CARD_RENDITION).url
    except (OSError, SyntaxError, PILImage.DecompressionBombError):
        logger.warning(
            "search entry of page %s: no card image, image %s (%s) cannot be read",
            page.pk,
            image.pk,
            image.file.name,
            exc_info=True,
        )
        return ""


def _as_datetime(day: datetime.date | None):
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _place(province, ward=None) -> dict:
    region = province.region if province else None
    return {
        "province": province.slug if province else "",
        "region": region.slug if region else "",
        "province_name": province.short_name if province else "",
        "region_name": region.name if region else "",
        "ward_name": ward.name if ward else "",
    }


def _coordinates(*candidates) -> tuple[float | None, float | None]:
    for candidate in candidates:
        if candidate is not None and candidate.latitude is not None and candidate.longitude is not None:
            return candidate.latitude, candidate.longitude
    return None, None


def product_fields(product, producer) -> dict:
    """``producer`` is the product's producer if its page is live and public, else None."""
    place = _place(product.origin_province, product.origin_ward)
    category = product.category
    group = category.parent or category
    latitude, longitude = _coordinates(producer, product.origin_ward, product.origin_province)
    certifications = list(product.certifications.all())
    return {
        "kind": EntryKind.PRODUCT,
        "title": product.title,
        "summary": product.summary or product.describe(),
        "title_folded": folded(product.title),
        "text_folded": folded(
            product.title,
            product.summary,
            producer.title if producer else "",
            producer.legal_name if producer else "",
            category.name,
            group.name,
            place["ward_name"],
            place["province_name"],
            place["region_name"],
            product.origin_legacy_address,
            producer.legacy_address if producer else "",
            product.geographical_indication,
            " ".join(certification.name for certification in certifications),
        ),
        "region": place["region"],
        "province": place["province"],
        "category_group": group.slug,
        "category": category.slug,
        "stars": product.stars,
        "producer_type": producer.producer_type if producer else "",
        "certifications": padded(sorted(certification.slug for certification in certifications)),
        "latitude": latitude,
        "longitude": longitude,
        "published_at": _as_datetime(product.recognised_on),
        "card": {
            "province": place["province_name"],
            "region": place["region_name"],
            "category": category.name,
            "producer": producer.title if producer else "",
            "image": _image_url(product.image, product),
            "expires_on": product.expires_on.isoformat() if product.expires_on else None,
            "revoked_on": product.revoked_on.isoformat() if product.revoked_on else None,
        },
    }


def producer_fields(producer) -> dict:
    place = _place(producer.province, producer.ward)
    latitude, longitude = _coordinates(producer, producer.ward, producer.province)
    return {
        "kind": EntryKind.PRODUCER,
        "title": producer.title,
        "summary": producer.describe(),
        "title_folded": folded(producer.title),
        "text_folded": folded(
            producer.title,
            producer.legal_name,
            producer.get_producer_type_display(),
            place["ward_name"],
            place["province_name"],
            place["region_name"],
            producer.legacy_address,
            producer.street_address,
        ),
        "region": place["region"],
        "province": place["province"],
        "category_group": "",
        "category": "",
        "stars": None,
        "producer_type": producer.producer_type,
        "certifications": "",
        "latitude": latitude,
        "longitude": longitude,
        "published_at": producer.first_published_at,
        "card": {
            "province": place["province_name"],
            "region": place["region_name"],
            "producer_type": producer.get_producer_type_display(),
            "image": _image_url(producer.image, producer),
        },
    }


def story_fields(story, producer) -> dict:
    place = _place(producer.province, producer.ward) if producer else _place(None)
    latitude, longitude = _coordinates(producer) if producer else (None, None)
    return {
        "kind": EntryKind.STORY,
        "title": story.title,
        "summary": story.standfirst,
        "title_folded": folded(story.title),
        "text_folded": folded(
            story.title,
            story.standfirst,
            producer.title if producer else "",
            place["province_name"],
            place["region_name"],
            producer.legacy_address if producer else "",
            readable_text(story.body),
        ),
        "region": place["region"],
        "province": place["province"],
        "category_group": "",
        "category": "",
        "stars": None,
        "producer_type": producer.producer_type if producer else "",
        "certifications": "",
        "latitude": latitude,
        "longitude": longitude,
        "published_at": story.first_published_at,
        "card": {
            "province": place["province_name"],
            "region": place["region_name"],
            "producer": producer.title if producer else "",
            "image": _image_url(story.cover_image, story),
            "reading_minutes": story.reading_minutes,
        },
    }


def entry_fields(page) -> dict | None:
    """The entry for one page, or None if the page must not be findable."""
    from catalogue.models import ProducerPage, ProductPage
    from stories.models import StoryPage

    page = page.specific
    if not isinstance(page, ProductPage | ProducerPage | StoryPage):
        return None
    if not public_pages().filter(pk=page.pk).exists():
        return None
    fields = None
    if isinstance(page, ProductPage):
        fields = product_fields(page, _live_producer(page.producer_id))
    elif isinstance(page, ProducerPage):
        fields = producer_fields(page)
    elif isinstance(page, StoryPage):
        fields = story_fields(page, _live_producer(page.producer_id))
    fields["url"] = page.get_url() or page.url_path
    return fields


def _live_producer(producer_id):
    from catalogue.models import ProducerPage

    if producer_id is None:
        return None
    return public_pages().type(ProducerPage).specific().filter(pk=producer_id).first()
