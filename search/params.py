"""The search query a client may ask for, validated: a bad parameter is a clear 400, never a 500.

The facet parameters come from the facet table (facets.py); the rest (words, position,
order, page) are declared here.
"""

from dataclasses import dataclass
from typing import Any

from django import forms

from .facets import BY_NAME, FACETS, Facet

MAX_QUERY_LENGTH = 200
MAX_RADIUS_KM = 500
MAX_PAGE = 500
PAGE_SIZE = 20

SORTS = {
    "relevance": "Phù hợp nhất",
    "stars": "Hạng sao cao trước",
    "newest": "Mới nhất",
    "name": "Tên A–Z",
    "distance": "Gần nhất",
}


@dataclass(frozen=True)
class SearchQuery:
    """A validated search: every filter is a slug or a number, ready for either engine."""

    text: str = ""
    # (facet name, chosen value) for each facet in force, in table order; a tuple, so the
    # query stays hashable and its repr keys the answer cache.
    filters: tuple[tuple[str, Any], ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE
    # The pages an identifier typed as the text names (search.identifiers): the answer is them, first.
    page_ids: tuple[int, ...] = ()

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def active_filters(self, *, except_facet: str = "") -> list[tuple[Facet, Any]]:
        """The filters in force, optionally without one facet's own (facet counts respect the others)."""
        return [(BY_NAME[name], value) for name, value in self.filters if name != except_facet]


class SearchParamsForm(forms.Form):
    q = forms.CharField(
        label="Từ khóa",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": f"Từ khóa quá dài: tối đa {MAX_QUERY_LENGTH} ký tự."},
    )
    # Here come the facets' own fields, one per row of the facet table (see __init__).
    lat = forms.FloatField(
        label="Vĩ độ",
        required=False,
        min_value=-90,
        max_value=90,
        error_messages={"invalid": "Vĩ độ (lat) phải là một số."},
    )
    lon = forms.FloatField(
        label="Kinh độ",
        required=False,
        min_value=-180,
        max_value=180,
        error_messages={"invalid": "Kinh độ (lon) phải là một số."},
    )
    radius_km = forms.FloatField(
        label="Bán kính",
        required=False,
        min_value=0.1,
        max_value=MAX_RADIUS_KM,
        error_messages={"invalid": "Bán kính (radius_km) phải là một số."},
    )
    sort = forms.ChoiceField(
        label="Sắp xếp",
        required=False,
        choices=[("", "")] + list(SORTS.items()),
        error_messages={"invalid_choice": "Cách sắp xếp không hợp lệ: dùng " + ", ".join(SORTS)},
    )
    page = forms.IntegerField(
        label="Trang",
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={"invalid": "Số trang (page) phải là số nguyên."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for facet in FACETS:
            self.fields[facet.name] = facet.form_field()
        self.order_fields(["q", *(facet.name for facet in FACETS)])

    def clean(self):
        data = super().clean()
        lat, lon = data.get("lat"), data.get("lon")
        if (lat is None) != (lon is None) and not self.has_error("lat") and not self.has_error("lon"):
            self.add_error("lat" if lat is None else "lon", "Cần cả vĩ độ (lat) và kinh độ (lon).")
        has_point = lat is not None and lon is not None
        if data.get("radius_km") is not None and not has_point:
            self.add_error("radius_km", "Bán kính cần kèm vị trí: thêm lat và lon.")
        if data.get("sort") == "distance" and not has_point:
            self.add_error("sort", "Sắp xếp theo khoảng cách cần vị trí: thêm lat và lon.")
        return data

    def to_query(self) -> SearchQuery:
        data = self.cleaned_data
        text = " ".join((data.get("q") or "").split())
        has_point = data.get("lat") is not None and data.get("lon") is not None
        default_sort = "relevance" if text else ("distance" if has_point else "stars")
        return SearchQuery(
            text=text,
            filters=tuple((facet.name, chosen) for facet in FACETS if (chosen := facet.chosen(data.get(facet.name)))),
            latitude=data.get("lat"),
            longitude=data.get("lon"),
            radius_km=data.get("radius_km"),
            sort=data.get("sort") or default_sort,
            page=data.get("page") or 1,
        )


def first_error(form: forms.Form) -> tuple[str, str]:
    for name, errors in form.errors.items():
        return name, errors[0]
    return "", ""
