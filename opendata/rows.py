"""The rows of the open-data files, read straight from the database in chunks.

Only public pages (``core.visibility.public_pages``: live, no view restriction, every ancestor
live; stories only once verified), the same as every other surface. An expired or revoked
product is included and says so in ``status``. A product whose producer page is not public
keeps its row but names no producer, so that no draft or private producer is ever named
and every ``producer_id`` is found in the producers' file.

Each queryset reads only the columns it writes, as plain values (never a StreamField body, never a
page instance), joins what a row shows (category, province, region, ward, producer) and gathers
the rest — scan code, certifications, counts — in correlated subqueries. So a file costs the same few queries
whatever its size, and ``.iterator(chunk_size=…)`` keeps only one chunk in memory (a server-side
cursor on PostgreSQL).
"""

import datetime
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Site

from catalogue.models import Certification, ProducerPage, ProducerType, ProductPage
from catalogue.models.rating import OcopRating
from core.visibility import public_pages
from scans.models import CodeKind, ScanCode
from stories.models import StoryPage

from .sql import GroupConcat

CHUNK_SIZE = 2000


def public_products():
    return public_pages(ProductPage.objects)


def public_producers():
    return public_pages(ProducerPage.objects)


class PageUrls:
    """Absolute page URLs from each page's ``url_path``, without Wagtail's per-page site lookup.

    Products and producers live under the default site's root, so a page's URL is the site's base
    address followed by its path below that root.
    """

    def __init__(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        self.root_path = site.root_page.url_path if site else "/"
        self.base = settings.SITE_BASE_URL.rstrip("/")

    def __call__(self, url_path: str) -> str:
        if url_path.startswith(self.root_path):
            url_path = url_path[len(self.root_path) - 1 :]
        return self.base + url_path


def _count(queryset, column: str):
    """The number of rows of ``queryset`` whose ``column`` is the outer row, as a subquery (0 if none)."""
    counted = queryset.filter(**{column: OuterRef("pk")}).order_by().values(column).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


# --- products ----------------------------------------------------------------------------------------

# The columns a product row reads; plain values, not model instances: building a Wagtail page (and
# its cluster of child relations) for each row cost five times the query itself.
PRODUCT_COLUMNS = (
    "id",
    "title",
    "slug",
    "url_path",
    "first_published_at",
    "last_published_at",
    "gtin",
    "summary",
    "stars",
    "score_production",
    "score_marketing",
    "score_quality",
    "decision_number",
    "recognised_on",
    "expires_on",
    "revoked_on",
    "revocation_reason",
    "origin_legacy_address",
    "geographical_indication",
    "category__slug",
    "category__name",
    "category__parent__slug",
    "category__parent__name",
    "origin_province__code",
    "origin_province__short_name",
    "origin_province__region__slug",
    "origin_province__region__name",
    "origin_ward__code",
    "origin_ward__name",
    "producer_id",
    "producer__title",
    "producer__producer_type",
    "producer_is_public",
    "scan_code",
    "certification_ids",
)


def product_queryset():
    through = ProductPage.certifications.through
    certification_ids = (
        through.objects.filter(productpage_id=OuterRef("pk"))
        .order_by()
        .values("productpage_id")
        .annotate(ids=GroupConcat("certification_id"))
        .values("ids")
    )
    scan_code = ScanCode.objects.filter(
        product_id=OuterRef("pk"), kind=CodeKind.PRODUCT, retired_at__isnull=True
    ).values("code")[:1]
    return (
        public_products()
        .annotate(
            producer_is_public=Exists(public_producers().filter(pk=OuterRef("producer_id"))),
            scan_code=Subquery(scan_code),
            certification_ids=Subquery(certification_ids),
        )
        .order_by("pk")
        .values(*PRODUCT_COLUMNS)
    )


class Rating:
    """A row's rating, read by the catalogue's own rules (``OcopRating``): score, level and a status
    computed from the date, defined once there."""

    score = OcopRating.score
    level = OcopRating.level
    certificate_status = OcopRating.certificate_status

    def __init__(self, row: dict):
        self.stars = row["stars"]
        self.score_production = row["score_production"]
        self.score_marketing = row["score_marketing"]
        self.score_quality = row["score_quality"]
        self.expires_on = row["expires_on"]
        self.revoked_on = row["revoked_on"]


def _certification_names() -> dict[int, str]:
    return {pk: name for pk, name in Certification.objects.order_by("sort_order", "name").values_list("pk", "name")}


def product_rows(today: datetime.date | None = None) -> Iterator[dict]:
    """Every public product as a row of ``fields.PRODUCT_FIELDS``, in id order."""
    today = today or timezone.localdate()
    url_of = PageUrls()
    names = _certification_names()
    order = {pk: position for position, pk in enumerate(names)}
    base = settings.SITE_BASE_URL.rstrip("/")
    for row in product_queryset().iterator(chunk_size=CHUNK_SIZE):
        rating = Rating(row)
        status = rating.certificate_status(today)
        grouped = row["category__parent__slug"] is not None
        named = row["producer_id"] is not None and row["producer_is_public"]
        # A certification added while the file streams is not in ``names``: left out, never an error.
        ids = [int(pk) for pk in (row["certification_ids"] or "").split(",") if pk and int(pk) in order]
        ids.sort(key=order.__getitem__)
        yield {
            "id": row["id"],
            "name": row["title"],
            "slug": row["slug"],
            "url": url_of(row["url_path"]),
            "scan_url": f"{base}/q/{row['scan_code']}" if row["scan_code"] else None,
            "gtin": row["gtin"] or None,
            "category_code": row["category__slug"],
            "category_name": row["category__name"],
            "category_group_code": row["category__parent__slug"] if grouped else row["category__slug"],
            "category_group_name": row["category__parent__name"] if grouped else row["category__name"],
            "producer_id": row["producer_id"] if named else None,
            "producer_name": row["producer__title"] if named else None,
            "producer_type": row["producer__producer_type"] if named else None,
            "province_code": row["origin_province__code"],
            "province_name": row["origin_province__short_name"],
            "ward_code": row["origin_ward__code"],
            "ward_name": row["origin_ward__name"],
            "region_code": row["origin_province__region__slug"],
            "region_name": row["origin_province__region__name"],
            "legacy_address": row["origin_legacy_address"] or None,
            "stars": row["stars"],
            "score": rating.score,
            "score_production": row["score_production"],
            "score_marketing": row["score_marketing"],
            "score_quality": row["score_quality"],
            "level": rating.level,
            "decision_number": row["decision_number"],
            "recognised_on": row["recognised_on"],
            "expires_on": row["expires_on"],
            "revoked_on": row["revoked_on"],
            "revocation_reason": row["revocation_reason"] or None,
            "status": status.value,
            "status_label": status.label,
            "certifications": [names[pk] for pk in ids],
            "geographical_indication": row["geographical_indication"] or None,
            "summary": row["summary"] or None,
            "updated_at": row["last_published_at"] or row["first_published_at"],
        }


# --- producers ---------------------------------------------------------------------------------------

PRODUCER_COLUMNS = (
    "id",
    "title",
    "legal_name",
    "slug",
    "url_path",
    "first_published_at",
    "last_published_at",
    "producer_type",
    "legacy_address",
    "founded_year",
    "website",
    "province__code",
    "province__short_name",
    "province__region__slug",
    "province__region__name",
    "ward__code",
    "ward__name",
    "product_count",
    "verified_story_count",
)


def producer_queryset():
    return (
        public_producers()
        .annotate(
            product_count=_count(public_products(), "producer_id"),
            verified_story_count=_count(public_pages(StoryPage.objects), "producer_id"),
        )
        .order_by("pk")
        .values(*PRODUCER_COLUMNS)
    )


def producer_rows() -> Iterator[dict]:
    """Every public producer as a row of ``fields.PRODUCER_FIELDS``, in id order."""
    url_of = PageUrls()
    types = dict(ProducerType.choices)
    for row in producer_queryset().iterator(chunk_size=CHUNK_SIZE):
        yield {
            "id": row["id"],
            "name": row["title"],
            "legal_name": row["legal_name"],
            "slug": row["slug"],
            "url": url_of(row["url_path"]),
            "producer_type": row["producer_type"],
            "producer_type_label": types.get(row["producer_type"], row["producer_type"]),
            "province_code": row["province__code"],
            "province_name": row["province__short_name"],
            "ward_code": row["ward__code"],
            "ward_name": row["ward__name"],
            "region_code": row["province__region__slug"],
            "region_name": row["province__region__name"],
            "legacy_address": row["legacy_address"] or None,
            "founded_year": row["founded_year"],
            "website": row["website"] or None,
            "product_count": row["product_count"],
            "verified_story_count": row["verified_story_count"],
            "updated_at": row["last_published_at"] or row["first_published_at"],
        }
