"""The embedded engine: the same search, answered from the ``SearchEntry`` table.

Works on SQLite and PostgreSQL alike. The text (folded words) and a radius (an
equirectangular approximation) are matched in SQL, in one scan that returns ids;
the filters, the facet counts (each with every *other* filter, as Elasticsearch's
post_filter does), the ranking and the page are worked out in Python on a snapshot
of the slim rows kept in the process until the table changes, and only the page's
own rows are read in full.
"""

import heapq
import math
from collections import Counter

from django.db.models import Case, CharField, Count, F, FloatField, Max, Q, Value, When
from django.db.models.functions import Cast, Coalesce

from search import understanding
from search.facets import FACETS, Facet, index_columns
from search.freshness import index_version
from search.models import SearchEntry
from search.params import SearchQuery

from .base import (
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
# What filtering, counting and ranking read: the facets' columns, the kind and stars for ranking.
SLIM_FIELDS = tuple(dict.fromkeys(("page_id", "kind", *index_columns(), "stars", "title_folded")))


def _reverse(text: str) -> tuple:
    """A key that sorts text in reverse (newest date first) inside an ascending sort."""
    return tuple(-ord(char) for char in text)


def _test(facet: Facet, value):
    """A facet's filter as a test on a slim row (a dict of SLIM_FIELDS)."""
    if facet.several_stored:  # space-padded slugs: " vietgap ocop "
        needle = f" {value} "
        return lambda row: needle in row[facet.column]
    if facet.several_chosen:
        return lambda row: row[facet.column] in value
    columns = facet.columns()
    return lambda row: any(row[column] == value for column in columns)


def _facet_counts(chosen: list[dict], facet: Facet) -> Counter:
    if facet.several_stored:
        return Counter(slug for row in chosen for slug in row[facet.column].split())
    counts = Counter(row[facet.column] for row in chosen)
    counts.pop(None, None)
    counts.pop("", None)
    return counts


def _distance2(row: dict, lat: float, lon: float, scale: float) -> float | None:
    if row["latitude"] is None:
        return None
    return (row["latitude"] - lat) ** 2 + (row["longitude"] - lon) ** 2 * scale


def _group_filter(group, column: str, whole: bool = True) -> Q:
    """Rows whose folded text holds one of the group's alternatives: whole words, or (the word
    being typed, or ``whole=False``) a word's start."""
    condition = Q()
    for alternative in group.alternatives:
        end = "" if alternative.prefix or not whole else " "
        condition |= Q(**{f"{column}__contains": f" {alternative.phrase}{end}"})
    return condition


# How much a group counts when it is in the title: as typed (or another way to write it) >
# the start of a longer word > a corrected typo.
AS_TYPED, AS_PREFIX, AS_CORRECTED = 3, 2, 1


def _title_weight(group, title: str) -> int:
    best = 0
    for alternative in group.alternatives:
        if f" {alternative.phrase} " in title:
            best = max(best, AS_TYPED if alternative.exact else AS_CORRECTED)
        elif alternative.prefix and f" {alternative.phrase}" in title:
            best = max(best, AS_PREFIX)
    return best


class Snapshot:
    """The slim rows of every visible entry, as of one stamp of the table, and their facet counts."""

    def __init__(self, stamp, rows: dict[int, dict]):
        self.stamp = stamp
        self.rows = rows
        self._counts: dict[str, Counter] = {}

    def counts(self, facet: Facet) -> Counter:
        """A facet's counts over every visible row (no filter)."""
        if facet.name not in self._counts:
            self._counts[facet.name] = _facet_counts(list(self.rows.values()), facet)
        return self._counts[facet.name]


# Kept in this process until the table changes: counting facets over a national catalogue
# then costs a few passes over lists, not a table scan building 20,000 Python objects per
# request. Replaced whole (one assignment), so a concurrent request never sees half of one.
_snapshot = Snapshot(None, {})


def snapshot() -> Snapshot:
    global _snapshot
    # The shared version moves on every committed change; the table's own stamp covers a flushed cache.
    table = SearchEntry.objects.aggregate(latest=Max("updated_at"), entries=Count("page_id"))
    stamp = (index_version(), table["latest"], table["entries"])
    current = _snapshot
    if current.stamp != stamp:
        rows = (
            SearchEntry.objects.visible()
            # Text sorts like the date and costs nothing to read; parsing thousands of datetimes does.
            .annotate(published_key=Coalesce(Cast("published_at", CharField()), Value("")))
            .values(*SLIM_FIELDS, "latitude", "longitude", "published_key")
        )
        current = _snapshot = Snapshot(stamp, {row["page_id"]: row for row in rows})
    return current


class DatabaseEngine:
    name = "database"

    def __init__(self):
        self.distances: dict[int, float | None] = {}  # squared degrees, for sorting by distance

    def search(self, query: SearchQuery) -> EngineResult:
        groups = understanding.read(query.text)
        current = snapshot()
        rows = self._candidates(query, groups, current.rows)
        every_row = not groups and query.radius_km is None and not query.page_ids

        # The positions passing each filter; a facet counts the rows that pass every *other* filter.
        passing = {
            facet.name: {position for position, row in enumerate(rows) if test(row)}
            for facet, test in ((facet, _test(facet, value)) for facet, value in query.active_filters())
        }
        facets = {}
        for facet in FACETS:
            others = [positions for name, positions in passing.items() if name != facet.name]
            if not others:
                counts = current.counts(facet) if every_row else _facet_counts(rows, facet)
            else:
                counts = _facet_counts([rows[position] for position in set.intersection(*others)], facet)
            facets[facet.name] = counts
        matched = rows if not passing else [rows[position] for position in set.intersection(*passing.values())]

        # Only the rows up to the end of the asked page are put in order.
        wanted = heapq.nsmallest(query.offset + query.page_size, matched, key=self._sort_key(query, groups))
        page_ids = [row["page_id"] for row in wanted[query.offset :]]
        full = {row["page_id"]: row for row in SearchEntry.objects.filter(page_id__in=page_ids).values(*HIT_FIELDS)}
        marked = understanding.words_to_mark(groups)
        hits = [self._hit(full[page_id], query, marked) for page_id in page_ids if page_id in full]
        return EngineResult(
            engine=self.name, count=len(matched), hits=hits, facets={f: dict(c) for f, c in facets.items()}
        )

    def suggest(self, text: str, limit: int = SUGGESTIONS) -> list[Suggestion]:
        groups = understanding.read(text)
        if not groups:
            return []
        # Every word typed so far (or one of its alternatives) must start a word of the title.
        entries = SearchEntry.objects.visible()
        for group in groups:
            entries = entries.filter(_group_filter(group, "title_folded", whole=False))
        phrase = " " + " ".join(query_tokens(text))
        entries = entries.annotate(
            starts=Case(When(title_folded__startswith=phrase, then=Value(1)), default=Value(0))
        ).order_by("-starts", Coalesce("stars", 0).desc(), "title_folded")
        return [Suggestion(title=e.title, url=e.url, kind=e.kind) for e in entries[:limit]]

    # --- pieces ----------------------------------------------------------------------------
    def _candidates(self, query: SearchQuery, groups, by_id: dict[int, dict]) -> list[dict]:
        """The slim rows the text, the identified pages and the radius allow (every visible row when none is given)."""
        if query.page_ids:
            by_id = {page_id: by_id[page_id] for page_id in query.page_ids if page_id in by_id}
        if not groups and query.radius_km is None:
            if not query.has_point:
                return list(by_id.values())
            # Every row is a candidate: the rows stay shared, their distances go to a side table.
            lat, lon = query.latitude, query.longitude
            scale = math.cos(math.radians(lat)) ** 2
            self.distances = {page_id: _distance2(row, lat, lon, scale) for page_id, row in by_id.items()}
            return list(by_id.values())
        entries = SearchEntry.objects.visible()
        if query.page_ids:
            entries = entries.filter(page_id__in=query.page_ids)
        candidates = self._near(self._matching(entries, groups), query)
        if query.has_point:
            self.distances = dict(candidates.values_list("page_id", "distance2"))
            return [by_id[page_id] for page_id in self.distances if page_id in by_id]
        return [by_id[page_id] for page_id in candidates.values_list("page_id", flat=True) if page_id in by_id]

    @staticmethod
    def _matching(entries, groups):
        # One alternative of every group, as whole words, except the word still being typed.
        for group in groups:
            entries = entries.filter(_group_filter(group, "text_folded"))
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

    def _sort_key(self, query: SearchQuery, groups):
        def stars_desc(row):
            return -(row["stars"] or 0)

        if query.sort == "distance":
            distances = self.distances
            return lambda row: (
                distances.get(row["page_id"]) is None,
                distances.get(row["page_id"]) or 0,
                row["title_folded"],
            )
        if query.sort == "newest":
            return lambda row: (row["published_key"] == "", _reverse(row["published_key"]), row["title_folded"])
        if query.sort == "name":
            return lambda row: row["title_folded"]
        if query.sort == "stars" or not groups:
            return lambda row: (stars_desc(row), row["title_folded"])

        # Relevance, in tiers: the whole query is the title > every group is in the title > some
        # are; a word as typed (or a synonym, or a split) before a prefix before a corrected typo;
        # then products before producers before stories; then phrase and prefix.
        phrase = " " + " ".join(word for group in groups for word in group.typed)
        kind_bonus = {"product": 60, "producer": 30}

        def score(row):
            title = row["title_folded"]
            weights = [_title_weight(group, title) for group in groups]
            value = 100 * sum(weights) + kind_bonus.get(row["kind"], 0)
            if title == phrase + " ":
                value += 20000
            if all(weights):
                value += 10000
            if title.startswith(phrase):
                value += 20
            if phrase in title:
                value += 10
            return value

        return lambda row: (-score(row), stars_desc(row), row["title_folded"])

    @staticmethod
    def _hit(row: dict, query: SearchQuery, marked: list[str]) -> Hit:
        distance = None
        if query.has_point and row["latitude"] is not None:
            distance = round(haversine_km(query.latitude, query.longitude, row["latitude"], row["longitude"]), 1)
        marks = {
            "title": highlight(row["title"], marked),
            "summary": highlight(row["summary"], marked, SUMMARY_SNIPPET),
        }
        return Hit(fields=row, highlight=marks, distance_km=distance)
