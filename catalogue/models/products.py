"""Product pages: the consumer-facing showcase of one OCOP product."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from accounts.forms import OwnedChoicesPageForm
from accounts.permissions import PortalPermissionsMixin
from core import extension_points
from core.page_cache import CachedPageMixin
from core.seo import SeoMixin
from core.visibility import public_pages
from images import renditions

from ..blocks import ProductDescriptionBlock
from ..gtin import normalise_gtin
from .media import WithModel3D, WithTour
from .producers import ProducerPage
from .rating import CertificateStatus, OcopRating

RATING_PERMISSION = "catalogue.change_ocop_rating"


def _rating_panel(field_name: str) -> FieldPanel:
    return FieldPanel(field_name, permission=RATING_PERMISSION)


class ProductIndexPage(PortalPermissionsMixin, SeoMixin, Page):
    """The product listing ("Sản phẩm OCOP") with filters by place, group and stars."""

    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["catalogue.HomePage"]
    subpage_types = ["catalogue.ProductPage"]
    max_count = 1
    products_per_page = 24

    class Meta:
        verbose_name = "danh sách sản phẩm"

    def route(self, request, path_components):
        """Find a product by slug with what its page shows, in one query.

        The product page is what a QR scan opens, so routing fetches the page
        together with its category, origin and image instead of Wagtail's
        generic child lookup followed by one query per relation.
        """
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        product = (
            ProductPage.objects.select_related("category__parent", "origin_province__region", "origin_ward", "image")
            .filter(slug=slug, depth=self.depth + 1, path__startswith=self.path)
            .first()
        )
        if product is None:
            raise Http404
        return product.route(request, remaining)

    def get_context(self, request, *args, **kwargs):
        from ..filters import ProductFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = ProductFilterForm(request.GET or None)
        # Not child_of(self): products can only live under the one products index
        # (parent_page_types, max_count), and the path LIKE scan of child_of made
        # the listing ten times slower at 15,000 products.
        products = public_pages(ProductPage.objects)
        products = (
            form.filter(products)
            .select_related("origin_province", "image", "category")
            .prefetch_related("image__renditions")
        )
        context["filter_form"] = form
        page_of_products = Paginator(products, self.products_per_page).get_page(request.GET.get("page"))
        attach_public_producers(page_of_products.object_list)
        context["products"] = page_of_products
        context["filter_query"] = form.querystring_without_page()
        return context


def attach_public_producers(products) -> list:
    """Set ``public_producer`` on each product: its producer if live and public, else None.

    One query for a whole grid of product cards, so a draft or private
    producer is never named on a card.
    """
    products = list(products)
    producer_ids = {product.producer_id for product in products if product.producer_id}
    public = public_pages(ProducerPage.objects).filter(pk__in=producer_ids).in_bulk() if producer_ids else {}
    for product in products:
        product.public_producer = public.get(product.producer_id)
    return products


class ProductPage(CachedPageMixin, PortalPermissionsMixin, SeoMixin, OcopRating, WithTour, WithModel3D, Page):
    """One certified OCOP product, as a consumer sees it after a QR scan."""

    producer = models.ForeignKey(
        "catalogue.ProducerPage",
        verbose_name="chủ thể sản xuất",
        null=True,
        on_delete=models.SET_NULL,
        related_name="products",
    )
    category = models.ForeignKey(
        "catalogue.ProductCategory",
        verbose_name="phân nhóm sản phẩm",
        on_delete=models.PROTECT,
        related_name="products",
        limit_choices_to={"parent__isnull": False},
    )
    summary = models.CharField("mô tả ngắn", max_length=300, blank=True)
    image = models.ForeignKey(
        "media.PortalImage",
        verbose_name="ảnh chính",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    origin_ward = models.ForeignKey(
        "regions.Ward",
        verbose_name="xã, phường xuất xứ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    origin_province = models.ForeignKey(
        "regions.Province",
        verbose_name="tỉnh, thành phố xuất xứ",
        blank=True,
        on_delete=models.PROTECT,
        related_name="products",
    )
    origin_legacy_address = models.CharField(
        "địa chỉ xuất xứ cũ (trước 7/2025)",
        max_length=255,
        blank=True,
        help_text="Để trống: dùng địa chỉ của chủ thể.",
    )
    certifications = ParentalManyToManyField(
        "catalogue.Certification", verbose_name="chứng nhận chất lượng", blank=True, related_name="products"
    )
    geographical_indication = models.CharField("chỉ dẫn địa lý / nhãn hiệu tập thể", max_length=160, blank=True)
    gtin = models.CharField(
        "mã GTIN (mã vạch)",
        max_length=14,
        null=True,
        blank=True,
        unique=True,
        help_text="8, 12, 13 hoặc 14 chữ số; lưu dưới dạng 14 chữ số.",
    )
    featured = models.BooleanField("nổi bật trên trang chủ", default=False)
    body = StreamField(ProductDescriptionBlock(), verbose_name="giới thiệu chi tiết", blank=True)

    # A producer account chooses only its own producer's tours and 3D models.
    base_form_class = OwnedChoicesPageForm

    content_panels = Page.content_panels + [
        FieldPanel("producer", permission=RATING_PERMISSION),
        FieldPanel("category", permission=RATING_PERMISSION),
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                # The programme's council decides these; a producer account cannot change them.
                FieldRowPanel([_rating_panel("stars"), _rating_panel("decision_number")]),
                FieldRowPanel(
                    [
                        _rating_panel("score_production"),
                        _rating_panel("score_marketing"),
                        _rating_panel("score_quality"),
                    ]
                ),
                FieldRowPanel([_rating_panel("recognised_on"), _rating_panel("expires_on")]),
                FieldRowPanel([_rating_panel("revoked_on"), _rating_panel("revocation_reason")]),
            ],
            heading="Chứng nhận OCOP",
        ),
        MultiFieldPanel(
            [FieldPanel("origin_legacy_address"), FieldPanel("origin_province"), FieldPanel("origin_ward")],
            heading="Xuất xứ",
        ),
        FieldPanel("certifications", widget=forms.CheckboxSelectMultiple),
        FieldPanel("geographical_indication"),
        FieldPanel("gtin"),
        InlinePanel("marketplace_links", label="Nơi bán trực tuyến"),
        InlinePanel("gallery_images", label="Thư viện ảnh"),
        FieldPanel("tour"),
        FieldPanel("model3d"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("featured", permission=RATING_PERMISSION)]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("origin_legacy_address"),
        index.FilterField("stars"),
        index.FilterField("origin_province"),
        index.FilterField("category"),
    ]

    # ``writable``: what a token may write through /api/v3-preview/ (the ``writes`` app); the form
    # still decides per account (a producer account's has no rating fields: refused).
    api_fields = [
        APIField("summary", writable=True),
        APIField("stars", writable=True),
        APIField("score"),
        APIField("level"),
        APIField("decision_number", writable=True),
        APIField("recognised_on", writable=True),
        APIField("expires_on", writable=True),
        APIField("certificate_status_label"),
        APIField("producer_summary"),
        APIField("image", serializer=ImageRenditionField(renditions.spec("api_photo"))),
        APIField("certification_names"),
        APIField("province_code"),
        APIField("category_name"),
        APIField("province_name"),
        APIField("region_name"),
        APIField("origin_legacy_address", writable=True),
        APIField("gtin", writable=True),
        APIField("tour_data"),
        APIField("model3d_data"),
    ]

    parent_page_types = ["catalogue.ProductIndexPage"]
    subpage_types = []
    og_type = "product"

    class Meta:
        verbose_name = "sản phẩm OCOP"
        verbose_name_plural = "sản phẩm OCOP"
        permissions = [("change_ocop_rating", "Sửa kết quả công nhận OCOP, chủ thể và vị trí nổi bật")]

    def producer_owner_id(self):
        return self.producer_id

    # --- validation ------------------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        try:
            self.clean_rating()
        except ValidationError as exc:
            errors.update(exc.error_dict)
        if self.gtin:
            try:
                self.gtin = normalise_gtin(self.gtin)
            except ValidationError as exc:
                errors["gtin"] = exc.messages
        else:
            self.gtin = None
        try:
            self.fill_origin()
        except ValidationError as exc:
            errors.update(exc.error_dict)
        if errors:
            raise ValidationError(errors)

    def fill_origin(self) -> None:
        """Origin defaults to the producer's address; an old address is converted."""
        if self.origin_ward_id:
            self.origin_province_id = self.origin_ward.province_id
        if self.origin_province_id:
            return
        if self.origin_legacy_address:
            from regions.addresses import resolve_legacy_address

            resolved = resolve_legacy_address(self.origin_legacy_address)
            if resolved is None:
                raise ValidationError({"origin_legacy_address": "Không nhận ra địa chỉ cũ này."})
            self.origin_province, self.origin_ward = resolved.province, resolved.ward
        elif self.producer_id and self.producer.province_id:
            self.origin_province_id = self.producer.province_id
            self.origin_ward_id = self.producer.ward_id
            self.origin_legacy_address = self.producer.legacy_address
        else:
            raise ValidationError({"origin_province": "Cần chọn tỉnh xuất xứ (hoặc chủ thể có địa chỉ)."})

    def save(self, *args, **kwargs):
        self.fill_rating_defaults()
        return super().save(*args, **kwargs)

    # --- display -------------------------------------------------------------------------
    @property
    def producer_name(self) -> str:
        producer = self.live_producer
        return producer.title if producer else ""

    @property
    def producer_summary(self) -> dict | None:
        """The producer for API clients: only a live, public producer page is named."""
        producer = self.live_producer
        if producer is None:
            return None
        return {
            "id": producer.pk,
            "title": producer.title,
            "url": producer.get_full_url(),
            "type": producer.producer_type,
        }

    @property
    def category_name(self) -> str:
        return str(self.category) if self.category_id else ""

    @property
    def certification_names(self) -> list[str]:
        return [certification.name for certification in self.certifications.all()]

    @property
    def province_code(self) -> str:
        return self.origin_province_id or ""

    @property
    def province_name(self) -> str:
        return self.origin_province.short_name if self.origin_province_id else ""

    @property
    def region_name(self) -> str:
        return self.origin_province.region.name if self.origin_province_id else ""

    @cached_property
    def live_producer(self):
        """The producer, only if its page is live and public (never name or link a draft)."""
        if not self.producer_id:
            return None
        return public_pages(ProducerPage.objects).filter(pk=self.producer_id).select_related("province").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["producer"] = self.live_producer
        context["marketplace_links"] = self.marketplace_links.select_related("marketplace")
        context["gallery_images"] = self.gallery_images.select_related("image").prefetch_related("image__renditions")
        context["certification_list"] = self.certifications.all()
        # Stories, the scanned package and its NFC verdict, the tour: added by the apps that own them.
        context.update(extension_points.page_context(self, request))
        return context

    # --- SEO ----------------------------------------------------------------------------
    def describe(self) -> str:
        text = f"{self.title} – sản phẩm OCOP {self.stars} sao của {self.province_name}."
        return f"{text} {self.summary}" if self.summary else text

    def get_og_image(self):
        return self.image

    def rendition_needs(self):
        """Its images in the named sizes the public site draws them (images/renditions.py): made ahead."""
        for size in ("product_photo", "card", "search_card", "api_photo"):
            yield self.image, size
        for item in self.gallery_images.all():
            yield item.image, "gallery"
        yield from renditions.stream_needs(self.body)
        yield from self.tour_rendition_needs()
        yield from self.model3d_rendition_needs()

    def get_og_image_filter(self) -> str:
        # The star badge only on a valid certificate: a shared link never shows expired stars as current.
        if self.certificate_status() == CertificateStatus.VALID:
            return f"fill-1200x630|ocopbadge-{self.stars}|format-jpeg"
        return super().get_og_image_filter()

    @property
    def certificate_issuer(self) -> str:
        """5 stars are recognised nationally (the ministry); 3–4 stars by the province's People's Committee."""
        if self.stars == 5:
            return "Bộ Nông nghiệp và Môi trường"
        if self.origin_province_id:
            province = self.origin_province
            kind = "thành phố" if province.division_type.startswith("thành phố") else "tỉnh"
            return f"UBND {kind} {province.short_name}"
        return "UBND cấp tỉnh"

    def certification_json_ld(self) -> dict:
        active = self.certificate_status() == CertificateStatus.VALID
        certification = {
            "@type": "Certification",
            "name": f"OCOP {self.stars} sao",
            "certificationIdentification": self.decision_number,
            "certificationStatus": f"https://schema.org/Certification{'Active' if active else 'Inactive'}",
            "issuedBy": {"@type": "Organization", "name": self.certificate_issuer},
            "certificationRating": {"@type": "Rating", "ratingValue": self.stars, "worstRating": 3, "bestRating": 5},
        }
        if self.recognised_on:
            certification["validFrom"] = self.recognised_on.isoformat()
        if self.expires_on:
            certification["expires"] = self.expires_on.isoformat()
        return certification

    def get_json_ld(self, request=None) -> dict:
        url = self.get_full_url(request)
        data = {
            "@context": "https://schema.org",
            "@type": "Product",
            "name": self.title,
            "url": url,
            "description": self.get_meta_description(),
            "category": self.category_name,
            "countryOfOrigin": {"@type": "Country", "name": "VN"},
            "award": f"OCOP {self.stars} sao ({self.certificate_status_label})",
            "additionalProperty": [
                {"@type": "PropertyValue", "name": "Hạng OCOP", "value": self.stars, "unitText": "sao"},
                {"@type": "PropertyValue", "name": "Điểm OCOP", "value": self.score, "maxValue": 100},
                {"@type": "PropertyValue", "name": "Tình trạng chứng nhận", "value": self.certificate_status_label},
            ],
        }
        data["hasCertification"] = self.certification_json_ld()
        if self.gtin:
            data["gtin14"] = self.gtin
        if self.live_producer:
            data["manufacturer"] = {"@type": "Organization", "name": self.producer_name}
        return data


class ProductMarketplaceLink(Orderable):
    """Where a product can be bought online."""

    product = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="marketplace_links")
    marketplace = models.ForeignKey("catalogue.Marketplace", verbose_name="sàn", on_delete=models.PROTECT)
    url = models.URLField("đường dẫn sản phẩm trên sàn", max_length=500)

    panels = [FieldPanel("marketplace"), FieldPanel("url")]

    def clean(self):
        super().clean()
        if self.marketplace_id and self.url and not self.url.startswith("https://"):
            raise ValidationError({"url": "Đường dẫn phải bắt đầu bằng https://"})
        if self.marketplace_id and self.url and not self.marketplace.accepts_url(self.url):
            raise ValidationError(
                {"url": f"Đường dẫn này không thuộc {self.marketplace.name} ({self.marketplace.domain})."}
            )


class ProductGalleryImage(Orderable):
    """An extra photo of the product, its packaging or where it is made."""

    product = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey("media.PortalImage", verbose_name="ảnh", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField("chú thích", max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
