"""Load the administrative geography into the database, idempotently.

Names and codes come from ``vietnam-provinces``; coordinates and the old
63-province list come from ``vietnamadminunits``. Runs from a data migration
(so every fresh database has it) and from ``manage.py load_regions``.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from core.text import name_key, vietnamese_slug

from .data import ECONOMIC_REGIONS, PROVINCE_REGION

logger = logging.getLogger(__name__)


@dataclass
class LoadReport:
    regions: int
    provinces: int
    wards: int
    former_provinces: int


def _short_province_name(name: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _upsert(model, rows: list, fields: list[str]) -> None:
    """Insert missing rows and update existing ones, in bulk, matching on primary key."""
    pk_name = model._meta.pk.name
    existing = set(model.objects.values_list(pk_name, flat=True))
    model.objects.bulk_update([row for row in rows if getattr(row, pk_name) in existing], fields, batch_size=500)
    model.objects.bulk_create([row for row in rows if getattr(row, pk_name) not in existing], batch_size=500)


def load_regions(EconomicRegion=None, Province=None, Ward=None, FormerProvince=None) -> LoadReport:
    """Create or update all regions, provinces, wards and former provinces.

    The model classes may be passed in so a migration can use its historical models.
    """
    from vietnam_provinces import Province as VnProvince
    from vietnam_provinces import Ward as VnWard
    from vietnamadminunits import convert_address
    from vietnamadminunits.database import get_data

    if EconomicRegion is None:
        from . import models

        EconomicRegion, Province, Ward, FormerProvince = (
            models.EconomicRegion,
            models.Province,
            models.Ward,
            models.FormerProvince,
        )

    with transaction.atomic():
        regions = {}
        for order, (slug, name, name_en) in enumerate(ECONOMIC_REGIONS):
            region, _ = EconomicRegion.objects.update_or_create(
                slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
            )
            regions[slug] = region

        # Coordinates are matched by province and ward *name*: the two packages
        # disagree on some ward codes.
        ward_coordinates: dict[tuple[str, str], list[tuple[str, float, float]]] = {}
        province_coordinates = {}
        for row in get_data(
            fields=["provinceCode", "provinceLat", "provinceLon", "ward", "wardLat", "wardLon"],
            table="admin_units",
        ):
            key = (row["provinceCode"], name_key(row["ward"]))
            ward_coordinates.setdefault(key, []).append((" ".join(row["ward"].split()), row["wardLat"], row["wardLon"]))
            province_coordinates[row["provinceCode"]] = (row["provinceLat"], row["provinceLon"])

        provinces = []
        for vn in VnProvince.iter_all():
            code = f"{int(vn.code):02d}"
            lat, lon = province_coordinates.get(code, (None, None))
            provinces.append(
                Province(
                    code=code,
                    name=vn.name,
                    short_name=_short_province_name(vn.name),
                    slug=slugify(vn.codename.replace("_", "-")),
                    division_type=vn.division_type.value,
                    region=regions[PROVINCE_REGION[code]],
                    latitude=lat,
                    longitude=lon,
                )
            )
        _upsert(Province, provinces, ["name", "short_name", "slug", "division_type", "region", "latitude", "longitude"])

        wards = []
        for vn in VnWard.iter_all():
            code = f"{int(vn.code):05d}"
            province_code = f"{int(vn.province_code):02d}"
            name = " ".join(vn.name.split())
            lat, lon = _coordinates_for(ward_coordinates.get((province_code, name_key(name)), []), name)
            wards.append(
                Ward(
                    code=code,
                    name=name,
                    name_key=name_key(name),
                    division_type=vn.division_type.value,
                    province_id=province_code,
                    latitude=lat,
                    longitude=lon,
                )
            )
        _upsert(Ward, wards, ["name", "name_key", "division_type", "province", "latitude", "longitude"])

        # Each old province merged whole into one new province, so converting the
        # address of any one of its wards tells which.
        former = {}
        for row in get_data(
            fields=["province", "provinceShort", "provinceCode", "provinceLat", "provinceLon", "district", "ward"],
            table="admin_units_legacy",
        ):
            if row["provinceCode"] in former:
                continue
            unit = convert_address(f"{row['ward']}, {row['district']}, {row['province']}")
            former[row["provinceCode"]] = FormerProvince(
                code=row["provinceCode"],
                name=row["province"],
                short_name=row["provinceShort"],
                slug=vietnamese_slug(row["provinceShort"]),
                successor_id=f"{int(unit.province_code):02d}",
                latitude=row["provinceLat"],
                longitude=row["provinceLon"],
            )
        _upsert(
            FormerProvince,
            list(former.values()),
            ["name", "short_name", "slug", "successor", "latitude", "longitude"],
        )

    report = LoadReport(len(regions), len(provinces), len(wards), len(former))
    logger.info("Loaded regions: %s", report)
    return report


def _coordinates_for(candidates: list[tuple[str, float, float]], name: str) -> tuple[float | None, float | None]:
    if len(candidates) > 1:
        candidates = [c for c in candidates if c[0] == name]
    if len(candidates) != 1:
        return None, None
    return candidates[0][1], candidates[0][2]
