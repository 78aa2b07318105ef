"""The URLs of ``/api/v1/``: ninja's views, each wrapped by ``api.http.public_api_view``, and a JSON
404 for any other path under it."""

from django.urls import include, re_path

from .errors import error_response
from .http import public_api_view
from .main import api


def _not_found(request, rest=""):
    return error_response(404, "Không có đường dẫn này trong API: xem /api/v1/docs.")


def _wrapped(patterns):
    for pattern in patterns:
        pattern.callback = public_api_view(pattern.callback)
    return patterns


_patterns, _app_name, _namespace = api.urls
urlpatterns = [*_wrapped(list(_patterns)), re_path(r"^(?P<rest>.*)$", public_api_view(_not_found))]
v1 = include((urlpatterns, _app_name), namespace=_namespace)
