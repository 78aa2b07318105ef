"""The public read API, ``/api/v1/``: one NinjaAPI, its routers, its errors, its description.

The OpenAPI 3.1 description (``/api/v1/openapi.json``) covers ninja's own operations and, through
``api/registry.py``, the JSON routes that are plain views (search, exports, legacy v2), so a
client reads one document. The docs page (``/api/v1/docs``) is Swagger UI served from
django-ninja's own static files: nothing is loaded from a CDN.
"""

import logging

from django.http import Http404
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError

from . import external, registry
from .errors import ApiError, error_response
from .producers import router as producers_router
from .products import router as products_router
from .regions import router as regions_router
from .stories import router as stories_router

logger = logging.getLogger(__name__)

DESCRIPTION = """API đọc công khai của Cổng sản phẩm OCOP: sản phẩm, chủ thể, câu chuyện đã thẩm định,
địa giới hành chính. Chỉ nội dung công khai; mọi đường dẫn là tuyệt đối. Lật trang bằng `cursor`,
đồng bộ bằng `updated_since`; lỗi là JSON `{"error", "field"}` bằng tiếng Việt. Hướng dẫn: docs/api.md."""

# What a bad value of each parameter means, in Vietnamese (ninja's own messages are English).
FIELD_MESSAGES = {
    "limit": "limit phải là số nguyên từ 1 đến 100.",
    "stars": "Hạng sao (stars) chỉ có thể là 3, 4 hoặc 5.",
    "producer": "producer phải là id (số nguyên dương) của một chủ thể.",
    "producer_type": "producer_type chỉ nhận cooperative, enterprise, household hoặc cooperative_group.",
    "status": "status chỉ nhận valid, expired hoặc revoked.",
    "updated_since": "updated_since phải là thời điểm ISO 8601, ví dụ 2025-07-01T00:00:00+07:00.",
    "ordering": "Giá trị ordering không hợp lệ: xem các giá trị cho phép trong /api/v1/docs.",
    "q": "Từ khóa (q) quá dài: tối đa 200 ký tự.",
    "cursor": "Con trỏ trang (cursor) không hợp lệ.",
    "include": "include chỉ nhận wards.",
}


class PortalAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for path, item in registry.path_items().items():
            schema["paths"].setdefault(path, item)
        return schema


api = PortalAPI(
    title="Cổng sản phẩm OCOP – API công khai",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="api_v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    # No call to an online validator from the docs page either.
    docs=Swagger(settings={"validatorUrl": None, "defaultModelsExpandDepth": 0}),
)
api.add_router("/products/", products_router)
api.add_router("/producers/", producers_router)
api.add_router("/stories/", stories_router)
api.add_router("/regions/", regions_router)
external.register_all()


def _field(error: dict) -> str:
    names = [part for part in error.get("loc", ()) if isinstance(part, str) and part not in ("query", "path", "params")]
    return names[-1] if names else ""


@api.exception_handler(ValidationError)
def bad_parameter(request, exc: ValidationError):
    field = _field(exc.errors[0]) if exc.errors else ""
    message = FIELD_MESSAGES.get(field) or (f"Giá trị của tham số {field} không hợp lệ." if field else "")
    return error_response(400, message, field or None)


@api.exception_handler(ApiError)
def api_error(request, exc: ApiError):
    return error_response(exc.status, exc.message, exc.field)


@api.exception_handler(Http404)
def not_found(request, exc):
    return error_response(404)


@api.exception_handler(Exception)
def server_error(request, exc):
    logger.exception("API error on %s", request.path)
    return error_response(500)
