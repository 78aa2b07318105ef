"""Absolute URLs and images as the API gives them: every URL absolute, every image with its sizes.

Links are made absolute against ``SITE_BASE_URL``, as the scans and GS1 links are, so an app or
a marketplace gets the same address whatever host it asked. An image comes with renditions at
fixed sizes (WebP), made once by Wagtail's pipeline and then read from the prefetched rows.
"""

import logging

from django.conf import settings
from django.db.models import prefetch_related_objects
from PIL import Image as PILImage

logger = logging.getLogger(__name__)

# name → Wagtail filter; what a card and a full-width view need.
RENDITIONS = {
    "small": "fill-400x300|format-webp",
    "large": "max-1200x1200|format-webp",
}


def absolute(url: str | None) -> str | None:
    if not url:
        return url or None
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return "https:" + url
    return settings.SITE_BASE_URL.rstrip("/") + ("" if url.startswith("/") else "/") + url


def absolutise(data):
    """Every ``url`` value in nested data made absolute (tours, 3D models and blocks give site paths)."""
    if isinstance(data, dict):
        return {
            key: absolute(value) if key == "url" and isinstance(value, str) else absolutise(value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [absolutise(item) for item in data]
    return data


def page_url(page, request) -> str | None:
    return absolute(page.get_url(request))


def prefetch_renditions(images) -> None:
    """One query for the renditions of all these images (Wagtail reads them from the prefetch)."""
    images = [image for image in images if image is not None and not hasattr(image, "_prefetched_objects_cache")]
    if images:
        prefetch_related_objects(images, "renditions")


def image_json(image) -> dict | None:
    if image is None:
        return None
    try:
        made = image.get_renditions(*RENDITIONS.values())
    except (OSError, SyntaxError, PILImage.DecompressionBombError):
        # A missing or unreadable file costs the image, not the answer.
        logger.warning("Image %s has no readable file; left out of the API answer", image.pk, exc_info=True)
        return None
    return {
        "id": image.pk,
        "title": image.title,
        "alt": getattr(image, "default_alt_text", "") or image.title,
        "credit": getattr(image, "credit", ""),
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {"url": absolute(made[spec].url), "width": made[spec].width, "height": made[spec].height}
            for name, spec in RENDITIONS.items()
        },
    }
