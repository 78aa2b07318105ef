"""The rows of the open-data files, read straight from the database in chunks.

Only public pages (``core.visibility.public_pages``: live, no view restriction, every ancestor
live; stories only once verified), the same as every other surface. An expired or revoked
product is included and says so in ``status``. A product whose producer page is not public
keeps its row but names no producer, so that no draft or private producer is ever named
and every ``producer_id`` is found in the producers' file.

Each queryset selects only the columns it writes (never a StreamField body), joins what a row
shows (category, province, region, ward, producer) and gathers the rest — scan code,
certifications, counts — in correlated subqueries. So a file costs the same few queries
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

from catalogue.models import Certification, ProducerPage, ProductPage
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
        .select_related("category__parent", "origin_province__region", "origin_ward", "producer")
        .only(
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
            "producer__title",
            "producer__producer_type",
        )
        .annotate(
            producer_is_public=Exists(public_producers().filter(pk=OuterRef("producer_id"))),
            scan_code=Subquery(scan_code),
            certification_ids=Subquery(certification_ids),
        )
        .order_by("pk")
    )


def _certification_names() -> dict[int, str]:
    return {pk: name for pk, name in Certification.objects.order_by("sort_order", "name").values_list("pk", "name")}


def product_rows(today: datetime.date | None = None) -> Iterator[dict]:
    """Every public product as a row of ``fields.PRODUCT_FIELDS``, in id order."""
    today = today or timezone.localdate()
    url_of = PageUrls()
    names = _certification_names()
    order = {pk: position for position, pk in enumerate(names)}
    base = settings.SITE_BASE_URL.rstrip("/")
    for product in product_queryset().iterator(chunk_size=CHUNK_SIZE):
        category = product.category
        group = category.parent or category
        province = product.origin_province
        ward = product.origin_ward
        producer = product.producer if product.producer_is_public else None
        status = product.certificate_status(today)
        # A certification added while the file streams is not in ``names``: left out, never an error.
        ids = [int(pk) for pk in (product.certification_ids or "").split(",") if pk and int(pk) in order]
        ids.sort(key=order.__getitem__)
        yield {
            "id": product.pk,
            "name": product.title,
            "slug": product.slug,
            "url": url_of(product.url_path),
            "scan_url": f"{base}/q/{product.scan_code}" if product.scan_code else None,
            "gtin": product.gtin or None,
            "category_code": category.slug,
            "category_name": category.name,
            "category_group_code": group.slug,
            "category_group_name": group.name,
            "producer_id": producer.pk if producer else None,
            "producer_name": producer.title if producer else None,
            "producer_type": producer.producer_type if producer else None,
            "province_code": province.code,
            "province_name": province.short_name,
            "ward_code": ward.code if ward else None,
            "ward_name": ward.name if ward else None,
            "region_code": province.region.slug,
            "region_name": province.region.name,
            "legacy_address": product.origin_legacy_address or None,
            "stars": product.stars,
            "score": product.score,
            "score_production": product.score_production,
            "score_marketing": product.score_marketing,
            "score_quality": product.score_quality,
            "level": product.level,
            "decision_number": product.decision_number,
            "recognised_on": product.recognised_on,
            "expires_on": product.expires_on,
            "revoked_on": product.revoked_on,
            "revocation_reason": product.revocation_reason or None,
            "status": status.value,
            "status_label": status.label,
            "certifications": [names[pk] for pk in ids],
            "geographical_indication": product.geographical_indication or None,
            "summary": product.summary or None,
            "updated_at": product.last_published_at or product.first_published_at,
        }


# --- producers ---------------------------------------------------------------------------------------


def producer_queryset():
    return (
        public_producers()
        .select_related("province__region", "ward")
        .only(
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
        )
        .annotate(
            product_count=_count(public_products(), "producer_id"),
            verified_story_count=_count(public_pages(StoryPage.objects), "producer_id"),
        )
        .order_by("pk")
    )


def producer_rows() -> Iterator[dict]:
    """Every public producer as a row of ``fields.PRODUCER_FIELDS``, in id order."""
    url_of = PageUrls()
    for producer in producer_queryset().iterator(chunk_size=CHUNK_SIZE):
        province = producer.province
        ward = producer.ward
        yield {
            "id": producer.pk,
            "name": producer.title,
            "legal_name": producer.legal_name,
            "slug": producer.slug,
            "url": url_of(producer.url_path),
            "producer_type": producer.producer_type,
            "producer_type_label": producer.get_producer_type_display(),
            "province_code": province.code if province else None,
            "province_name": province.short_name if province else None,
            "ward_code": ward.code if ward else None,
            "ward_name": ward.name if ward else None,
            "region_code": province.region.slug if province else None,
            "region_name": province.region.name if province else None,
            "legacy_address": producer.legacy_address or None,
            "founded_year": producer.founded_year,
            "website": producer.website or None,
            "product_count": producer.product_count,
            "verified_story_count": producer.verified_story_count,
            "updated_at": producer.last_published_at or producer.first_published_at,
        }
