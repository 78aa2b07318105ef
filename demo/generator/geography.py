"""Where generated producers live: provinces, wards and their pre-2025 names.

Today's 34 provinces and 3,321 wards come from the database (``regions``).
The communes, districts and provinces that were merged into each ward in July
2025 come from the data files of ``vietnamadminunits`` (its converter table and
its 63-province dataset), so a generated producer can carry a real old address ("Xã Đắk Drô,
Huyện Krông Nô, Tỉnh Đắk Nông") that matches its new ward, and products can be
named after old district names people still use ("Bơ núi lửa Krông Nô").
"""

import importlib.util
import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from regions.models import Province, Ward

# OCOP is "one commune, one product": provinces with more communes have more
# products. Hà Nội alone holds a large share of the national catalogue.
PROVINCE_WEIGHT_BOOST = {"01": 2.5}

_PARENTHESES = re.compile(r"\s*\(.*?\)")  # "Cao Lãnh (Huyện)" beside "Cao Lãnh (Thành phố)"
_WARD_PREFIX = re.compile(r"^(Xã|Phường|Đặc khu|Thị trấn)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class OldUnit:
    """A pre-2025 commune that is now (wholly) part of a ward."""

    ward: str  # "Xã Đắk Drô"
    district: str  # "Huyện Krông Nô"
    district_short: str  # "Krông Nô"
    province: str  # "Tỉnh Đắk Nông"

    @property
    def address(self) -> str:
        return f"{self.ward}, {self.district}, {self.province}"


@dataclass(frozen=True)
class WardPlace:
    code: str
    name: str  # "Xã Krông Nô"
    bare_name: str  # "Krông Nô"
    latitude: float | None
    longitude: float | None
    old_units: tuple[OldUnit, ...] = ()


@dataclass
class ProvincePlace:
    code: str
    name: str
    short_name: str
    region: str  # EconomicRegion slug
    latitude: float | None
    longitude: float | None
    wards: list[WardPlace] = field(default_factory=list)

    @property
    def weight(self) -> float:
        return len(self.wards) * PROVINCE_WEIGHT_BOOST.get(self.code, 1.0)


def clean_ward_name(name: str) -> str:
    """Collapse doubled spaces found in the source data ("Phường  An Nhơn")."""
    return " ".join(name.split())


def bare_place_name(name: str) -> str:
    return _WARD_PREFIX.sub("", clean_ward_name(name))


def _vietnamadminunits_data() -> Path | None:
    """The library's data folder, read directly: importing the package builds its
    address parsers (~2 s), which the generator does not need."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    if (data / "dataset.db").exists() and (data / "converter_2025.json").exists():
        return data
    return None


def _old_units_by_ward_code() -> dict[str, list[OldUnit]]:
    """New ward code → the old communes merged into it (not split between wards)."""
    data = _vietnamadminunits_data()
    if data is None:  # the generator still works, without old addresses
        return {}
    with sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True) as db:
        new_codes = {
            (province_key, ward_key): code
            for province_key, ward_key, code in db.execute("SELECT provinceKey, wardKey, wardCode FROM admin_units")
        }
        old_rows = {
            f"{province_key}_{district_key}_{ward_key}": OldUnit(
                ward, district, _PARENTHESES.sub("", district_short), province
            )
            for province, district, ward, district_short, province_key, district_key, ward_key in db.execute(
                "SELECT province, district, ward, districtShort, provinceKey, districtKey, wardKey "
                "FROM admin_units_legacy"
            )
        }
    converter = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    result: dict[str, list[OldUnit]] = {}
    for province_key, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, old_keys in wards.items():
            code = new_codes.get((province_key, ward_key))
            if code is None:
                continue
            for old_key in old_keys:
                if old_key in old_rows:
                    result.setdefault(code, []).append(old_rows[old_key])
    return result


def load_provinces() -> list[ProvincePlace]:
    """All provinces (ordered by code) with their wards, ready for sampling."""
    old_units = _old_units_by_ward_code()
    provinces = {
        p.code: ProvincePlace(p.code, p.name, p.short_name, p.region.slug, p.latitude, p.longitude)
        for p in Province.objects.select_related("region").order_by("code")
    }
    for code, name, province_code, lat, lon in Ward.objects.order_by("code").values_list(
        "code", "name", "province_id", "latitude", "longitude"
    ):
        provinces[province_code].wards.append(
            WardPlace(code, clean_ward_name(name), bare_place_name(name), lat, lon, tuple(old_units.get(code, ())))
        )
    return [p for p in provinces.values() if p.wards]
