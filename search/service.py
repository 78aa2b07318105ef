"""Which engine answers: Elasticsearch when configured and up, else the database engine.

The JSON is the same whichever engine answered (``"engine"`` says which), so a
client never notices a fallback except by that field.
"""

import datetime
import hashlib
from dataclasses import replace

from django.core.cache import cache
from django.utils import timezone

from . import elastic, identifiers, understanding
from .engines.base import EngineResult, EngineUnavailable, Hit, Suggestion
from .engines.database import DatabaseEngine
from .engines.elastic import ElasticEngine
from .facets import FACETS
from .freshness import index_version
from .models import EntryKind
from .params import SearchQuery

LABELS_KEY = "search:facet-labels"


def _engines():
    if elastic.available():
        return [ElasticEngine(), DatabaseEngine()]
    return [DatabaseEngine()]


def _answer(method: str, *args):
    engines = _engines()
    for engine in engines[:-1]:
        try:
            return getattr(engine, method)(*args)
        except EngineUnavailable as error:
            elastic.mark_down(error)
    return getattr(engines[-1], method)(*args)


RESULT_TTL = 120


def search(query: SearchQuery) -> EngineResult:
    """The answer, from the cache when the same question was asked since the index last changed.

    People browse the same regions, provinces and stars over and over; the first
    answer is worked out, the next ones are read. Any committed change to the index
    moves the version, so a cached answer never outlives what it shows.
    """
    key = f"search:{index_version()}:{engine_name()}:{hashlib.sha1(repr(query).encode()).hexdigest()}"
    result = cache.get(key)
    if result is None:
        result = _understood(query)
        cache.set(key, result, RESULT_TTL)
    return result


def _understood(query: SearchQuery) -> EngineResult:
    """A code names its products, which come first (alone); a search that finds nothing
    offers the corrected query that finds something."""
    identified = identifiers.identify(query.text) if query.text else None
    if identified is not None:
        result = _answer("search", replace(query, text="", page_ids=identified.page_ids))
        result.identified = identified
        return result
    result = _answer("search", query)
    if result.count == 0 and query.text:
        corrected = understanding.did_you_mean(query.text)
        if corrected and _answer("search", replace(query, text=corrected, page=1)).count:
            result.did_you_mean = corrected
    return result


def suggest(text: str) -> list[Suggestion]:
    return _answer("suggest", text)


def engine_name() -> str:
    return _engines()[0].name


# --- serialising ---------------------------------------------------------------------------------


def facet_labels() -> dict:
    """Display names of facet values; a handful of small tables, cached."""

    def build():
        return {facet.name: facet.value_labels() for facet in FACETS}

    return cache.get_or_set(LABELS_KEY, build, 300)


def certificate_status(card: dict, today: datetime.date) -> str | None:
    """Computed at answer time, so an expired certificate is never reported as valid."""
    if "expires_on" not in card:
        return None
    if card.get("revoked_on") and datetime.date.fromisoformat(card["revoked_on"]) <= today:
        return "revoked"
    if card.get("expires_on") and datetime.date.fromisoformat(card["expires_on"]) < today:
        return "expired"
    return "valid"


def serialise_hit(hit: Hit, today: datetime.date) -> dict:
    fields, card = hit.fields, hit.fields.get("card") or {}
    result = {
        "type": fields["kind"],
        "id": fields["page_id"],
        "title": fields["title"],
        "url": fields["url"],
        "summary": fields.get("summary") or "",
        "stars": fields.get("stars"),
        "province": card.get("province", ""),
        "region": card.get("region", ""),
        "image": card.get("image") or None,
        "highlight": hit.highlight,
    }
    if fields["kind"] == EntryKind.PRODUCT:
        result.update(
            category=card.get("category", ""),
            producer=card.get("producer", ""),
            certificate_status=certificate_status(card, today),
            expires_on=card.get("expires_on"),
        )
    elif fields["kind"] == EntryKind.PRODUCER:
        result["producer_type"] = card.get("producer_type", "")
    else:
        result.update(producer=card.get("producer", ""), reading_minutes=card.get("reading_minutes"))
    if hit.distance_km is not None:
        result["distance_km"] = hit.distance_km
    return result


def serialise(result: EngineResult, query: SearchQuery) -> dict:
    labels = facet_labels()
    today = timezone.localdate()
    facets = {}
    for facet in FACETS:
        names = labels[facet.name]
        facets[facet.name] = facet.ranked(
            [
                {"value": value, "label": names.get(value, str(value)), "count": count}
                for value, count in result.facets.get(facet.name, {}).items()
                if count
            ]
        )
    pages = max(1, -(-result.count // query.page_size))
    return {
        "engine": result.engine,
        "count": result.count,
        "page": query.page,
        "pages": pages,
        "page_size": query.page_size,
        "sort": query.sort,
        "results": [serialise_hit(hit, today) for hit in result.hits],
        "facets": facets,
        "did_you_mean": result.did_you_mean,
        "identified": _identified(result),
    }


def _identified(result: EngineResult) -> dict | None:
    """What the code typed named: the page offers to open it directly (one product) or its list."""
    identified = result.identified
    if identified is None:
        return None
    return {"label": identified.label, "count": len(identified.page_ids)}
