"""What both engines return, and the pieces of a result they share."""

import html
import math
import re
from dataclasses import dataclass, field

from core.text import fold_vietnamese, name_key

HIT_FIELDS = (
    "page_id",
    "kind",
    "title",
    "url",
    "summary",
    "stars",
    "region",
    "province",
    "category_group",
    "producer_type",
    "latitude",
    "longitude",
    "card",
)
SUMMARY_SNIPPET = 180
KM_PER_DEGREE = 111.32


class EngineUnavailable(Exception):
    """The engine could not answer (down, slow, or refused the query)."""


@dataclass
class Hit:
    fields: dict
    highlight: dict = field(default_factory=dict)
    distance_km: float | None = None


@dataclass
class EngineResult:
    engine: str
    count: int
    hits: list[Hit]
    facets: dict  # facet name -> {value: count}, for every facet of the table
    # Set by the service: what a code typed as the query named (search.identifiers.Identified),
    # and, when nothing was found, the corrected query that finds something.
    identified: object = None
    did_you_mean: str | None = None


@dataclass
class Suggestion:
    title: str
    url: str
    kind: str


def query_tokens(text: str) -> list[str]:
    return name_key(text).split()


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def _fold_chars(text: str) -> str:
    """Folded text whose positions match the original (Vietnamese letters fold one to one)."""
    folded = fold_vietnamese(text)
    if len(folded) == len(text):
        return folded
    return "".join((fold_vietnamese(char)[:1] or char) for char in text)


def highlight(text: str, tokens: list[str], limit: int | None = None) -> str:
    """HTML-escaped ``text`` with each word starting with a query token wrapped in <mark>.

    Matching ignores case and diacritics ("bo nui lua" marks "Bơ núi lửa").
    ``limit`` cuts a long text around the first match.
    """
    if not text:
        return ""
    spans = []
    if tokens:
        folded = _fold_chars(text)
        pattern = re.compile(r"(?<![0-9a-z])(" + "|".join(re.escape(token) for token in tokens) + r")[0-9a-z]*")
        spans = [match.span() for match in pattern.finditer(folded)]
    start, end = 0, len(text)
    if limit and len(text) > limit:
        first = spans[0][0] if spans else 0
        start = max(0, min(first - limit // 3, len(text) - limit))
        end = start + limit
    parts, cursor = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        parts.append(html.escape(text[cursor:span_start]))
        parts.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(html.escape(text[cursor:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(parts).strip() + suffix
