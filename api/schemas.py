"""The shapes of the API's answers, as the OpenAPI description publishes them.

The views build plain dicts (fast, and every URL absolute); ``tests/api`` validates real answers
against these shapes through the published schema, so the description cannot drift from the code.
"""

import datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

CertificateStatusValue = Literal["valid", "expired", "revoked"]
ProducerTypeValue = Literal["cooperative", "enterprise", "household", "cooperative_group"]


class Error(Schema):
    error: str = Field(description="Thông báo lỗi (tiếng Việt).")
    field: str | None = Field(None, description="Tham số gây lỗi, nếu có.")


class Rendition(Schema):
    url: str
    width: int
    height: int


class Image(Schema):
    id: int
    title: str
    alt: str
    credit: str
    width: int
    height: int
    renditions: dict[str, Rendition] = Field(description="small: 400×300 cắt vừa; large: tối đa 1200×1200; WebP.")


class RichText(Schema):
    html: str = Field(description="HTML đã lọc: p, h2–h4, b/strong, i/em, ol/ul/li, a[href], br; liên kết tuyệt đối.")
    text: str = Field(description="Cùng nội dung, dạng văn bản thuần.")


class Block(Schema):
    type: str = Field(description="Loại khối (paragraph, image, quote, video, tour, milestones…).")
    value: Any = Field(description="Giá trị khối: văn bản giàu {html, text}, ảnh, cấu trúc hoặc danh sách.")


class PageLink(Schema):
    id: int
    title: str
    url: str


class Place(Schema):
    code: str
    name: str


class ProvinceRef(Schema):
    code: str
    name: str
    short_name: str
    slug: str


class RegionRef(Schema):
    slug: str
    name: str


class CategoryRef(Schema):
    slug: str
    name: str
    name_en: str


class Category(CategoryRef):
    group: CategoryRef = Field(description="Nhóm sản phẩm (một trong sáu nhóm của Chương trình).")


class ProducerSummary(Schema):
    id: int
    title: str
    legal_name: str
    type: ProducerTypeValue
    type_label: str
    province: ProvinceRef | None
    url: str


class Origin(Schema):
    province: ProvinceRef
    region: RegionRef
    ward: Place | None
    legacy_address: str = Field(description="Địa chỉ trước 7/2025 (63 tỉnh cũ).")


class ScoreParts(Schema):
    production: int = Field(description="Phần A – sản xuất và cộng đồng (tối đa 40).")
    marketing: int = Field(description="Phần B – tiếp thị và câu chuyện sản phẩm (tối đa 25).")
    quality: int = Field(description="Phần C – chất lượng sản phẩm (tối đa 35).")


class Rating(Schema):
    stars: int = Field(ge=3, le=5)
    score: int = Field(ge=0, le=100)
    score_parts: ScoreParts
    level: str
    decision_number: str
    recognised_on: datetime.date
    expires_on: datetime.date
    revoked_on: datetime.date | None
    recognised: bool = Field(description="Còn được công nhận hôm nay (status = valid).")
    status: CertificateStatusValue = Field(description="Tính theo ngày hôm nay, mỗi lần trả lời.")
    status_label: str
    revocation_reason: str


class Certification(Schema):
    slug: str
    name: str


class Shop(Schema):
    kind: Literal["marketplace"] = Field(description="marketplace: sàn thương mại điện tử.")
    name: str
    slug: str
    url: str


class GalleryItem(Schema):
    caption: str
    image: Image


class QrImages(Schema):
    svg: str
    png: str


class Verification(Schema):
    verified_by: str
    verified_on: datetime.date | None
    verified_on_display: str
    note: str
    methods: list[dict[str, str]]


class StoryLink(PageLink):
    verification: Verification | None


class Product(Schema):
    id: int
    type: Literal["product"]
    title: str
    slug: str
    url: str = Field(description="Trang sản phẩm trên Cổng.")
    summary: str
    scan_url: str | None = Field(description="Đường dẫn ngắn in trên tem QR/NFC (/q/{mã}).")
    qr: QrImages | None
    gtin: str | None = Field(description="GTIN-14.")
    gs1_digital_link: str | None
    category: Category
    producer: ProducerSummary | None = Field(description="Chỉ khi trang chủ thể đang công khai.")
    origin: Origin
    rating: Rating
    certifications: list[Certification]
    geographical_indication: str
    shops: list[Shop]
    description: list[Block]
    image: Image | None
    gallery: list[GalleryItem]
    tour: dict[str, Any] | None = Field(description="Chuyến tham quan 360°: các cảnh, ảnh toàn cảnh, điểm nóng.")
    model3d: dict[str, Any] | None = Field(description="Mô hình 3D (GLB) và ảnh đại diện.")
    stories: list[StoryLink] = Field(description="Câu chuyện đã thẩm định về sản phẩm.")
    first_published_at: datetime.datetime | None
    updated_at: datetime.datetime


class Address(Schema):
    street: str
    ward: Place | None
    province: ProvinceRef | None
    region: RegionRef | None
    legacy_address: str
    display: str


class Location(Schema):
    latitude: float
    longitude: float


class Contact(Schema):
    phone: str
    email: str
    website: str


class ProductLink(PageLink):
    stars: int


class Producer(Schema):
    id: int
    type: Literal["producer"]
    title: str
    slug: str
    url: str
    legal_name: str
    producer_type: ProducerTypeValue
    producer_type_label: str
    representative: str
    founded_year: int | None
    address: Address
    location: Location | None
    contact: Contact
    intro: RichText
    image: Image | None
    tour: dict[str, Any] | None
    products: list[ProductLink]
    stories: list[PageLink]
    first_published_at: datetime.datetime | None
    updated_at: datetime.datetime


class StoryProducer(Schema):
    id: int
    title: str
    url: str


class Story(Schema):
    id: int
    type: Literal["story"]
    title: str
    slug: str
    url: str
    standfirst: str
    author_name: str
    reading_minutes: int
    producer: StoryProducer | None
    products: list[PageLink]
    cover_image: Image | None
    body: list[Block]
    verification: Verification | None
    first_published_at: datetime.datetime | None
    updated_at: datetime.datetime


class Page(Schema):
    next_cursor: str | None = Field(description="Đưa vào ?cursor= để lấy trang sau; null khi đã hết.")
    next: str | None = Field(description="Đường dẫn đầy đủ của trang sau (cùng bộ lọc), null khi đã hết.")


class ProductList(Page):
    results: list[Product]


class ProducerList(Page):
    results: list[Producer]


class StoryList(Page):
    results: list[Story]


class Ward(Schema):
    code: str
    name: str
    division_type: str
    latitude: float | None
    longitude: float | None


class FormerProvinceRef(Schema):
    code: str
    name: str
    short_name: str
    slug: str


class Province(ProvinceRef):
    division_type: str
    latitude: float | None
    longitude: float | None
    former_provinces: list[FormerProvinceRef] = Field(description="Các tỉnh cũ (trước 7/2025) nay thuộc tỉnh này.")
    wards: list[Ward] | None = Field(None, description="Chỉ khi ?include=wards.")


class Region(Schema):
    slug: str
    name: str
    name_en: str
    provinces: list[Province]


class FormerProvince(FormerProvinceRef):
    successor: ProvinceRef = Field(description="Tỉnh, thành phố hiện nay.")


class Regions(Schema):
    regions: list[Region]
    former_provinces: list[FormerProvince]
