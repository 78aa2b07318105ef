"""``/api/search/``, ``/api/search/suggest/`` and the search page ``/tim-kiem/``."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from catalogue.models import ProductCategory

from . import service
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
    return JsonResponse(service.serialise(result, query), json_dumps_params={"ensure_ascii": False})


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
    context = {"form": form, "sorts": SORTS, "query": query, "searched": bool(request.GET)}
    status = 200
    if query is None:
        status = 400
    else:
        result = service.search(query)
        if message := _past_the_end(query, result):
            form.add_error("page", message)
            status = 400
        else:
            data = service.serialise(result, query)
            context.update(data=data, chips=_chips(request, data))
            context["page_links"] = _page_links(request, query, data["pages"])
    return TemplateResponse(request, "search/search_page.html", context, status=status)


def _without(request, *names) -> str:
    pairs = [(key, value) for key, value in request.GET.items() if key not in names and key != "page" and value]
    return urlencode(pairs)


def _chips(request, data) -> list[dict]:
    """The active filters, each with the link that removes it."""
    chips = []
    labels = service.facet_labels()
    for name in ("region", "province", "category", "producer_type", "certification", "type"):
        value = request.GET.get(name)
        if value:
            label = labels[name].get(value)
            if label is None:  # a subgroup: not a facet value, but a real category
                label = ProductCategory.objects.filter(slug=value).values_list("name", flat=True).first() or value
            chips.append({"label": label, "remove": _without(request, name)})
    for value in request.GET.getlist("stars"):
        pairs = [
            (key, item) for key, items in request.GET.lists() if key not in ("stars", "page") for item in items if item
        ]
        pairs += [("stars", other) for other in request.GET.getlist("stars") if other != value]
        chips.append({"label": f"{value} sao", "remove": urlencode(pairs)})
    if request.GET.get("lat") and request.GET.get("lon"):
        # Sorting by distance means nothing without the position: it goes with it.
        remove = (
            ("lat", "lon", "radius_km", "sort")
            if request.GET.get("sort") == "distance"
            else ("lat", "lon", "radius_km")
        )
        chips.append({"label": "Gần vị trí của bạn", "remove": _without(request, *remove)})
    return chips


def _page_links(request, query, pages) -> dict:
    base = _without(request)
    link = lambda number: f"?{base}&page={number}" if base else f"?page={number}"  # noqa: E731
    return {
        "previous": link(query.page - 1) if query.page > 1 else None,
        "next": link(query.page + 1) if query.page < pages else None,
    }
