"""The embedded engine: the same search, answered from the ``SearchEntry`` table.

Works on SQLite and PostgreSQL alike: folded text matched word by word, filters
and facets as plain queries, distance by an equirectangular approximation in
SQL (exact haversine for the page shown).
"""

import math
from collections import Counter

from django.db.models import Case, Count, F, FloatField, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce

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


def _filter_q(name: str, value) -> Q:
    if name == "category":
        return Q(category_group=value) | Q(category=value)
    if name == "stars":
        return Q(stars__in=value)
    if name == "certification":
        return Q(certifications__contains=f" {value} ")
    if name == "type":
        return Q(kind=value)
    return Q(**{name: value})


def apply_filters(entries, filters: dict):
    for name, value in filters.items():
        entries = entries.filter(_filter_q(name, value))
    return entries


class DatabaseEngine:
    name = "database"

    def search(self, query: SearchQuery) -> EngineResult:
        tokens = query_tokens(query.text)
        candidates = self._matching(SearchEntry.objects.visible(), tokens)
        candidates = self._near(candidates, query)
        results = apply_filters(candidates, query.active_filters())
        count = results.count()
        ordered = self._ordered(results, query, tokens)
        rows = list(ordered.values(*HIT_FIELDS)[query.offset : query.offset + query.page_size])
        hits = [self._hit(row, query, tokens) for row in rows]
        facets = {facet: self._facet(candidates, query, facet) for facet in FACETS}
        return EngineResult(engine=self.name, count=count, hits=hits, facets=facets)

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
    def _ordered(entries, query: SearchQuery, tokens):
        stars_first = F("stars").desc(nulls_last=True)
        if query.sort == "distance":
            return entries.order_by(F("distance2").asc(nulls_last=True), "title_folded")
        if query.sort == "stars":
            return entries.order_by(stars_first, "title_folded")
        if query.sort == "newest":
            return entries.order_by(F("published_at").desc(nulls_last=True), "title_folded")
        if query.sort == "name":
            return entries.order_by("title_folded")
        if not tokens:
            return entries.order_by(stars_first, "title_folded")
        # Tiers first (the whole query is the title > every word is in the title > some are),
        # then products before producers before stories, then phrase and prefix bonuses.
        phrase = " " + " ".join(tokens)
        every_word_in_title = Q()
        for token in tokens:
            every_word_in_title &= Q(title_folded__contains=f" {token}")
        score = (
            Case(When(title_folded=phrase + " ", then=Value(20000)), default=Value(0))
            + Case(When(every_word_in_title, then=Value(10000)), default=Value(0))
            + sum(
                (Case(When(title_folded__contains=f" {token}", then=Value(100)), default=Value(0)) for token in tokens),
                Value(0),
            )
            + Case(When(kind="product", then=Value(60)), When(kind="producer", then=Value(30)), default=Value(0))
            + Case(When(title_folded__startswith=phrase, then=Value(20)), default=Value(0))
            + Case(When(title_folded__contains=phrase, then=Value(10)), default=Value(0))
        )
        return entries.annotate(score=Coalesce(score, 0, output_field=IntegerField())).order_by(
            "-score", stars_first, "title_folded"
        )

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

    @staticmethod
    def _facet(candidates, query: SearchQuery, facet: str) -> dict:
        entries = apply_filters(candidates, query.active_filters(except_facet=facet))
        if facet == "certification":
            counts = Counter()
            for slugs in entries.exclude(certifications="").values_list("certifications", flat=True):
                counts.update(slugs.split())
            return dict(counts)
        column = {"category": "category_group", "type": "kind"}.get(facet, facet)
        empty = Q(stars__isnull=True) if facet == "stars" else Q(**{column: ""})
        rows = entries.exclude(empty).order_by().values(column).annotate(count=Count("page_id"))
        return {row[column]: row["count"] for row in rows}
