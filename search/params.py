"""The search query a client may ask for, validated: a bad parameter is a clear 400, never a 500."""

from dataclasses import dataclass

from django import forms

from catalogue.models import Certification, ProducerType, ProductCategory
from regions.models import EconomicRegion, FormerProvince, Province

from .models import EntryKind

MAX_QUERY_LENGTH = 200
MAX_RADIUS_KM = 500
MAX_PAGE = 500
PAGE_SIZE = 20
INVALID_SLUG = "Giá trị không hợp lệ: dùng mã không dấu như trong đường dẫn, ví dụ lam-dong."

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
    region: str = ""
    province: str = ""
    category: str = ""
    stars: tuple[int, ...] = ()
    producer_type: str = ""
    certification: str = ""
    kind: str = ""
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def active_filters(self, *, except_facet: str = "") -> dict:
        """The filters in force, optionally without one facet's own (facet counts respect the others)."""
        active = {
            "region": self.region,
            "province": self.province,
            "category": self.category,
            "stars": self.stars,
            "producer_type": self.producer_type,
            "certification": self.certification,
            "type": self.kind,
        }
        return {name: value for name, value in active.items() if value and name != except_facet}


class SearchParamsForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": f"Từ khóa quá dài: tối đa {MAX_QUERY_LENGTH} ký tự."},
    )
    region = forms.SlugField(required=False, error_messages={"invalid": INVALID_SLUG})
    province = forms.SlugField(required=False, error_messages={"invalid": INVALID_SLUG})
    category = forms.SlugField(required=False, error_messages={"invalid": INVALID_SLUG})
    stars = forms.TypedMultipleChoiceField(
        required=False,
        choices=[("3", "3"), ("4", "4"), ("5", "5")],
        coerce=int,
        error_messages={"invalid_choice": "Hạng sao chỉ có thể là 3, 4 hoặc 5."},
    )
    producer_type = forms.ChoiceField(
        required=False,
        choices=[("", "")] + ProducerType.choices,
        error_messages={"invalid_choice": "Loại hình chủ thể không hợp lệ: dùng " + ", ".join(ProducerType.values)},
    )
    certification = forms.SlugField(required=False, error_messages={"invalid": INVALID_SLUG})
    type = forms.ChoiceField(
        required=False,
        choices=[("", "")] + EntryKind.choices,
        error_messages={"invalid_choice": "Loại kết quả chỉ có thể là product, producer hoặc story."},
    )
    lat = forms.FloatField(
        required=False, min_value=-90, max_value=90, error_messages={"invalid": "Vĩ độ (lat) phải là một số."}
    )
    lon = forms.FloatField(
        required=False, min_value=-180, max_value=180, error_messages={"invalid": "Kinh độ (lon) phải là một số."}
    )
    radius_km = forms.FloatField(
        required=False,
        min_value=0.1,
        max_value=MAX_RADIUS_KM,
        error_messages={"invalid": "Bán kính (radius_km) phải là một số."},
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[("", "")] + list(SORTS.items()),
        error_messages={"invalid_choice": "Cách sắp xếp không hợp lệ: dùng " + ", ".join(SORTS)},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={"invalid": "Số trang (page) phải là số nguyên."},
    )

    def clean_region(self):
        return self._known("region", EconomicRegion.objects, "Không có vùng “{}”.")

    def clean_province(self):
        slug = self.cleaned_data.get("province")
        if not slug or Province.objects.filter(slug=slug).exists():
            return slug
        former = FormerProvince.objects.select_related("successor").filter(slug=slug).first()
        if former is not None:
            raise forms.ValidationError(
                f"{former.short_name} nay thuộc {former.successor.short_name}: "
                f"dùng province={former.successor.slug} (tìm “{former.short_name}” trong từ khóa vẫn ra sản phẩm)."
            )
        raise forms.ValidationError(f"Không có tỉnh, thành phố “{slug}”.")

    def clean_category(self):
        return self._known("category", ProductCategory.objects, "Không có nhóm sản phẩm “{}”.")

    def clean_certification(self):
        return self._known("certification", Certification.objects, "Không có chứng nhận “{}”.")

    def _known(self, name, objects, message):
        slug = self.cleaned_data.get(name)
        if slug and not objects.filter(slug=slug).exists():
            raise forms.ValidationError(message.format(slug))
        return slug

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
            region=data.get("region") or "",
            province=data.get("province") or "",
            category=data.get("category") or "",
            stars=tuple(sorted(set(data.get("stars") or ()))),
            producer_type=data.get("producer_type") or "",
            certification=data.get("certification") or "",
            kind=data.get("type") or "",
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
