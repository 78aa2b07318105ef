"""The Elasticsearch document: products, producers and verified stories in one index.

Vietnamese analysis: lower case and ASCII folding ("Đắk" → "dak", "phê" → "phe"),
so queries typed without diacritics match; an edge n-gram sub-field answers
prefixes ("bo nui l…") for the search box; a shingle sub-field of the text answers
run-together words ("caphe"). The fields the facets filter and count
on come from the facet table (facets.py), typed like their ``SearchEntry`` column.
"""

from django.db import models
from elasticsearch.dsl import (
    Date,
    Document,
    GeoPoint,
    Index,
    Integer,
    Keyword,
    Mapping,
    Object,
    Text,
    analyzer,
    normalizer,
    token_filter,
)

from .facets import FACETS, index_columns
from .models import SearchEntry

vietnamese = analyzer("vietnamese_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
vietnamese_prefix = analyzer(
    "vietnamese_prefix",
    tokenizer="standard",
    filter=[
        "lowercase",
        "asciifolding",
        token_filter("prefix_ngrams", type="edge_ngram", min_gram=1, max_gram=15),
    ],
)
# Run-together words: neighbouring words joined ("ca phe bot" → "caphe", "phebot", "caphebot"),
# searched with the plain analyzer, so a shopper's "caphe" matches without any vocabulary.
vietnamese_joined = analyzer(
    "vietnamese_joined",
    tokenizer="standard",
    filter=[
        "lowercase",
        "asciifolding",
        token_filter(
            "joined_words", type="shingle", min_shingle_size=2, max_shingle_size=3, output_unigrams=False,
            token_separator="",
        ),
    ],
)  # fmt: skip
folded_keyword = normalizer("folded_keyword", filter=["lowercase", "asciifolding"])


def _facet_mapping() -> Mapping:
    """A keyword field per facet column (a number for a numeric column, so stars sort and count as numbers)."""
    mapping = Mapping()
    for column in index_columns():
        numeric = isinstance(SearchEntry._meta.get_field(column), models.IntegerField)
        mapping.field(column, Integer() if numeric else Keyword())
    return mapping


def _facet_values(entry) -> dict:
    values = {}
    for facet in FACETS:
        for column in facet.columns():
            value = getattr(entry, column)
            values[column] = value.split() if facet.several_stored else (value or None)
    return values


class ContentDocument(Document):
    page_id = Integer()
    title = Text(
        analyzer=vietnamese,
        fields={
            "prefix": Text(analyzer=vietnamese_prefix, search_analyzer=vietnamese),
            "sort": Keyword(normalizer=folded_keyword),
        },
    )
    summary = Text(analyzer=vietnamese)
    text = Text(analyzer=vietnamese, fields={"joined": Text(analyzer=vietnamese_joined, search_analyzer=vietnamese)})
    url = Keyword(index=False)
    location = GeoPoint()
    published_at = Date()
    card = Object(enabled=False)

    class Meta:
        mapping = _facet_mapping()

    @classmethod
    def from_entry(cls, entry) -> "ContentDocument":
        location = None
        if entry.latitude is not None and entry.longitude is not None:
            location = {"lat": entry.latitude, "lon": entry.longitude}
        return cls(
            meta={"id": entry.page_id},
            page_id=entry.page_id,
            title=entry.title,
            summary=entry.summary,
            text=entry.text_folded.strip(),
            url=entry.url,
            location=location,
            published_at=entry.published_at,
            card=entry.card,
            **_facet_values(entry),
        )


def index_definition(name: str) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0, refresh_interval="1s")
    index.document(ContentDocument)
    return index
