"""The open-data files under ``/api/v1/exports/`` and the page ``/du-lieu-mo/`` that explains them.

The data files stream: rows are read in chunks and written a batch at a time, so the whole
catalogue is never held in memory. Every file carries ``ETag`` and ``Last-Modified``
(``freshness``); a client revalidating with either gets a 304 without a single row being read.
``HEAD`` answers the headers alone.
"""

import json

from django.core.cache import cache
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from . import descriptors, freshness, summary
from .datasets import files
from .formats import WRITERS

# Shared caches (a CDN) may keep a file this long before revalidating it with its ETag.
MAX_AGE = 15 * 60
JSON_TYPES = {"datapackage.json": "application/json", "catalog.jsonld": "application/ld+json"}


def _validators(response, state: freshness.Freshness, filename: str):
    etag = state.etag(filename)
    if etag:
        response["ETag"] = etag
        response["Last-Modified"] = http_date(state.last_modified.timestamp())
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


@require_safe
def export(request, filename: str):
    known = files()
    if filename not in known and filename not in JSON_TYPES:
        raise Http404
    state = freshness.current()
    etag = state.etag(filename)
    if etag:
        not_modified = get_conditional_response(request, etag=etag, last_modified=int(state.last_modified.timestamp()))
        if not_modified is not None:
            return _validators(not_modified, state, filename)
    if filename in JSON_TYPES:
        build = descriptors.data_package if filename == "datapackage.json" else descriptors.dcat_catalogue
        body = json.dumps(build(state.updated_at), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type=f"{JSON_TYPES[filename]}; charset=utf-8")
        return _validators(response, state, filename)

    dataset, fmt = known[filename]
    content_type = f"{fmt.media_type}; charset=utf-8"
    if request.method == "HEAD":
        response = HttpResponse(content_type=content_type)
    else:
        chunks = WRITERS[fmt.extension](dataset.fields, dataset.rows())
        response = StreamingHttpResponse(_measured(chunks, state, filename), content_type=content_type)
    # The very name datapackage.json's relative paths use: a browser saves the files under it,
    # so `frictionless validate datapackage.json` finds them beside the package.
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _validators(response, state, filename)


def _measured(chunks, state: freshness.Freshness, filename: str):
    """Pass the chunks on, and once the file is complete remember its size for the page."""
    size = 0
    for chunk in chunks:
        size += len(chunk)
        yield chunk
    if state.version:
        cache.set(summary.size_key(state.version, filename), size, summary.SIZE_SECONDS)


def open_data_page(request):
    state = freshness.current()
    context = {
        "datasets": summary.describe(state),
        "updated_at": state.updated_at,
        "licence": descriptors.LICENCE,
        "publisher": descriptors.PUBLISHER,
        "datapackage_url": descriptors.file_url("datapackage.json"),
        "catalog_url": descriptors.file_url("catalog.jsonld"),
        "json_ld": descriptors.schema_org_datasets(state.updated_at),
        "page_url": descriptors.page_url(),
    }
    return TemplateResponse(request, "opendata/open_data_page.html", context)
