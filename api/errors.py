"""The API's errors: one JSON shape, in Vietnamese, never a stack trace.

``{"error": "…", "field": "…"}`` as ``/api/search/`` and ``/api/v2/`` answer a bad parameter
(docs/contract.md); ``field`` only when one parameter is to blame.
"""

import json

from django.http import HttpResponse

MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    401: "Mã truy cập (token) không hợp lệ hoặc đã bị thu hồi.",
    403: "Không có quyền truy cập.",
    404: "Không tìm thấy.",
    405: "Phương thức không được hỗ trợ: API này chỉ đọc (GET).",
    429: "Quá nhiều yêu cầu: xin thử lại sau.",
    500: "Lỗi máy chủ: xin thử lại sau.",
}


class ApiError(Exception):
    """An answer other than 200, said in Vietnamese; ``field`` names the parameter at fault."""

    def __init__(self, status: int, message: str = "", field: str | None = None):
        super().__init__(message or MESSAGES.get(status, ""))
        self.status = status
        self.message = message or MESSAGES.get(status, "")
        self.field = field


class BadParameter(ApiError):
    def __init__(self, field: str, message: str):
        super().__init__(400, message, field)


def error_response(status: int, message: str = "", field: str | None = None) -> HttpResponse:
    body = {"error": message or MESSAGES.get(status, "")}
    if field:
        body["field"] = field
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type="application/json; charset=utf-8"
    )
    # An error is about this request: no CDN or browser keeps it.
    response["Cache-Control"] = "no-store"
    return response
