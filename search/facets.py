"""The search facets, each defined once.

A facet is a filter people narrow results with, counted for each of its values
("Lâm Đồng (12)"). Its row below says everything the app needs: the query
parameter and how it is validated, the Vietnamese label, the index column both
engines filter and count on, and the display names of its values. The engines,
parameter parsing, the API's ``facets``, the page's filters and chips — and so
the JavaScript, which reads the page — all follow this table; adding a facet is
adding a row (and the column to ``SearchEntry``).

The rows are in the order the page shows them and the form validates them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.core.validators import RegexValidator, slug_re

from catalogue.models import Certification, ProducerType, ProductCategory
from regions.models import EconomicRegion, FormerProvince, Province

from .models import EntryKind

INVALID_SLUG = "Giá trị không hợp lệ: dùng mã không dấu như trong đường dẫn, ví dụ lam-dong."
STARS = (5, 4, 3)  # the recognised ratings, highest first, as the filter lists them


class KnownSlugField(forms.SlugField):
    """A slug that must name a row: an unknown one is an error saying so, in Vietnamese.

    A malformed slug has its own code (``invalid_slug``), so the page can explain the format.
    """

    default_validators = [RegexValidator(slug_re, code="invalid_slug")]

    def __init__(self, *, check: Callable[[str], None], **kwargs):
        kwargs.setdefault("error_messages", {"invalid_slug": INVALID_SLUG})
        super().__init__(required=False, **kwargs)
        self.check = check

    def clean(self, value):
        slug = super().clean(value)
        if slug:
            self.check(slug)
        return slug


def _known(objects, message: str) -> Callable[[str], None]:
    def check(slug: str) -> None:
        if not objects.filter(slug=slug).exists():
            raise forms.ValidationError(message.format(slug))

    return check


def _current_province(slug: str) -> None:
    if Province.objects.filter(slug=slug).exists():
        return
    former = FormerProvince.objects.select_related("successor").filter(slug=slug).first()
    if former is not None:
        raise forms.ValidationError(
            f"{former.short_name} nay thuộc {former.successor.short_name}: "
            f"dùng province={former.successor.slug} (tìm “{former.short_name}” trong từ khóa vẫn ra sản phẩm)."
        )
    raise forms.ValidationError(f"Không có tỉnh, thành phố “{slug}”.")


def _choice(choices, message: str) -> Callable[[], forms.Field]:
    return lambda: forms.ChoiceField(
        required=False, choices=[("", ""), *choices], error_messages={"invalid_choice": message}
    )


def _stars_field() -> forms.Field:
    return forms.TypedMultipleChoiceField(
        required=False,
        choices=[(str(star), str(star)) for star in sorted(STARS)],
        coerce=int,
        error_messages={"invalid_choice": "Hạng sao chỉ có thể là 3, 4 hoặc 5."},
    )


@dataclass(frozen=True)
class Facet:
    name: str  # the query parameter, and the key in the API's "facets"
    label: str  # the filter's name on the page
    all_label: str  # the option that drops the filter
    column: str  # the index column (SearchEntry field, document field) filtered and counted
    field: Callable[[], forms.Field]  # parses and validates the query parameter
    value_labels: Callable[[], dict]  # value → display name (read through the service's cache)
    also_matches: tuple[str, ...] = ()  # further columns a chosen value may match
    several_chosen: bool = False  # the parameter may repeat (stars=3&stars=5): any of them matches
    several_stored: bool = False  # an entry holds several values (the column is a list of slugs)
    fixed: bool = False  # the filter lists every value, counted or not, instead of the values found
    ranked_by_value: bool = False  # the API lists values highest first rather than by count

    def form_field(self) -> forms.Field:
        field = self.field()
        field.label = self.label
        return field

    def chosen(self, cleaned):
        """The validated parameter as the query holds it: a slug, or a sorted tuple when several."""
        if self.several_chosen:
            return tuple(sorted(set(cleaned or ())))
        return cleaned or ""

    def columns(self) -> tuple[str, ...]:
        return (self.column, *self.also_matches)

    def ranked(self, items: list[dict]) -> list[dict]:
        """The API's items for this facet ({"value", "label", "count"}), in the order to show them."""
        if self.ranked_by_value:
            return sorted(items, key=lambda item: -item["value"])
        return sorted(items, key=lambda item: (-item["count"], str(item["label"])))


FACETS: tuple[Facet, ...] = (
    Facet(
        name="type",
        label="Loại kết quả",
        all_label="Tất cả",
        column="kind",
        field=_choice(EntryKind.choices, "Loại kết quả chỉ có thể là product, producer hoặc story."),
        value_labels=lambda: dict(EntryKind.choices),
        fixed=True,
    ),
    Facet(
        name="region",
        label="Vùng",
        all_label="Tất cả các vùng",
        column="region",
        field=lambda: KnownSlugField(check=_known(EconomicRegion.objects, "Không có vùng “{}”.")),
        value_labels=lambda: dict(EconomicRegion.objects.values_list("slug", "name")),
    ),
    Facet(
        name="province",
        label="Tỉnh, thành phố",
        all_label="Tất cả tỉnh, thành phố",
        column="province",
        field=lambda: KnownSlugField(check=_current_province),
        value_labels=lambda: dict(Province.objects.values_list("slug", "short_name")),
    ),
    Facet(
        # Counted by top-level group; a subgroup's slug filters too (it names a real category).
        name="category",
        label="Nhóm sản phẩm",
        all_label="Tất cả các nhóm",
        column="category_group",
        also_matches=("category",),
        field=lambda: KnownSlugField(check=_known(ProductCategory.objects, "Không có nhóm sản phẩm “{}”.")),
        value_labels=lambda: dict(ProductCategory.objects.values_list("slug", "name")),
    ),
    Facet(
        name="stars",
        label="Hạng sao",
        all_label="Mọi hạng sao",
        column="stars",
        field=_stars_field,
        value_labels=lambda: {star: f"{star} sao" for star in STARS},
        several_chosen=True,
        fixed=True,
        ranked_by_value=True,
    ),
    Facet(
        name="producer_type",
        label="Loại hình chủ thể",
        all_label="Mọi loại hình",
        column="producer_type",
        field=_choice(ProducerType.choices, "Loại hình chủ thể không hợp lệ: dùng " + ", ".join(ProducerType.values)),
        value_labels=lambda: dict(ProducerType.choices),
    ),
    Facet(
        name="certification",
        label="Chứng nhận",
        all_label="Mọi chứng nhận",
        column="certifications",
        several_stored=True,
        field=lambda: KnownSlugField(check=_known(Certification.objects, "Không có chứng nhận “{}”.")),
        value_labels=lambda: dict(Certification.objects.values_list("slug", "name")),
    ),
)

BY_NAME: dict[str, Facet] = {facet.name: facet for facet in FACETS}


def index_columns() -> tuple[str, ...]:
    """Every column a facet filters or counts on, once each, in table order."""
    return tuple(dict.fromkeys(column for facet in FACETS for column in facet.columns()))
