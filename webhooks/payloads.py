"""What a webhook says: ``{"type", "timestamp", "data"}``, with public fields only.

One module, so that the payloads can later be built by the /api/v1 serialisers. Everything
here is already on the public page: no rating details beyond stars and status, no owner, no
draft. A page that stopped being public (unpublished, made private, under an unpublished
section, deleted) is named by its id, type and last public URL only.
"""

import datetime

from django.conf import settings

from catalogue.models import ProducerPage, ProductPage
from stories.models import StoryPage

KIND_OF = {ProductPage: "product", ProducerPage: "producer", StoryPage: "story"}
API_COLLECTION = {"product": "products", "producer": "producers", "story": "stories"}


def kind_of(page) -> str | None:
    return KIND_OF.get(type(page))


def public_url(page) -> str:
    """The page's absolute public address, on ``SITE_BASE_URL``."""
    parts = page.get_url_parts()
    path = parts[2] if parts else page.url_path
    return settings.SITE_BASE_URL + path


def api_url(kind: str, page_id: int) -> str:
    return f"{settings.SITE_BASE_URL}/api/v1/{API_COLLECTION[kind]}/{page_id}"


def envelope(event_type: str, data: dict, at: datetime.datetime) -> dict:
    return {"type": event_type, "timestamp": _iso(at), "data": data}


def public_page_data(page, url: str) -> dict:
    """A public page as a published/updated event carries it (the page is specific)."""
    kind = kind_of(page)
    data = {
        "id": page.pk,
        "type": kind,
        "title": page.title,
        "url": url,
        "api_url": api_url(kind, page.pk),
        "updated_at": _iso(page.last_published_at),
    }
    if kind == "product":
        data.update(
            stars=page.stars,
            status=page.certificate_status().value,
            province=page.province_code or None,
        )
    elif kind == "producer":
        data.update(producer_type=page.producer_type, province=page.province_id or None)
    return data


def gone_page_data(kind: str, page_id: int, url: str) -> dict:
    """A page that is no longer public: only what a receiver needs to drop its copy."""
    return {"id": page_id, "type": kind, "url": url}


def certificate_data(product, url: str, today: datetime.date) -> dict:
    data = {
        "id": product.pk,
        "type": "product",
        "title": product.title,
        "url": url,
        "api_url": api_url("product", product.pk),
        "stars": product.stars,
        "status": product.certificate_status(today).value,
        "expires_on": product.expires_on.isoformat() if product.expires_on else None,
    }
    if product.revoked_on and product.revoked_on <= today:
        data.update(revoked_on=product.revoked_on.isoformat(), revocation_reason=product.revocation_reason)
    return data


def _iso(moment: datetime.datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
