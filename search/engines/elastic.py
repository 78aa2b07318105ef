"""The Elasticsearch engine: relevance with phrase and prefix boosts, typo tolerance,
facets that respect the other filters, distance, highlights and completion."""

from elasticsearch.dsl import Q, Search

from search import elastic, understanding
from search.facets import FACETS, Facet
from search.params import SearchQuery

from .base import (
    SUMMARY_SNIPPET,
    EngineResult,
    EngineUnavailable,
    Hit,
    Suggestion,
    haversine_km,
    query_tokens,
)

FACET_SIZE = 60
SOURCE = ["page_id", "kind", "title", "url", "summary", "stars", "region", "province", "category_group",
          "producer_type", "location", "card"]  # fmt: skip


def _filter(facet: Facet, value):
    # A term matches a list field (several_stored) when any of its values is the term.
    if facet.several_chosen:
        return Q("terms", **{facet.column: list(value)})
    if facet.also_matches:
        terms = [Q("term", **{column: value}) for column in facet.columns()]
        return Q("bool", should=terms, minimum_should_match=1)
    return Q("term", **{facet.column: value})


FUZZINESS = "AUTO:4,8"  # the rule of both engines: 1 edit from 4 letters, 2 from 8 (search.vocabulary)


def _alternative(group, alternative):
    """One way to read a group: the typed word forgives typos itself; other forms match as written."""
    if len(alternative.words) > 1:
        kind = "phrase_prefix" if alternative.prefix else "phrase"
        return Q("multi_match", query=alternative.phrase, fields=["title^4", "text"], type=kind)
    fields = ["title^4", "text"] + (["title.prefix^2"] if alternative.prefix else [])
    if alternative.words == group.typed:
        # As typed: with typos forgiven, and as run-together words (the shingle sub-field).
        return Q("multi_match", query=alternative.phrase, fields=[*fields, "text.joined"], type="most_fields",
                 fuzziness=FUZZINESS, prefix_length=1)  # fmt: skip
    return Q("multi_match", query=alternative.phrase, fields=fields, type="most_fields")


def _matches(text: str):
    # Every group (a typed word, or what it may mean: synonyms, split or joined words) must
    # match somewhere; the exact phrase and the title's start rank first.
    folded = " ".join(query_tokens(text))
    groups = understanding.read(text, corrections=False)
    return Q(
        "bool",
        must=[
            Q(
                "bool",
                should=[_alternative(group, alternative) for alternative in group.alternatives],
                minimum_should_match=1,
            )
            for group in groups
        ],  # fmt: skip
        should=[
            Q("match_phrase", title={"query": folded, "boost": 10}),
            Q("match_phrase_prefix", title={"query": folded, "boost": 6}),
            Q("match", **{"title.prefix": {"query": folded, "operator": "and", "boost": 3}}),
        ],
    )


def _text_query(text: str):
    # What people look for first is a product, then who makes it, then stories.
    return Q(
        "function_score",
        query=_matches(text),
        functions=[
            {"filter": Q("term", kind="product"), "weight": 1.6},
            {"filter": Q("term", kind="producer"), "weight": 1.2},
        ],
        score_mode="first",
        boost_mode="multiply",
    )


class ElasticEngine:
    name = "elasticsearch"

    def _search(self) -> Search:
        return Search(using=elastic.client(), index=elastic.alias())

    def search(self, query: SearchQuery) -> EngineResult:
        search = self._search().source(SOURCE).extra(track_total_hits=True)
        search = search.query(_text_query(query.text) if query.text else Q("match_all"))
        if query.page_ids:
            search = search.filter("terms", page_id=list(query.page_ids))
        geo = None
        if query.has_point:
            geo = {"lat": query.latitude, "lon": query.longitude}
            if query.radius_km is not None:
                search = search.filter("geo_distance", distance=f"{query.radius_km}km", location=geo)
        # Filters go in post_filter, so each facet can count with all the *other* filters.
        active = query.active_filters()
        if active:
            search = search.post_filter(Q("bool", filter=[_filter(facet, value) for facet, value in active]))
        for facet in FACETS:
            others = [_filter(other, value) for other, value in query.active_filters(except_facet=facet.name)]
            bucket = search.aggs.bucket(f"{facet.name}_filtered", "filter", Q("bool", filter=others))
            bucket.bucket(facet.name, "terms", field=facet.column, size=FACET_SIZE)
        search = search.sort(*self._sort(query, geo))
        search = search.highlight_options(encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"])
        if query.text:
            # Highlight what matched, not the scoring wrapper around it.
            search = search.highlight_options(highlight_query=_matches(query.text).to_dict())
        search = search.highlight("title", number_of_fragments=0).highlight(
            "summary", fragment_size=SUMMARY_SNIPPET, number_of_fragments=1
        )
        search = search[query.offset : query.offset + query.page_size]
        try:
            response = search.execute()
        except elastic.ERRORS as error:
            raise EngineUnavailable(str(error)) from error
        hits = [self._hit(hit, geo) for hit in response.hits]
        facets = {
            facet.name: {
                bucket.key: bucket.doc_count
                for bucket in getattr(response.aggregations, f"{facet.name}_filtered")[facet.name]
            }
            for facet in FACETS
        }
        return EngineResult(engine=self.name, count=response.hits.total.value, hits=hits, facets=facets)

    @staticmethod
    def _sort(query: SearchQuery, geo):
        by_name = {"title.sort": {"order": "asc"}}
        stars = {"stars": {"order": "desc", "missing": "_last"}}
        if query.sort == "distance":
            return [{"_geo_distance": {"location": geo, "order": "asc", "unit": "km"}}, by_name]
        if query.sort == "stars":
            return [stars, by_name]
        if query.sort == "newest":
            return [{"published_at": {"order": "desc", "missing": "_last"}}, by_name]
        if query.sort == "name":
            return [by_name]
        if query.text:
            return ["_score", stars, by_name]
        return [stars, by_name]

    @staticmethod
    def _hit(hit, geo) -> Hit:
        source = hit.to_dict()
        location = source.pop("location", None) or {}
        fields = {
            **source,
            "latitude": location.get("lat"),
            "longitude": location.get("lon"),
            "card": source.get("card") or {},
            "summary": source.get("summary") or "",
        }
        marks = {}
        highlight = getattr(hit.meta, "highlight", None)
        if highlight is not None:
            if "title" in highlight:
                marks["title"] = highlight.title[0]
            if "summary" in highlight:
                marks["summary"] = highlight.summary[0]
        distance = None
        if geo is not None and fields["latitude"] is not None:
            distance = round(haversine_km(geo["lat"], geo["lon"], fields["latitude"], fields["longitude"]), 1)
        return Hit(fields=fields, highlight=marks, distance_km=distance)

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        folded = " ".join(query_tokens(text))
        if not folded:
            return []
        search = self._search().source(["title", "url", "kind"])
        search = search.query(
            Q(
                "bool",
                must=[
                    Q(
                        "multi_match",
                        query=folded,
                        fields=["title.prefix"],
                        operator="and",
                        fuzziness=FUZZINESS,
                        prefix_length=1,
                    )
                ],  # fmt: skip
                should=[Q("match_phrase_prefix", title={"query": folded, "boost": 5})],
            )
        ).sort("_score", {"stars": {"order": "desc", "missing": "_last"}}, {"title.sort": {"order": "asc"}})
        try:
            response = search[:limit].execute()
        except elastic.ERRORS as error:
            raise EngineUnavailable(str(error)) from error
        return [Suggestion(title=hit.title, url=hit.url, kind=hit.kind) for hit in response.hits]
