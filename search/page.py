"""What the search page shows around the answer: its filters, chips and page links, and
the parts of it the script swaps in after each instant search.

The page and ``/api/search/?format=html`` render the same partial templates from the
same data, so a result card, a chip or a filter's options are drawn in one place.
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.http import urlencode

from . import service
from .facets import FACETS, Facet
from .models import EntryKind
from .params import SearchQuery

# Parameters that belong to one request only, never to a link the page offers.
NOT_IN_LINKS = ("page", "format")


@dataclass
class Option:
    value: str
    label: str
    count: int | None = None
    selected: bool = False
    fixed_label: str = ""  # set on the options of a fixed list: the script rewrites only their counts


@dataclass
class Filter:
    """One facet's <select>: the bound form field, and its options with their counts."""

    facet: Facet
    field: object  # the BoundField
    options: list[Option] = field(default_factory=list)

    @property
    def multiple(self) -> bool:
        return self.facet.several_chosen and len(self.field.value() or ()) > 1


def filters(form, data: dict | None) -> list[Filter]:
    facets = (data or {}).get("facets", {})
    labels = service.facet_labels()
    return [_filter(facet, form[facet.name], facets.get(facet.name, []), labels[facet.name]) for facet in FACETS]


def _filter(facet: Facet, bound, counted: list[dict], labels: dict) -> Filter:
    raw = bound.value()
    valid = not bound.errors
    if facet.fixed:
        chosen = {str(value) for value in (raw or [])} if facet.several_chosen else {str(raw or "")}
        counts = {str(item["value"]): item["count"] for item in counted}
        options = [
            Option(
                value=str(value),
                label=label,
                count=counts.get(str(value)),
                selected=valid and str(value) in chosen,
                fixed_label=label,
            )
            for value, label in labels.items()
        ]
        return Filter(facet, bound, options)
    current = raw or ""
    options = [
        Option(
            value=str(item["value"]), label=item["label"], count=item["count"], selected=str(item["value"]) == current
        )
        for item in counted
    ]
    # Counts leave out the facet's own filter, so a chosen value is usually listed; when it is
    # not (no results, or a subgroup of a category), it is kept so that searching again keeps it.
    if current and valid and not any(option.selected for option in options):
        options.insert(0, Option(value=current, label=labels.get(current, current), selected=True))
    return Filter(facet, bound, options)


def _pairs(request, drop=lambda name, value: False) -> list[tuple[str, str]]:
    return [
        (name, value)
        for name, values in request.GET.lists()
        for value in values
        if value and name not in NOT_IN_LINKS and not drop(name, value)
    ]


def chips(request, query: SearchQuery) -> list[dict]:
    """The active filters, each with the query string that removes it."""
    labels = service.facet_labels()
    found = []
    for facet, chosen in query.active_filters():
        for value in chosen if facet.several_chosen else (chosen,):
            if facet.several_chosen:  # one chip per value; removing it keeps the others
                remove = _pairs(request, lambda name, raw, f=facet, v=value: name == f.name and raw == str(v))
            else:
                remove = _pairs(request, lambda name, raw, f=facet: name == f.name)
            found.append({"label": labels[facet.name].get(value, str(value)), "remove": urlencode(remove)})
    if query.has_point:
        # Sorting by distance means nothing without the position: it goes with it.
        position = ("lat", "lon", "radius_km")
        remove = _pairs(request, lambda name, raw: name in position or (name == "sort" and raw == "distance"))
        found.append({"label": "Gần vị trí của bạn", "remove": urlencode(remove)})
    return found


def page_links(request, query: SearchQuery, pages: int) -> dict:
    base = urlencode(_pairs(request))

    def link(number):
        return f"?{base}&page={number}" if base else f"?page={number}"

    return {
        "previous": link(query.page - 1) if query.page > 1 else None,
        "next": link(query.page + 1) if query.page < pages else None,
    }


def kinds() -> dict:
    """Each kind of result and its name: "product" → "Sản phẩm"."""
    return dict(EntryKind.choices)


def context(request, form, query: SearchQuery, data: dict) -> dict:
    """What the partial templates need, for the page and for the script alike."""
    return {
        "kinds": kinds(),
        "form": form,
        "data": data,
        "chips": chips(request, query),
        "page_links": page_links(request, query, data["pages"]),
        "filters": filters(form, data),
    }


def parts(request, form, query: SearchQuery, data: dict) -> dict:
    """The page's parts as HTML, for the script to put in place of the old ones."""
    # As the page decides: no parameter at all is no search yet (the intro, not every entry).
    searched = any(name != "format" for name in request.GET)
    bits = {**context(request, form, query, data), "searched": searched}

    def render(template, **extra):
        return render_to_string(f"search/{template}", {**bits, **extra}, request=request)

    return {
        "searched": searched,
        "count": render("_count.html").strip(),
        "notice": render("_notice.html"),
        "filtering": render("_filtering.html"),
        "clear_filters": render("_clear_filters.html"),
        "chips": render("_chips.html"),
        "results": render("_results.html", results=data["results"]),
        "pagination": render("_pagination.html"),
        "filters": {item.facet.name: render("_facet_options.html", filter=item) for item in bits["filters"]},
    }
