"""``/api/v1/exports/…``: the data files and their descriptions (mounted in ``portal/urls.py``)."""

from django.urls import re_path

from . import views

urlpatterns = [
    re_path(
        r"^(?P<filename>(?:products|producers)\.(?:csv|jsonl)|datapackage\.json|catalog\.jsonld)$",
        views.export,
        name="opendata_file",
    ),
]
