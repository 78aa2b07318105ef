"""Stories: a producer's journey, told on a phone, live only once verified."""

import math
from functools import cached_property

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from accounts.permissions import PortalPermissionsMixin
from core.seo import SeoMixin
from core.visibility import public_pages
from images import renditions
from stories.blocks import StoryBodyBlock, readable_text
from stories.forms import StoryPageForm

# Vietnamese is written in syllables; an adult reads about 200 of them a minute on a phone.
WORDS_PER_MINUTE = 200


class UnverifiedStoryError(PermissionDenied):
    """A story revision was about to go live without an approved authenticity review."""

    def __init__(self):
        super().__init__("Câu chuyện chỉ được xuất bản sau khi phiên bản này được thẩm định và duyệt.")


class StoryIndexPage(PortalPermissionsMixin, SeoMixin, Page):
    """All verified stories ("Câu chuyện sản phẩm")."""

    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["catalogue.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count = 1
    producers_may_create_here = True
    children_publish_only_through_review = True

    class Meta:
        verbose_name = "danh sách câu chuyện"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = (
            public_pages(StoryPage.objects)
            .select_related("cover_image", "producer")
            .prefetch_related("cover_image__renditions")
            .order_by("-first_published_at", "-pk")
        )
        context["stories"] = Paginator(stories, 12).get_page(request.GET.get("page"))
        return context


class StoryPage(PortalPermissionsMixin, SeoMixin, Page):
    """A producer's story. It reaches the public only through the authenticity review."""

    # Deleting a producer keeps its stories (shown without a producer until an
    # editor reassigns them) rather than failing or deleting them silently.
    producer = models.ForeignKey(
        "catalogue.ProducerPage",
        verbose_name="chủ thể",
        null=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    standfirst = models.CharField(
        "sapo", max_length=300, help_text="Một hai câu mở đầu, hiện ở danh sách và khi chia sẻ."
    )
    cover_image = models.ForeignKey(
        "media.PortalImage",
        verbose_name="ảnh bìa",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_name = models.CharField("người viết", max_length=120, blank=True)
    body = StreamField(StoryBodyBlock(), verbose_name="nội dung")

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("producer", permission="stories.assign_story_producer"),
                InlinePanel("product_links", label="sản phẩm được kể"),
            ],
            heading="Chủ thể và sản phẩm",
        ),
        FieldPanel("cover_image"),
        FieldPanel("author_name"),
        FieldPanel("body"),
    ]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    base_form_class = StoryPageForm
    publish_only_through_review = True

    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("producer"),
    ]

    api_fields = [
        APIField("standfirst", writable=True),
        APIField("producer_summary"),
        APIField("product_summaries"),
        APIField("cover_image", serializer=ImageRenditionField(renditions.spec("api_cover"))),
        APIField("author_name", writable=True),
        APIField("reading_minutes"),
        APIField("verification_summary"),
        APIField("body", writable=True),
    ]

    og_type = "article"

    class Meta:
        verbose_name = "câu chuyện"
        verbose_name_plural = "câu chuyện"
        permissions = [("assign_story_producer", "Chọn chủ thể cho câu chuyện")]

    def producer_owner_id(self):
        return self.producer_id

    # --- validation and the publishing guard ------------------------------------------
    def clean(self):
        super().clean()
        # Not saved yet while a form is cleaned: the cluster keeps the links in memory.
        foreign = [
            link.product.title
            for link in self.product_links.all()
            if link.product_id and link.product.producer_id != self.producer_id
        ]
        if self.producer_id and foreign:
            raise ValidationError({"producer": f"Sản phẩm không thuộc chủ thể của câu chuyện: {', '.join(foreign)}."})

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        going_live_changes = update_fields is None or {"live", "live_revision"} & set(update_fields)
        if self.live and going_live_changes and not self.live_revision_is_verified():
            raise UnverifiedStoryError()
        return super().save(*args, **kwargs)

    def live_revision_is_verified(self) -> bool:
        from .review import AuthenticityReviewTaskState

        return (
            self.live_revision_id is not None
            and AuthenticityReviewTaskState.objects.approved_for_revision(self.live_revision_id).exists()
        )

    # --- what the public sees --------------------------------------------------------------
    @cached_property
    def verification(self):
        """The approved review of the live revision (what the "Verified by" line shows)."""
        from .review import AuthenticityReviewTaskState

        if self.live_revision_id is None:
            return None
        return (
            AuthenticityReviewTaskState.objects.approved_for_revision(self.live_revision_id)
            .select_related("finished_by", "task")
            .prefetch_related("evidence")
            .order_by("-finished_at")
            .first()
        )

    @property
    def verification_summary(self) -> dict | None:
        review = self.verification
        return review.public_summary() if review else None

    @cached_property
    def live_producer(self):
        from catalogue.models import ProducerPage

        return public_pages(ProducerPage.objects).filter(pk=self.producer_id).first()

    @property
    def producer_summary(self) -> dict | None:
        producer = self.live_producer
        return {"id": producer.pk, "title": producer.title, "url": producer.url} if producer else None

    @cached_property
    def public_products(self) -> list:
        from catalogue.models import ProductPage

        return list(
            public_pages(ProductPage.objects)
            .filter(story_links__story=self)
            .select_related("image", "origin_province")
            .prefetch_related("image__renditions")
            .order_by("title")
        )

    @property
    def product_summaries(self) -> list[dict]:
        return [{"id": product.pk, "title": product.title, "url": product.url} for product in self.public_products]

    @cached_property
    def reading_minutes(self) -> int:
        words = len(f"{self.standfirst} {readable_text(self.body)}".split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["producer"] = self.live_producer
        context["verification"] = self.verification
        # Products already shown by a "related products" block are not listed twice.
        in_body = {
            product.pk
            for block in self.body
            if block.block_type == "related_products"
            for product in block.value.get("products") or []
            if product is not None
        }
        context["products"] = [product for product in self.public_products if product.pk not in in_body]
        return context

    # --- SEO ---------------------------------------------------------------------------------
    def describe(self) -> str:
        return strip_tags(self.standfirst).strip() or super().describe()

    def get_og_image(self):
        return self.cover_image

    def rendition_needs(self):
        """Its images in the named sizes the public site draws them (images/renditions.py): made ahead."""
        for size in ("story_cover", "card", "search_card", "api_cover"):
            yield self.cover_image, size
        yield from renditions.stream_needs(self.body)

    def get_json_ld(self, request=None) -> dict:
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.get_meta_description(),
            "url": self.get_full_url(request),
            "inLanguage": "vi",
        }
        if self.first_published_at:
            data["datePublished"] = self.first_published_at.isoformat()
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.author_name:
            data["author"] = {"@type": "Person", "name": self.author_name}
        if self.live_producer:
            data["about"] = {"@type": "Organization", "name": self.live_producer.title}
        return data


def verified_stories_about(*, producer_id=None, product=None):
    """Live, public stories of a producer or about a product (live already means verified)."""
    stories = public_pages(StoryPage.objects)
    if producer_id is not None:
        stories = stories.filter(producer_id=producer_id)
    if product is not None:
        stories = stories.filter(product_links__product=product)
    return (
        stories.select_related("cover_image")
        .prefetch_related("cover_image__renditions")
        .order_by("-first_published_at", "-pk")
    )


class StoryProduct(Orderable):
    """A product the story tells about (of the story's own producer)."""

    story = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="product_links")
    product = models.ForeignKey(
        "catalogue.ProductPage", verbose_name="sản phẩm", on_delete=models.CASCADE, related_name="story_links"
    )

    panels = [FieldPanel("product")]

    class Meta(Orderable.Meta):
        verbose_name = "sản phẩm được kể"
        constraints = [models.UniqueConstraint(fields=["story", "product"], name="unique_story_product")]
