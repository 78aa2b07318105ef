"""Producers (chủ thể OCOP): cooperatives, firms, household businesses, groups."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from accounts.forms import OwnedChoicesPageForm
from accounts.permissions import PortalPermissionsMixin
from core import extension_points
from core.page_cache import CachedPageMixin
from core.seo import SeoMixin
from core.visibility import public_pages
from images import renditions

from .media import WithTour


class ProducerType(models.TextChoices):
    COOPERATIVE = "cooperative", "Hợp tác xã"
    ENTERPRISE = "enterprise", "Doanh nghiệp"
    HOUSEHOLD = "household", "Hộ kinh doanh, cơ sở sản xuất"
    COOPERATIVE_GROUP = "cooperative_group", "Tổ hợp tác"


phone_validator = RegexValidator(r"^\+?[0-9 .()-]{8,20}$", "Số điện thoại không hợp lệ.")


class ProducerIndexPage(PortalPermissionsMixin, SeoMixin, Page):
    """The list of all producers ("Chủ thể OCOP")."""

    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["catalogue.HomePage"]
    subpage_types = ["catalogue.ProducerPage"]
    max_count = 1

    class Meta:
        verbose_name = "danh sách chủ thể"

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        # Producers only live under the one producers index: no costly child_of path scan.
        producers = (
            public_pages(ProducerPage.objects)
            .select_related("province", "image")
            .prefetch_related("image__renditions")
            .order_by("title")
        )
        context["producers"] = Paginator(producers, 30).get_page(request.GET.get("page"))
        return context


class ProducerPage(CachedPageMixin, PortalPermissionsMixin, SeoMixin, WithTour, Page):
    """A producer's public profile: who they are, where, and what they make."""

    legal_name = models.CharField("tên pháp lý", max_length=255)
    producer_type = models.CharField("loại hình", max_length=20, choices=ProducerType.choices, db_index=True)
    representative = models.CharField("người đại diện", max_length=120, blank=True)
    founded_year = models.PositiveSmallIntegerField(
        "năm thành lập",
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    street_address = models.CharField("số nhà, thôn, bản", max_length=255, blank=True)
    ward = models.ForeignKey(
        "regions.Ward",
        verbose_name="xã, phường (sau 7/2025)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    province = models.ForeignKey(
        "regions.Province",
        verbose_name="tỉnh, thành phố (sau 7/2025)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="producers",
    )
    legacy_address = models.CharField(
        "địa chỉ cũ (trước 7/2025)",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông. Nếu chưa chọn xã/tỉnh mới, "
        "hệ thống tự chuyển đổi sang đơn vị hành chính mới.",
    )
    latitude = models.FloatField(
        "vĩ độ", null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        "kinh độ", null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    phone = models.CharField("điện thoại", max_length=20, blank=True, validators=[phone_validator])
    email = models.EmailField("thư điện tử", blank=True)
    website = models.URLField("trang web", blank=True)
    intro = RichTextField("giới thiệu", blank=True, features=["bold", "italic", "link", "ol", "ul"])
    image = models.ForeignKey(
        "media.PortalImage",
        verbose_name="ảnh đại diện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # A producer account chooses only its own producer's tours.
    base_form_class = OwnedChoicesPageForm

    content_panels = Page.content_panels + [
        FieldPanel("legal_name"),
        FieldRowPanel([FieldPanel("producer_type"), FieldPanel("founded_year")]),
        FieldPanel("representative"),
        MultiFieldPanel(
            [
                FieldPanel("legacy_address"),
                FieldPanel("street_address"),
                FieldPanel("province"),
                FieldPanel("ward"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Địa chỉ",
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading="Liên hệ",
        ),
        FieldPanel("image"),
        FieldPanel("intro"),
        FieldPanel("tour"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("legal_name"),
        index.SearchField("legacy_address"),
        index.FilterField("producer_type"),
    ]

    api_fields = [
        APIField("legal_name"),
        APIField("producer_type"),
        APIField("address_display"),
        APIField("legacy_address"),
        APIField("province_name"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("website"),
        APIField("image", serializer=ImageRenditionField(renditions.spec("api_photo"))),
        APIField("tour_data"),
    ]

    parent_page_types = ["catalogue.ProducerIndexPage"]
    subpage_types = []
    og_type = "profile"

    class Meta:
        verbose_name = "chủ thể OCOP"
        verbose_name_plural = "chủ thể OCOP"

    def producer_owner_id(self):
        return self.pk

    # --- address ------------------------------------------------------------------
    def apply_legacy_address(self) -> bool:
        """Fill today's ward/province and coordinates from the old address.

        Returns False when the old address names no known place.
        """
        from regions.addresses import resolve_legacy_address

        resolved = resolve_legacy_address(self.legacy_address)
        if resolved is None:
            return False
        self.province = resolved.province
        self.ward = resolved.ward
        if self.latitude is None or self.longitude is None:
            self.latitude, self.longitude = resolved.latitude, resolved.longitude
        return True

    def clean(self):
        super().clean()
        if self.ward_id and not self.province_id:
            self.province = self.ward.province
        if self.legacy_address and not self.province_id:
            if not self.apply_legacy_address():
                raise ValidationError(
                    {"legacy_address": "Không nhận ra địa chỉ cũ này. Hãy kiểm tra lại hoặc chọn tỉnh, xã mới."}
                )
        if not self.province_id:
            raise ValidationError({"province": "Cần chọn tỉnh, thành phố (hoặc nhập địa chỉ cũ để tự chuyển đổi)."})
        if self.ward_id and self.ward.province_id != self.province_id:
            raise ValidationError({"ward": f"Xã, phường này không thuộc {self.province.short_name}."})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": "Cần nhập cả vĩ độ và kinh độ."})
        if self.latitude is None and self.ward_id and self.ward.latitude is not None:
            self.latitude, self.longitude = self.ward.latitude, self.ward.longitude

    @property
    def address_display(self) -> str:
        parts = [
            self.street_address,
            self.ward.name if self.ward_id else "",
            self.province.name if self.province_id else "",
        ]
        return ", ".join(p for p in parts if p)

    @property
    def province_name(self) -> str:
        return self.province.short_name if self.province_id else ""

    def live_products(self):
        return (
            public_pages(self.products)
            .select_related("origin_province", "image", "category")
            .prefetch_related("image__renditions")
            .order_by("-stars", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = self.live_products()
        context.update(extension_points.page_context(self, request))
        return context

    # --- SEO ----------------------------------------------------------------------
    def describe(self) -> str:
        return f"{self.get_producer_type_display()} {self.title} – {self.address_display}. Sản phẩm OCOP."

    def get_og_image(self):
        return self.image

    def rendition_needs(self):
        """Its photo in the named sizes the public site draws it (images/renditions.py): made ahead."""
        for size in ("producer_photo", "card", "search_card", "api_photo"):
            yield self.image, size
        yield from self.tour_rendition_needs()

    def get_json_ld(self, request=None) -> dict:
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.title,
            "legalName": self.legal_name,
            "url": self.get_full_url(request),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": self.street_address,
                "addressLocality": self.ward.name if self.ward_id else "",
                "addressRegion": self.province.name if self.province_id else "",
                "addressCountry": "VN",
            },
        }
        if self.latitude is not None:
            data["location"] = {
                "@type": "Place",
                "geo": {"@type": "GeoCoordinates", "latitude": self.latitude, "longitude": self.longitude},
            }
        if self.phone:
            data["telephone"] = self.phone
        if self.email:
            data["email"] = self.email
        if self.founded_year:
            data["foundingDate"] = str(self.founded_year)
        return data
