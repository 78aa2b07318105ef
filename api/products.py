"""``/api/v1/products/``: public OCOP products, everything a front-end needs, URLs absolute.

Every query starts from ``core.visibility.public_pages``: a draft, a private page or a page under
an unpublished section is in no list, no filter, no ``q`` and no cursor, and its id is a 404.
An answer costs a fixed number of queries whatever its length (everything it shows is fetched
for the whole page at once); a tour costs a few of its own.
"""

from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import reverse
from ninja import Query, Router

from catalogue.models import ProducerPage, ProductPage
from catalogue.models.products import ProductGalleryImage, ProductMarketplaceLink
from core.visibility import public_pages
from scans.models import CodeKind, ScanCode
from stories.models import StoryPage, StoryProduct

from . import filters, verification
from .errors import ApiError
from .listing import page_of, with_updated_at
from .media import absolute, absolutise, image_json, page_url, prefetch_renditions
from .params import PAGE_ID_MAX, ProductFilters
from .places import province_ref, region_ref
from .responses import iso, json_response, list_response
from .schemas import Error, Product, ProductList
from .streams import StreamSerialiser

router = Router(tags=["Sản phẩm"])
ERRORS = {400: Error, 401: Error, 404: Error, 429: Error}


def public_products():
    return with_updated_at(
        public_pages(ProductPage.objects)
        .select_related(
            "category__parent", "origin_province__region", "origin_ward", "image", "tour", "model3d__poster"
        )
        .prefetch_related(
            "certifications",
            Prefetch("marketplace_links", queryset=ProductMarketplaceLink.objects.select_related("marketplace")),
            Prefetch("gallery_images", queryset=ProductGalleryImage.objects.select_related("image")),
            Prefetch(
                "scan_codes",
                queryset=ScanCode.objects.filter(kind=CodeKind.PRODUCT, retired_at__isnull=True),
                to_attr="product_codes",
            ),
        )
    )


def filtered(params: ProductFilters):
    products = public_products()
    if params.province:
        products = products.filter(origin_province=filters.province(params.province))
    if params.region:
        products = products.filter(origin_province__region=filters.region(params.region))
    if params.category:
        category = filters.category(params.category)
        products = products.filter(Q(category=category) | Q(category__parent=category))
    if params.stars:
        products = products.filter(stars__in=params.stars)
    if params.producer:
        products = products.filter(producer_id=params.producer)
    if params.producer_type:
        products = products.filter(producer__producer_type=params.producer_type)
    if params.certification:
        products = products.filter(certifications=filters.certification(params.certification))
    if params.status:
        products = products.filter(filters.certificate_status_q(params.status))
    if params.updated_since:
        products = products.filter(updated__gte=filters.aware(params.updated_since))
    if params.q is not None and (ids := filters.search_ids(params.q, "product")) is not None:
        products = products.filter(pk__in=ids)
    return products


class ProductSerialiser:
    """Serialises the products of one answer, with what they name fetched once for all of them."""

    def __init__(self, request, products: list):
        self.request = request
        ids = [product.pk for product in products]
        producer_ids = {product.producer_id for product in products if product.producer_id}
        self.producers = (
            public_pages(ProducerPage.objects).filter(pk__in=producer_ids).select_related("province").in_bulk()
            if producer_ids
            else {}
        )
        self.stories: dict[int, list] = {}
        links = (
            StoryProduct.objects.filter(product_id__in=ids, story__in=public_pages(StoryPage.objects))
            .select_related("story")
            .order_by("story__first_published_at", "story_id")
        )
        for link in links if ids else []:
            self.stories.setdefault(link.product_id, []).append(link.story)
        self.verification = verification.records([story for found in self.stories.values() for story in found])
        images = [product.image for product in products]
        images += [item.image for product in products for item in product.gallery_images.all()]
        images += [product.model3d.poster for product in products if product.model3d_id]
        prefetch_renditions(images)
        self.streams = StreamSerialiser(request)
        self.streams.prepare([product.body for product in products])

    def producer(self, product) -> dict | None:
        producer = self.producers.get(product.producer_id)
        if producer is None:
            return None
        return {
            "id": producer.pk,
            "title": producer.title,
            "legal_name": producer.legal_name,
            "type": producer.producer_type,
            "type_label": producer.get_producer_type_display(),
            "province": province_ref(producer.province) if producer.province_id else None,
            "url": page_url(producer, self.request),
        }

    def serialise(self, product) -> dict:
        code = product.product_codes[0] if product.product_codes else None
        status = product.certificate_status()
        category = product.category
        gs1 = f"{settings.SITE_BASE_URL.rstrip('/')}/01/{product.gtin}" if product.gtin else None
        return {
            "id": product.pk,
            "type": "product",
            "title": product.title,
            "slug": product.slug,
            "url": page_url(product, self.request),
            "summary": product.summary,
            "scan_url": absolute(reverse("scan", args=[code.code])) if code else None,
            "qr": {
                "svg": absolute(reverse("scan_qr_svg", args=[code.code])),
                "png": absolute(reverse("scan_qr_png", args=[code.code])),
            }
            if code
            else None,
            "gtin": product.gtin,
            "gs1_digital_link": gs1,
            "category": {
                "slug": category.slug,
                "name": category.name,
                "name_en": category.name_en,
                "group": {"slug": category.group.slug, "name": category.group.name, "name_en": category.group.name_en},
            },
            "producer": self.producer(product),
            "origin": {
                "province": province_ref(product.origin_province),
                "region": region_ref(product.origin_province.region),
                "ward": {"code": product.origin_ward.code, "name": product.origin_ward.name}
                if product.origin_ward_id
                else None,
                "legacy_address": product.origin_legacy_address,
            },
            "rating": {
                "stars": product.stars,
                "score": product.score,
                "score_parts": {
                    "production": product.score_production,
                    "marketing": product.score_marketing,
                    "quality": product.score_quality,
                },
                "level": product.level,
                "decision_number": product.decision_number,
                "recognised_on": iso(product.recognised_on),
                "expires_on": iso(product.expires_on),
                "revoked_on": iso(product.revoked_on),
                "recognised": status == "valid",
                "status": status.value,
                "status_label": status.label,
                "revocation_reason": product.revocation_reason,
            },
            "certifications": [{"slug": item.slug, "name": item.name} for item in product.certifications.all()],
            "geographical_indication": product.geographical_indication,
            "shops": [
                {"kind": "marketplace", "name": link.marketplace.name, "slug": link.marketplace.slug, "url": link.url}
                for link in product.marketplace_links.all()
            ],
            "description": self.streams.stream(product.body),
            "image": image_json(product.image),
            "gallery": [
                {"caption": item.caption, "image": shown}
                for item in product.gallery_images.all()
                if (shown := image_json(item.image)) is not None
            ],
            "tour": absolutise(product.tour.as_json()) if product.tour_id else None,
            "model3d": absolutise(product.model3d.as_json()) if product.model3d_id else None,
            "stories": [
                {
                    "id": story.pk,
                    "title": story.title,
                    "url": page_url(story, self.request),
                    "verification": self.verification.get(story.pk),
                }
                for story in self.stories.get(product.pk, [])
            ],
            "first_published_at": iso(product.first_published_at),
            "updated_at": iso(product.updated),
        }


@router.get(
    "/",
    response={200: ProductList, **ERRORS},
    operation_id="list_products",
    summary="Danh sách sản phẩm OCOP công khai",
)
def list_products(request, params: Query[ProductFilters]):
    """Lọc theo nơi, nhóm, hạng sao, chủ thể, chứng nhận, tình trạng, thời điểm cập nhật và từ khóa;
    lật trang bằng `cursor` (không dùng offset)."""
    rows, next_cursor = page_of(filtered(params), params.ordering, params.cursor, params.limit)
    serialiser = ProductSerialiser(request, rows)
    return list_response(request, [serialiser.serialise(product) for product in rows], next_cursor)


@router.get(
    "/{int:product_id}",
    response={200: Product, **ERRORS},
    operation_id="get_product",
    summary="Một sản phẩm OCOP",
)
def get_product(request, product_id: int):
    product = public_products().filter(pk=product_id).first() if 0 < product_id <= PAGE_ID_MAX else None
    if product is None:
        raise ApiError(404, "Không có sản phẩm công khai với id này.")
    return json_response(ProductSerialiser(request, [product]).serialise(product))
