"""``/api/v1/stories/``: verified stories only (a live story is one whose review approved it)."""

from django.db.models import Prefetch
from ninja import Query, Router

from catalogue.models import ProducerPage, ProductPage
from core.visibility import public_pages
from stories.models import StoryPage, StoryProduct

from . import filters, verification
from .errors import ApiError
from .listing import page_of, with_updated_at
from .media import image_json, page_url, prefetch_renditions
from .params import PAGE_ID_MAX, StoryFilters
from .responses import iso, json_response, list_response
from .schemas import Error, Story, StoryList
from .streams import StreamSerialiser

router = Router(tags=["Câu chuyện"])
ERRORS = {400: Error, 401: Error, 404: Error, 429: Error}


def public_stories():
    return with_updated_at(
        public_pages(StoryPage.objects)
        .select_related("cover_image")
        .prefetch_related(
            Prefetch("product_links", queryset=StoryProduct.objects.order_by("sort_order", "pk")),
        )
    )


def filtered(params: StoryFilters):
    stories = public_stories()
    if params.producer:
        stories = stories.filter(producer_id=params.producer)
    if params.province:
        stories = stories.filter(producer__province=filters.province(params.province))
    if params.region:
        stories = stories.filter(producer__province__region=filters.region(params.region))
    if params.updated_since:
        stories = stories.filter(updated__gte=filters.aware(params.updated_since))
    if params.q is not None and (ids := filters.search_ids(params.q, "story")) is not None:
        stories = stories.filter(pk__in=ids)
    return stories


class StorySerialiser:
    def __init__(self, request, stories: list):
        self.request = request
        producer_ids = {story.producer_id for story in stories if story.producer_id}
        self.producers = (
            public_pages(ProducerPage.objects).filter(pk__in=producer_ids).in_bulk() if producer_ids else {}
        )
        product_ids = {link.product_id for story in stories for link in story.product_links.all()}
        self.products = public_pages(ProductPage.objects).filter(pk__in=product_ids).in_bulk() if product_ids else {}
        self.verification = verification.records(stories)
        prefetch_renditions([story.cover_image for story in stories])
        self.streams = StreamSerialiser(request)
        self.streams.prepare([story.body for story in stories])

    def link(self, page) -> dict:
        return {"id": page.pk, "title": page.title, "url": page_url(page, self.request)}

    def serialise(self, story) -> dict:
        producer = self.producers.get(story.producer_id)
        products = [
            self.products[link.product_id] for link in story.product_links.all() if link.product_id in self.products
        ]
        return {
            "id": story.pk,
            "type": "story",
            "title": story.title,
            "slug": story.slug,
            "url": page_url(story, self.request),
            "standfirst": story.standfirst,
            "author_name": story.author_name,
            "reading_minutes": story.reading_minutes,
            "producer": self.link(producer) if producer else None,
            "products": [self.link(product) for product in products],
            "cover_image": image_json(story.cover_image),
            "body": self.streams.stream(story.body),
            "verification": self.verification.get(story.pk),
            "first_published_at": iso(story.first_published_at),
            "updated_at": iso(story.updated),
        }


@router.get(
    "/",
    response={200: StoryList, **ERRORS},
    operation_id="list_stories",
    summary="Danh sách câu chuyện đã thẩm định",
)
def list_stories(request, params: Query[StoryFilters]):
    rows, next_cursor = page_of(filtered(params), params.ordering, params.cursor, params.limit)
    serialiser = StorySerialiser(request, rows)
    return list_response(request, [serialiser.serialise(story) for story in rows], next_cursor)


@router.get(
    "/{int:story_id}",
    response={200: Story, **ERRORS},
    operation_id="get_story",
    summary="Một câu chuyện đã thẩm định",
)
def get_story(request, story_id: int):
    story = public_stories().filter(pk=story_id).first() if 0 < story_id <= PAGE_ID_MAX else None
    if story is None:
        raise ApiError(404, "Không có câu chuyện công khai với id này.")
    return json_response(StorySerialiser(request, [story]).serialise(story))
