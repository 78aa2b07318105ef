"""The embedded engine: the same search, answered from the ``SearchEntry`` table.

Works on SQLite and PostgreSQL alike. The text (folded words) and the distance
(an equirectangular approximation) are matched in SQL, in one scan; the filters,
the facet counts (each with every *other* filter, as Elasticsearch's post_filter
does), the ranking and the page are then worked out in Python on the slim rows of
that scan, and only the page's own rows are read in full. One scan instead of one
per facet is what keeps a national catalogue fast on SQLite.
"""

import math
from collections import Counter
from itertools import compress

from django.db.models import Case, CharField, F, FloatField, Value, When
from django.db.models.functions import Cast, Coalesce

from search.models import SearchEntry
from search.params import SearchQuery

from .base import (
    FACETS,
    HIT_FIELDS,
    KM_PER_DEGREE,
    SUMMARY_SNIPPET,
    EngineResult,
    Hit,
    Suggestion,
    haversine_km,
    highlight,
    query_tokens,
)

SUGGESTIONS = 8
SLIM_FIELDS = (
    "page_id",
    "kind",
    "region",
    "province",
    "category_group",
    "category",
    "stars",
    "producer_type",
    "certifications",
    "title_folded",
)


def _reverse(text: str) -> tuple:
    """A key that sorts text in reverse (newest date first) inside an ascending sort."""
    return tuple(-ord(char) for char in text)


def _test(name: str, value):
    """A filter as a test on a slim row (a dict of SLIM_FIELDS)."""
    if name == "category":
        return lambda row: row["category_group"] == value or row["category"] == value
    if name == "stars":
        return lambda row: row["stars"] in value
    if name == "certification":
        needle = f" {value} "
        return lambda row: needle in row["certifications"]
    column = "kind" if name == "type" else name
    return lambda row: row[column] == value


def _facet_counts(rows: list[dict], facet: str, keep: list[bool] | None) -> Counter:
    chosen = rows if keep is None else compress(rows, keep)
    if facet == "certification":
        return Counter(slug for row in chosen for slug in row["certifications"].split())
    column = {"category": "category_group", "type": "kind"}.get(facet, facet)
    counts = Counter(row[column] for row in chosen)
    counts.pop(None, None)
    counts.pop("", None)
    return counts


class DatabaseEngine:
    name = "database"

    def search(self, query: SearchQuery) -> EngineResult:
        tokens = query_tokens(query.text)
        candidates = self._near(self._matching(SearchEntry.objects.visible(), tokens), query)
        fields = list(SLIM_FIELDS)
        if query.has_point:
            fields.append("distance2")
        if query.sort == "newest":
            # Text sorts like the date and costs nothing to read; parsing thousands of datetimes does.
            candidates = candidates.annotate(published_key=Coalesce(Cast("published_at", CharField()), Value("")))
            fields.append("published_key")
        rows = list(candidates.values(*fields))

        # One pass per filter; a facet counts the rows that pass every *other* filter.
        passes = {name: [test(row) for row in rows] for name, test in
                  ((name, _test(name, value)) for name, value in query.active_filters().items())}  # fmt: skip
        facets = {}
        for facet in FACETS:
            others = [column for name, column in passes.items() if name != facet]
            facets[facet] = _facet_counts(
                rows, facet, [all(flags) for flags in zip(*others, strict=True)] if others else None
            )
        everything = [all(flags) for flags in zip(*passes.values(), strict=True)] if passes else None
        matched = rows if everything is None else list(compress(rows, everything))

        matched.sort(key=self._sort_key(query, tokens))
        page_ids = [row["page_id"] for row in matched[query.offset : query.offset + query.page_size]]
        full = {row["page_id"]: row for row in SearchEntry.objects.filter(page_id__in=page_ids).values(*HIT_FIELDS)}
        hits = [self._hit(full[page_id], query, tokens) for page_id in page_ids if page_id in full]
        return EngineResult(
            engine=self.name, count=len(matched), hits=hits, facets={f: dict(c) for f, c in facets.items()}
        )

    def suggest(self, text: str, limit: int = SUGGESTIONS) -> list[Suggestion]:
        tokens = query_tokens(text)
        if not tokens:
            return []
        # Every word typed so far must start a word of the title; the last may be half typed.
        entries = SearchEntry.objects.visible()
        for token in tokens:
            entries = entries.filter(title_folded__contains=f" {token}")
        phrase = " " + " ".join(tokens)
        entries = entries.annotate(
            starts=Case(When(title_folded__startswith=phrase, then=Value(1)), default=Value(0))
        ).order_by("-starts", Coalesce("stars", 0).desc(), "title_folded")
        return [Suggestion(title=e.title, url=e.url, kind=e.kind) for e in entries[:limit]]

    # --- pieces ----------------------------------------------------------------------------
    @staticmethod
    def _matching(entries, tokens):
        # Whole words, except the last one, which may still be being typed.
        for position, token in enumerate(tokens):
            last = position == len(tokens) - 1
            entries = entries.filter(text_folded__contains=f" {token}" if last else f" {token} ")
        return entries

    @staticmethod
    def _near(entries, query: SearchQuery):
        if not query.has_point:
            return entries
        lat, lon = query.latitude, query.longitude
        scale = math.cos(math.radians(lat))
        entries = entries.annotate(
            distance2=Case(
                When(
                    latitude__isnull=False,
                    then=(F("latitude") - lat) * (F("latitude") - lat)
                    + (F("longitude") - lon) * (F("longitude") - lon) * scale * scale,
                ),
                default=None,
                output_field=FloatField(),
            )
        )
        if query.radius_km is not None:
            # A box first (it can use the index), then the circle.
            degrees = query.radius_km / KM_PER_DEGREE
            entries = entries.filter(
                latitude__range=(lat - degrees, lat + degrees), distance2__lte=degrees * degrees * 1.01
            )
        return entries

    @staticmethod
    def _sort_key(query: SearchQuery, tokens):
        def stars_desc(row):
            return -(row["stars"] or 0)

        if query.sort == "distance":
            return lambda row: (row["distance2"] is None, row["distance2"] or 0, row["title_folded"])
        if query.sort == "newest":
            return lambda row: (row["published_key"] == "", _reverse(row["published_key"]), row["title_folded"])
        if query.sort == "name":
            return lambda row: row["title_folded"]
        if query.sort == "stars" or not tokens:
            return lambda row: (stars_desc(row), row["title_folded"])

        # Relevance, in tiers: the whole query is the title > every word is in the title >
        # some are; then products before producers before stories; then phrase and prefix.
        phrase = " " + " ".join(tokens)
        kind_bonus = {"product": 60, "producer": 30}

        def score(row):
            title = row["title_folded"]
            in_title = sum(1 for token in tokens if f" {token}" in title)
            value = 100 * in_title + kind_bonus.get(row["kind"], 0)
            if title == phrase + " ":
                value += 20000
            if in_title == len(tokens):
                value += 10000
            if title.startswith(phrase):
                value += 20
            if phrase in title:
                value += 10
            return value

        return lambda row: (-score(row), stars_desc(row), row["title_folded"])

    @staticmethod
    def _hit(row: dict, query: SearchQuery, tokens) -> Hit:
        distance = None
        if query.has_point and row["latitude"] is not None:
            distance = round(haversine_km(query.latitude, query.longitude, row["latitude"], row["longitude"]), 1)
        marks = {
            "title": highlight(row["title"], tokens),
            "summary": highlight(row["summary"], tokens, SUMMARY_SNIPPET),
        }
        return Hit(fields=row, highlight=marks, distance_km=distance)
