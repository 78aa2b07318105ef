"""The Elasticsearch document: products, producers and verified stories in one index.

Vietnamese analysis: lower case and ASCII folding ("Đắk" → "dak", "phê" → "phe"),
so queries typed without diacritics match; an edge n-gram sub-field answers
prefixes ("bo nui l…") for the search box.
"""

from elasticsearch.dsl import (
    Date,
    Document,
    GeoPoint,
    Index,
    Integer,
    Keyword,
    Object,
    Text,
    analyzer,
    normalizer,
    token_filter,
)

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
folded_keyword = normalizer("folded_keyword", filter=["lowercase", "asciifolding"])


class ContentDocument(Document):
    kind = Keyword()
    page_id = Integer()
    title = Text(
        analyzer=vietnamese,
        fields={
            "prefix": Text(analyzer=vietnamese_prefix, search_analyzer=vietnamese),
            "sort": Keyword(normalizer=folded_keyword),
        },
    )
    summary = Text(analyzer=vietnamese)
    text = Text(analyzer=vietnamese)
    url = Keyword(index=False)
    region = Keyword()
    province = Keyword()
    category_group = Keyword()
    category = Keyword()
    stars = Integer()
    producer_type = Keyword()
    certifications = Keyword()
    location = GeoPoint()
    published_at = Date()
    card = Object(enabled=False)

    @classmethod
    def from_entry(cls, entry) -> "ContentDocument":
        location = None
        if entry.latitude is not None and entry.longitude is not None:
            location = {"lat": entry.latitude, "lon": entry.longitude}
        return cls(
            meta={"id": entry.page_id},
            kind=entry.kind,
            page_id=entry.page_id,
            title=entry.title,
            summary=entry.summary,
            text=entry.text_folded.strip(),
            url=entry.url,
            region=entry.region or None,
            province=entry.province or None,
            category_group=entry.category_group or None,
            category=entry.category or None,
            stars=entry.stars,
            producer_type=entry.producer_type or None,
            certifications=entry.certifications.split(),
            location=location,
            published_at=entry.published_at,
            card=entry.card,
        )


def index_definition(name: str) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0, refresh_interval="1s")
    index.document(ContentDocument)
    return index
