"""``/api/v1/producers/``: public producers (chủ thể OCOP) with their public products and stories."""

from django.db.models import Q
from ninja import Query, Router

from catalogue.models import ProducerPage, ProductPage
from core.visibility import public_pages
from stories.models import StoryPage

from . import filters
from .errors import ApiError
from .listing import page_of, with_updated_at
from .media import absolutise, image_json, page_url, prefetch_renditions
from .params import PAGE_ID_MAX, ProducerFilters
from .places import province_ref, region_ref
from .responses import iso, json_response, list_response
from .richtext import rich_text_json
from .schemas import Error, Producer, ProducerList

router = Router(tags=["Chủ thể"])
ERRORS = {400: Error, 401: Error, 404: Error, 429: Error}


def public_producers():
    return with_updated_at(
        public_pages(ProducerPage.objects).select_related("province__region", "ward", "image", "tour")
    )


def filtered(params: ProducerFilters):
    producers = public_producers()
    if params.province:
        producers = producers.filter(province=filters.province(params.province))
    if params.region:
        producers = producers.filter(province__region=filters.region(params.region))
    if params.producer_type:
        producers = producers.filter(producer_type=params.producer_type)
    if params.category:
        category = filters.category(params.category)
        makers = public_pages(ProductPage.objects).filter(Q(category=category) | Q(category__parent=category))
        producers = producers.filter(pk__in=makers.values("producer_id"))
    if params.updated_since:
        producers = producers.filter(updated__gte=filters.aware(params.updated_since))
    if params.q is not None and (ids := filters.search_ids(params.q, "producer")) is not None:
        producers = producers.filter(pk__in=ids)
    return producers


class ProducerSerialiser:
    def __init__(self, request, producers: list):
        self.request = request
        ids = [producer.pk for producer in producers]
        self.products: dict[int, list] = {}
        self.stories: dict[int, list] = {}
        if ids:
            for product in public_pages(ProductPage.objects).filter(producer_id__in=ids).order_by("-stars", "title"):
                self.products.setdefault(product.producer_id, []).append(product)
            for story in public_pages(StoryPage.objects).filter(producer_id__in=ids).order_by("-first_published_at"):
                self.stories.setdefault(story.producer_id, []).append(story)
        prefetch_renditions([producer.image for producer in producers])

    def serialise(self, producer) -> dict:
        province = producer.province if producer.province_id else None
        return {
            "id": producer.pk,
            "type": "producer",
            "title": producer.title,
            "slug": producer.slug,
            "url": page_url(producer, self.request),
            "legal_name": producer.legal_name,
            "producer_type": producer.producer_type,
            "producer_type_label": producer.get_producer_type_display(),
            "representative": producer.representative,
            "founded_year": producer.founded_year,
            "address": {
                "street": producer.street_address,
                "ward": {"code": producer.ward.code, "name": producer.ward.name} if producer.ward_id else None,
                "province": province_ref(province) if province else None,
                "region": region_ref(province.region) if province else None,
                "legacy_address": producer.legacy_address,
                "display": producer.address_display,
            },
            "location": {"latitude": producer.latitude, "longitude": producer.longitude}
            if producer.latitude is not None and producer.longitude is not None
            else None,
            "contact": {"phone": producer.phone, "email": producer.email, "website": producer.website},
            "intro": rich_text_json(producer.intro, self.request),
            "image": image_json(producer.image),
            "tour": absolutise(producer.tour.as_json()) if producer.tour_id else None,
            "products": [
                {
                    "id": product.pk,
                    "title": product.title,
                    "url": page_url(product, self.request),
                    "stars": product.stars,
                }
                for product in self.products.get(producer.pk, [])
            ],
            "stories": [
                {"id": story.pk, "title": story.title, "url": page_url(story, self.request)}
                for story in self.stories.get(producer.pk, [])
            ],
            "first_published_at": iso(producer.first_published_at),
            "updated_at": iso(producer.updated),
        }


@router.get(
    "/",
    response={200: ProducerList, **ERRORS},
    operation_id="list_producers",
    summary="Danh sách chủ thể OCOP công khai",
)
def list_producers(request, params: Query[ProducerFilters]):
    rows, next_cursor = page_of(filtered(params), params.ordering, params.cursor, params.limit)
    serialiser = ProducerSerialiser(request, rows)
    return list_response(request, [serialiser.serialise(producer) for producer in rows], next_cursor)


@router.get(
    "/{int:producer_id}",
    response={200: Producer, **ERRORS},
    operation_id="get_producer",
    summary="Một chủ thể OCOP",
)
def get_producer(request, producer_id: int):
    producer = public_producers().filter(pk=producer_id).first() if 0 < producer_id <= PAGE_ID_MAX else None
    if producer is None:
        raise ApiError(404, "Không có chủ thể công khai với id này.")
    return json_response(ProducerSerialiser(request, [producer]).serialise(producer))
