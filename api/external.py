"""The path items of the routes outside ninja (``api/registry.py``): search, exports, legacy v2."""

from .registry import operation, query, register

SEARCH_TAG = "Tìm kiếm"
EXPORTS_TAG = "Dữ liệu mở"
LEGACY_TAG = "API cũ (v2)"

_FACET = {
    "region": "Slug vùng kinh tế - xã hội.",
    "province": "Slug tỉnh, thành phố (tỉnh cũ: 400 kèm tỉnh mới).",
    "category": "Slug nhóm hoặc phân nhóm sản phẩm.",
    "producer_type": "Loại hình chủ thể.",
    "certification": "Slug chứng nhận.",
    "type": "product, producer hoặc story.",
}

SEARCH_RESULT = {
    "type": "object",
    "required": ["engine", "count", "page", "pages", "page_size", "sort", "results", "facets"],
    "properties": {
        "engine": {"enum": ["database", "elasticsearch"]},
        "count": {"type": "integer"},
        "page": {"type": "integer"},
        "pages": {"type": "integer"},
        "page_size": {"type": "integer"},
        "sort": {"type": "string"},
        "results": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "id", "title", "url"],
                "properties": {
                    "type": {"enum": ["product", "producer", "story"]},
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "url": {"type": "string"},
                },
            },
        },
        "facets": {"type": "object"},
    },
}


def register_all() -> None:
    register(
        "/api/search/",
        operation(
            "search",
            "Tìm kiếm sản phẩm, chủ thể, câu chuyện (có đếm theo bộ lọc)",
            tag=SEARCH_TAG,
            description="Cùng tham số và quy tắc với trang /tim-kiem/; 20 kết quả mỗi trang. "
            "Đường dẫn và JSON giữ nguyên như trước API v1.",
            schema=SEARCH_RESULT,
            parameters=[
                query("q", "Từ khóa, tối đa 200 ký tự (gõ không dấu được).", {"type": "string", "maxLength": 200}),
                *(query(name, text) for name, text in _FACET.items()),
                query(
                    "stars",
                    "Hạng sao 3–5; lặp lại được.",
                    {"type": "integer", "minimum": 3, "maximum": 5},
                    repeatable=True,
                ),
                query("lat", "Vĩ độ (gần tôi).", {"type": "number", "minimum": -90, "maximum": 90}),
                query("lon", "Kinh độ (gần tôi).", {"type": "number", "minimum": -180, "maximum": 180}),
                query("radius_km", "Bán kính, tối đa 500 km; cần lat và lon.", {"type": "number"}),
                query(
                    "sort",
                    "relevance, stars, newest, name hoặc distance.",
                    {"enum": ["relevance", "stars", "newest", "name", "distance"]},
                ),
                query("page", "Trang, từ 1.", {"type": "integer", "minimum": 1, "maximum": 500}),
            ],
        ),
    )
    register(
        "/api/search/suggest/",
        operation(
            "search_suggest",
            "Gợi ý khi gõ",
            tag=SEARCH_TAG,
            schema={
                "type": "object",
                "required": ["suggestions"],
                "properties": {
                    "suggestions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["title", "url", "type"],
                            "properties": {
                                "title": {"type": "string"},
                                "url": {"type": "string"},
                                "type": {"type": "string"},
                            },
                        },
                    }
                },
            },
            parameters=[query("q", "Phần đầu từ khóa, tối đa 200 ký tự.", {"type": "string", "maxLength": 200})],
        ),
    )
    exports = {
        "products.csv": ("text/csv", "Mọi sản phẩm công khai, CSV (UTF-8), mỗi sản phẩm một dòng."),
        "products.jsonl": ("application/jsonl", "Mọi sản phẩm công khai, JSON Lines, mỗi sản phẩm một dòng."),
        "producers.csv": ("text/csv", "Mọi chủ thể công khai, CSV (UTF-8)."),
        "producers.jsonl": ("application/jsonl", "Mọi chủ thể công khai, JSON Lines."),
        "datapackage.json": (
            "application/json",
            "Frictionless Data Package v2 mô tả các tệp CSV (trường, kiểu, tên tiếng Việt).",
        ),
        "catalog.jsonld": ("application/ld+json", "Danh mục DCAT-AP của các bộ dữ liệu mở."),
    }
    for name, (content_type, summary) in exports.items():
        register(
            f"/api/v1/exports/{name}",
            operation(
                "export_" + name.replace(".", "_"),
                summary,
                tag=EXPORTS_TAG,
                description="Tải toàn bộ, có ETag/Last-Modified; xem trang /du-lieu-mo/.",
                content_type=content_type,
                errors=(),
            ),
        )
    register(
        "/api/v2/pages/",
        operation(
            "legacy_v2_pages",
            "API Wagtail v2 (cũ): trang công khai",
            tag=LEGACY_TAG,
            description="Giữ cho các ứng dụng đang dùng; ứng dụng mới dùng /api/v1/. "
            "Tham số: type, fields, search, offset (0–1.000.000), limit (0–100)…",
            parameters=[
                query("type", "Ví dụ catalogue.ProductPage."),
                query("search", "Từ khóa, tối đa 200 ký tự."),
                query("offset", "0–1.000.000.", {"type": "integer", "minimum": 0}),
                query("limit", "0–100.", {"type": "integer", "minimum": 0, "maximum": 100}),
            ],
            deprecated=True,
        ),
    )
