"""The token API's errors, as the portal's other APIs answer them: ``{"error": "…", "field": "…"}``
in Vietnamese, never a stack trace. A write the form refuses is a 400 listing each field's message
(``errors``); nothing of it was saved (Wagtail validates the whole form before it saves)."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.rich_text import RichTextFormatError
from wagtail.utils.forms import FormValidationError

NEEDS_A_TOKEN = (
    "Cần mã truy cập hợp lệ: gửi tiêu đề Authorization: Bearer <mã>. Mã đã thu hồi hoặc hết hạn không dùng được nữa."
)
NOT_ALLOWED = "Tài khoản của mã truy cập này không được làm việc này với trang này."
NOT_FOUND = "Không tìm thấy, hoặc tài khoản của mã truy cập này không được xem."
INVALID = "Dữ liệu gửi lên không hợp lệ."


class Refused(PermissionDenied):
    """A rule of the portal said no; its message (Vietnamese) is the answer."""

    def __init__(self, message: str, field: str | None = None, status: int = 403, errors=None):
        super().__init__(message)
        self.message, self.field, self.status, self.errors = message, field, status, errors


def invalid_form(form) -> Refused:
    """The form's errors, down to the block of a StreamField that holds each (Wagtail's own
    ``FormValidationError`` stops at "Validation error in StreamBlock")."""
    errors = []
    for name, field_errors in form.errors.as_data().items():
        for exc in field_errors:
            if hasattr(exc, "as_json_data"):
                errors.extend(_block_messages(exc.as_json_data(), [name]))
            else:
                errors.extend({"field": name, "message": message} for message in exc.messages)
    for relation, formset in getattr(form, "formsets", {}).items():
        for index, child in enumerate(formset.forms):
            for name, messages in child.errors.items():
                errors.extend({"field": f"{relation}.{index}.{name}", "message": m} for m in messages)
    errors.sort(key=lambda item: -len(item["field"].split(".")))
    first = errors[0] if errors else {"field": None, "message": ""}
    return Refused(f"{INVALID} {first['message']}".strip(), first["field"], status=400, errors=errors)


def _block_messages(data, path):
    for message in data.get("messages", []):
        yield {"field": ".".join(map(str, path)), "message": message}
    children = data.get("blockErrors") or {}
    items = children.items() if isinstance(children, dict) else enumerate(children)
    for key, child in items:
        if child:
            yield from _block_messages(child, [*path, key])


def error(status: int, message: str, field: str | None = None, **extra) -> JsonResponse:
    body = {"error": message}
    if field is not None:
        body["field"] = field
    body.update(extra)
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="ocop"'
    return response


def _path(loc) -> str:
    # v3's schema names the page type in the path ("catalogue.ProductPage"): a field name has no dot.
    steps = [str(step) for step in loc if step not in ("body", "data")]
    return ".".join(step for step in steps if "." not in step)


def install(api):
    def refused(request, exc):
        if not request.user.is_authenticated:
            return error(401, NEEDS_A_TOKEN)
        if isinstance(exc, Refused):
            extra = {"errors": exc.errors} if exc.errors is not None else {}
            return error(exc.status, exc.message, exc.field, **extra)
        return error(403, NOT_ALLOWED)

    def form_invalid(request, exc):
        if isinstance(exc, FormValidationError):
            errors = [
                {"field": _path(path) or None, "message": str(message)}
                for path, coded in exc.loc_errors
                for message, _code in coded
            ]
        else:
            errors = [{"field": None, "message": message} for message in exc.messages]
        # The deepest message says what is wrong ("body.1.image.image"), not "Validation error in StreamBlock".
        errors.sort(key=lambda item: -len((item["field"] or "").split(".")))
        first = errors[0] if errors else {"field": None, "message": INVALID}
        return error(400, f"{INVALID} {first['message']}", first["field"], errors=errors)

    def schema_invalid(request, exc):
        raw = exc.errors if isinstance(exc, NinjaValidationError) else exc.errors()
        errors = [{"field": _path(item.get("loc", ())) or None, "message": item.get("msg", "")} for item in raw]
        first = errors[0] if errors else {"field": None}
        return error(400, INVALID, first["field"], errors=errors)

    handlers = {
        AuthenticationError: lambda request, exc: error(401, NEEDS_A_TOKEN),
        PermissionDenied: refused,
        Http404: lambda request, exc: error(404, NOT_FOUND),
        DjangoValidationError: form_invalid,
        NinjaValidationError: schema_invalid,
        PydanticValidationError: schema_invalid,
        RichTextFormatError: lambda request, exc: error(400, f"{INVALID} {exc}"),
        HttpError: lambda request, exc: error(exc.status_code, str(exc)),
    }
    for exc_class, handler in handlers.items():
        api.add_exception_handler(exc_class, handler)
