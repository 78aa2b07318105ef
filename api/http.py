"""The API as a good HTTP citizen, around every /api/v1/ view (applied in ``api/urls.py``).

- a control character in any parameter is a 400 before anything reads it (PostgreSQL refuses a
  NUL in a text value);
- rate limits per client and per token (``api/ratelimit.py``): a JSON 429 with ``Retry-After``;
- a wrong method is a JSON 405 (with ``Allow``);
- a 200 carries an ``ETag`` (a hash of the body) and a ``Last-Modified`` (``api/freshness.py``),
  and answers 304 to ``If-None-Match`` / ``If-Modified-Since`` when nothing changed;
- ``Cache-Control: public, max-age=API_CACHE_SECONDS`` on anonymous answers (a CDN may keep them;
  they are the same for everyone), ``private`` with a token, ``no-store`` on errors.
"""

import hashlib
import unicodedata
from functools import wraps

from django.conf import settings
from django.http import Http404
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from . import freshness, ratelimit
from .errors import ApiError, error_response


def has_control_character(text: str) -> bool:
    return any(unicodedata.category(char)[0] == "C" and not char.isspace() for char in text) or "\x00" in text


def _refused_parameter(request) -> str | None:
    for name, values in request.GET.lists():
        if has_control_character(name) or any(has_control_character(value) for value in values):
            return name
    return None


def _etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def public_api_view(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        name = _refused_parameter(request)
        if name is not None:
            shown = "".join(char for char in name if not has_control_character(char))[:40]
            return error_response(400, f"Tham số {shown} chứa ký tự không hợp lệ.", shown or "query")
        try:
            verdict = ratelimit.check(request)
        except ApiError as error:
            return error_response(error.status, error.message, error.field)
        if not verdict.allowed:
            response = error_response(429)
            response["Retry-After"] = str(verdict.retry_after)
            return response
        head = request.method == "HEAD"
        if head:  # answered as the GET it asks about, without the body
            request.method = "GET"
        try:
            response = view(request, *args, **kwargs)
        except Http404:  # ninja's root view, or anything raised outside an operation
            return error_response(404)
        if response.status_code == 405:
            allowed = response.get("Allow", "GET")
            response = error_response(405)
            response["Allow"] = allowed
            return response
        if response.status_code != 200 or request.method not in ("GET", "HEAD"):
            if response.status_code >= 400:
                response["Cache-Control"] = "no-store"
            return response
        response = revalidated(request, response)
        if head and not getattr(response, "streaming", False):
            length = len(response.content)
            response.content = b""
            if response.status_code == 200:
                response["Content-Length"] = str(length)
        return response

    return wrapped


def revalidated(request, response):
    """ETag, Last-Modified and Cache-Control on a 200; a 304 when the client's copy is current."""
    if getattr(response, "streaming", False):
        return response
    response["ETag"] = _etag(response.content)
    last_modified = freshness.last_change()
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    if ratelimit.bearer_token(request) is None:
        response["Cache-Control"] = f"public, max-age={settings.API_CACHE_SECONDS}"
    else:
        response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ["Authorization"])
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=last_modified.timestamp() if last_modified else None,
        response=response,
    )
