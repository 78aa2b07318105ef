"""The headless API (Wagtail API v2) under /api/v2/: public pages only.

Wagtail's pages endpoint lists live pages without a view restriction, which includes a
live page under an unpublished section; its base queryset is narrowed to the portal's one
definition of public (``core.visibility.public_pages``). The listing, the detail view and
``find/?html_path=`` (which checks the page it routes to against that queryset) follow it.

There is deliberately no images endpoint: Wagtail's lists every image in the
library, including those of drafts and private pages. Pages carry the
renditions of their own images instead.

A malformed parameter is a 400 with ``{"error": "…", "field": "…"}`` in Vietnamese
(docs/contract.md), never a 500: ``search`` is checked and reduced to its words before it
reaches the search backend (a stray quote or a control character must not become the
engine's syntax), ``offset`` and ``limit`` are bounded integers.
"""

import re
import unicodedata

from django.conf import settings
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.search.backends import get_search_backend

from core.visibility import public_pages

SEARCH_MAX_LENGTH = 200
OFFSET_MAX = 1_000_000
NOT_A_WORD = re.compile(r"[\W_]+")


class ParameterError(BadRequestError):
    """A bad query parameter, said in Vietnamese, naming the parameter."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


def _has_control_character(text: str) -> bool:
    return any(unicodedata.category(char)[0] == "C" and not char.isspace() for char in text)


def search_words(query: str) -> str:
    """The words of a search, or a ParameterError: no control character, no engine syntax."""
    if len(query) > SEARCH_MAX_LENGTH:
        raise ParameterError(f"Từ khoá tìm kiếm quá dài (tối đa {SEARCH_MAX_LENGTH} ký tự).", "search")
    if _has_control_character(query):
        raise ParameterError("Từ khoá tìm kiếm chứa ký tự không hợp lệ.", "search")
    return NOT_A_WORD.sub(" ", query).strip()


class PortalSearchFilter(SearchFilter):
    """Wagtail's ``?search=``, given only words: a quote, a NUL or a lone tab is a 400 or plain text."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        words = search_words(request.GET["search"])
        operator = request.GET.get("search_operator") or None
        if operator not in (None, "and", "or"):
            raise ParameterError("search_operator chỉ nhận “and” hoặc “or”.", "search_operator")
        if not words:
            return queryset.none()
        return get_search_backend().search(
            words, queryset, operator=operator, order_by_relevance="order" not in request.GET
        )


def _bounded(request, name: str, default: int, maximum: int) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or len(raw) > len(str(maximum)) or int(raw) > maximum:
        raise ParameterError(f"{name} phải là số nguyên từ 0 đến {maximum}.", name)
    return int(raw)


class PortalPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or 20
        offset = _bounded(request, "offset", 0, OFFSET_MAX)
        limit = _bounded(request, "limit", min(20, limit_max), limit_max)
        self.view = view
        self.total_count = queryset.count()
        return queryset[offset : offset + limit]


class PublicPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = PortalPagination
    filter_backends = [
        PortalSearchFilter if backend is SearchFilter else backend for backend in PagesAPIViewSet.filter_backends
    ]

    def initial(self, request, *args, **kwargs):
        # A control character reaches no query: PostgreSQL refuses a NUL in any text value
        # (``?locale=%00``, ``find/?html_path=%00``), which would otherwise be a 500.
        for name, values in request.GET.lists():
            for value in values:
                if _has_control_character(value):
                    raise ParameterError(f"Tham số {name[:40]} chứa ký tự không hợp lệ.", name[:40])
        super().initial(request, *args, **kwargs)

    def get_base_queryset(self):
        return public_pages(super().get_base_queryset())

    def handle_exception(self, exc):
        if isinstance(exc, ParameterError):
            return Response({"error": str(exc), "field": exc.field}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, BadRequestError):  # Wagtail's own checks (fields, type, order, …), in English
            return Response(
                {"error": "Tham số truy vấn không hợp lệ.", "detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST
            )
        return super().handle_exception(exc)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
