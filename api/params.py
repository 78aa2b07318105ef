"""The query parameters the lists take, as the OpenAPI description shows them.

django-ninja parses and types them; a value of the wrong type or out of range is a 400 in
Vietnamese (``api/main.py``), and what a value names (a province, a category…) is checked by
``api/filters.py``.
"""

import datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from .listing import DEFAULT_LIMIT, MAX_LIMIT
from .schemas import CertificateStatusValue, ProducerTypeValue

PAGE_ID_MAX = 2_147_483_647  # page ids are 32-bit: anything larger names no page


class Paging(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Số kết quả mỗi trang (1–{MAX_LIMIT}).")
    cursor: str | None = Field(
        None, max_length=1000, description="Giá trị next_cursor của trang trước; giữ nguyên các tham số khác."
    )
    updated_since: datetime.datetime | None = Field(
        None,
        description="Chỉ những mục cập nhật từ thời điểm này (ISO 8601, ví dụ 2025-07-01T00:00:00+07:00); "
        "không ghi múi giờ: giờ Việt Nam.",
    )
    q: str | None = Field(None, max_length=200, description="Từ khóa (qua máy tìm kiếm của Cổng, không cần dấu).")


class PlaceFilters(Schema):
    province: str | None = Field(None, max_length=60, description="Mã (68) hoặc slug (lam-dong) tỉnh, thành phố.")
    region: str | None = Field(None, max_length=60, description="Slug vùng kinh tế - xã hội (tay-nguyen).")


class ProductFilters(Paging, PlaceFilters):
    category: str | None = Field(None, max_length=80, description="Slug nhóm hoặc phân nhóm sản phẩm.")
    stars: list[Annotated[int, Field(ge=3, le=5)]] | None = Field(None, description="Hạng sao; lặp lại được.")
    producer: int | None = Field(None, ge=1, le=PAGE_ID_MAX, description="Id chủ thể.")
    producer_type: ProducerTypeValue | None = Field(None, description="Loại hình chủ thể.")
    certification: str | None = Field(None, max_length=80, description="Slug chứng nhận (vietgap, haccp…).")
    status: CertificateStatusValue | None = Field(None, description="Tình trạng chứng nhận OCOP hôm nay.")
    ordering: Literal["id", "-id", "updated_at", "-updated_at", "title", "-title", "stars", "-stars"] = Field(
        "id", description="Thứ tự; dùng updated_at để đồng bộ."
    )


class ProducerFilters(Paging, PlaceFilters):
    producer_type: ProducerTypeValue | None = Field(None, description="Loại hình chủ thể.")
    category: str | None = Field(
        None, max_length=80, description="Chủ thể có sản phẩm công khai thuộc nhóm hoặc phân nhóm này."
    )
    ordering: Literal["id", "-id", "updated_at", "-updated_at", "title", "-title"] = Field("id")


class StoryFilters(Paging, PlaceFilters):
    producer: int | None = Field(None, ge=1, le=PAGE_ID_MAX, description="Id chủ thể.")
    ordering: Literal["id", "-id", "updated_at", "-updated_at", "title", "-title"] = Field("id")
