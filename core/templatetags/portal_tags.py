"""Template helpers for the public site: JSON-LD, Vietnamese number format, stars, badges."""

import json
import logging

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError

from core import extension_points

register = template.Library()
logger = logging.getLogger(__name__)

MAX_STARS = 5

# JSON is valid inside <script> only if nothing in it can close the element or
# open a comment: escape the characters HTML cares about as JSON unicode escapes.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, page=None):
    """``<script type="application/ld+json">`` for the page's schema.org data, or nothing."""
    page = page if page is not None else context.get("page")
    if page is None or not hasattr(page, "get_json_ld"):
        return ""
    data = page.get_json_ld(context.get("request"))
    if not data:
        return ""
    data = {**data, **extension_points.json_ld(page, context.get("request"))}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


@register.filter
def vn_number(value):
    """15000 → "15.000" (Vietnamese thousands separator); non-numbers pass through."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return value
    return f"{number:,}".replace(",", ".")


@register.filter
def star_symbols(stars):
    """4 → "★★★★☆" (out of five)."""
    try:
        count = max(0, min(MAX_STARS, int(stars)))
    except (TypeError, ValueError):
        return ""
    return "★" * count + "☆" * (MAX_STARS - count)


@register.filter
def certificate_status_code(page):
    """The status code, "valid", "expired" or "revoked", computed from today's date (never stored)."""
    try:
        return page.certificate_status().value
    except AttributeError:
        return ""


@register.simple_tag(takes_context=True)
def og_image_url(context, page=None):
    """Absolute URL of the page's Open Graph image (1200×630), or an empty string."""
    page = page if page is not None else context.get("page")
    image = page.get_og_image() if page is not None and hasattr(page, "get_og_image") else None
    if not image:
        return ""
    try:
        rendition = image.get_rendition(page.get_og_image_filter())
    except SourceImageIOError:  # its stored file is missing or cannot be decoded: no preview image
        logger.warning("page %s: no link-preview image, image %s cannot be read", page.pk, image.pk)
        return ""
    url = rendition.url
    if url.startswith("/"):  # local media: same origin as the page's canonical URL
        url_parts = page.get_url_parts(context.get("request"))
        if url_parts is None:  # the page is not routable on any site
            return rendition.full_url
        url = url_parts[1].rstrip("/") + url
    return url


@register.simple_tag(takes_context=True)
def page_sections(context, slot: str):
    """What other apps draw in this slot of the page (``ocop_page_sections``), in their order.

    Each section's template sees the page's whole context (and the section's own), so a
    story or a scanned package is drawn from the context its app added (``ocop_page_context``).
    """
    page = context.get("page")
    if page is None:
        return ""
    engine = context.template.engine
    parts = []
    for section in extension_points.page_sections(page, slot):
        with context.push(**(section.context or {})):
            parts.append(engine.get_template(section.template).render(context))
    return mark_safe("".join(parts))


@register.simple_tag
def osm_url(latitude, longitude, zoom=13):
    """A plain link to OpenStreetMap at a point (no embedded third-party map)."""
    if latitude is None or longitude is None:
        return ""
    lat, lon = f"{float(latitude):.5f}", f"{float(longitude):.5f}"
    return format_html(
        "https://www.openstreetmap.org/?mlat={}&amp;mlon={}#map={}/{}/{}",
        lat,
        lon,
        zoom,
        lat,
        lon,
    )


@register.simple_tag
def elided_pages(page_obj, on_each_side=2, on_ends=1):
    """Page numbers around the current one, with Paginator.ELLIPSIS for the gaps."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends))


@register.filter
def lookup(mapping, key):
    """``counts|lookup:"5"`` → counts[5] (or counts["5"]); None when absent."""
    if not mapping:
        return None
    if key in mapping:
        return mapping[key]
    try:
        return mapping.get(int(key))
    except (TypeError, ValueError):
        return None
