"""``/api/search/``, ``/api/search/suggest/`` and the search page ``/tim-kiem/``.

``/api/search/?format=html`` adds an ``html`` object to the usual JSON: the page's
count, chips, result cards, page links and filter options, rendered by the page's
own templates, for its script to swap in (see search/page.py).
"""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from . import page, service
from .params import MAX_QUERY_LENGTH, SORTS, SearchParamsForm, first_error


def _bad_request(field: str, message: str) -> JsonResponse:
    return JsonResponse({"error": message, "field": field}, status=400)


def _validated(request):
    form = SearchParamsForm(request.GET)
    if not form.is_valid():
        return form, None
    return form, form.to_query()


def _past_the_end(query, result) -> str | None:
    if query.page > 1 and query.offset >= result.count:
        pages = max(1, -(-result.count // query.page_size))
        return f"Trang {query.page} vượt quá số trang hiện có ({pages})."
    return None


@require_GET
def search_api(request):
    form, query = _validated(request)
    if query is None:
        return _bad_request(*first_error(form))
    result = service.search(query)
    if message := _past_the_end(query, result):
        return _bad_request("page", message)
    data = service.serialise(result, query)
    if request.GET.get("format") == "html":
        # For the search page's script: the same answer, plus its parts drawn by the page's templates.
        data["html"] = page.parts(request, form, query, data)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_GET
def suggest_api(request):
    text = " ".join(request.GET.get("q", "").split())
    if len(text) > MAX_QUERY_LENGTH:
        return _bad_request("q", f"Từ khóa quá dài: tối đa {MAX_QUERY_LENGTH} ký tự.")
    suggestions = service.suggest(text) if text else []
    return JsonResponse(
        {"suggestions": [{"title": item.title, "url": item.url, "type": item.kind} for item in suggestions]},
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def search_page(request):
    form, query = _validated(request)
    context = {
        "form": form,
        "sorts": SORTS,
        "query": query,
        "searched": bool(request.GET),
        "kinds": page.kinds(),  # also read by the script, to name a suggestion's kind
    }
    status = 200
    if query is None:
        status = 400
    else:
        result = service.search(query)
        if message := _past_the_end(query, result):
            form.add_error("page", message)
            status = 400
        else:
            context.update(page.context(request, form, query, service.serialise(result, query)))
    context.setdefault("filters", page.filters(form, None))  # without an answer: no counts
    return TemplateResponse(request, "search/search_page.html", context, status=status)
