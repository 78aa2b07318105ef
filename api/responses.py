"""JSON answers: UTF-8 as is (Vietnamese stays readable), dates in ISO 8601."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

from .media import absolute


def json_response(data) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder, separators=(",", ":")),
        content_type="application/json; charset=utf-8",
    )


def list_response(request, results: list[dict], next_cursor: str | None) -> HttpResponse:
    next_url = None
    if next_cursor:
        query = request.GET.copy()
        query["cursor"] = next_cursor
        next_url = absolute(f"{request.path}?{query.urlencode()}")
    return json_response({"next_cursor": next_cursor, "next": next_url, "results": results})


def iso(moment):
    return moment.isoformat() if moment else None
