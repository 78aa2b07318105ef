"""``/api/v1/regions/``: the six regions, the 34 provinces (codes, names), their wards on request,
and the 63 former provinces with the province each joined in July 2025."""

from typing import Literal

from ninja import Query, Router, Schema
from pydantic import Field

from regions.models import EconomicRegion, FormerProvince, Province, Ward

from . import filters
from .places import province_ref
from .responses import json_response
from .schemas import Error, Regions

router = Router(tags=["Địa giới hành chính"])


class RegionParams(Schema):
    include: Literal["wards"] | None = Field(None, description="wards: kèm danh sách xã, phường của mỗi tỉnh.")
    province: str | None = Field(None, max_length=60, description="Chỉ tỉnh này (mã hoặc slug).")


@router.get(
    "/",
    response={200: Regions, 400: Error, 401: Error, 429: Error},
    operation_id="list_regions",
    summary="Vùng, tỉnh, xã phường và tỉnh cũ",
)
def list_regions(request, params: Query[RegionParams]):
    provinces = Province.objects.select_related("region").order_by("code")
    if params.province:
        provinces = provinces.filter(pk=filters.province(params.province).pk)
    formers: dict[str, list] = {}
    every_former = list(FormerProvince.objects.select_related("successor").order_by("code"))
    for former in every_former:
        formers.setdefault(former.successor_id, []).append(former)
    wards: dict[str, list] = {}
    if params.include == "wards":
        for ward in Ward.objects.filter(province__in=provinces).order_by("code"):
            wards.setdefault(ward.province_id, []).append(ward)
    by_region: dict[int, list] = {}
    for province in provinces:
        item = {
            **province_ref(province),
            "division_type": province.division_type,
            "latitude": province.latitude,
            "longitude": province.longitude,
            "former_provinces": [_former_ref(former) for former in formers.get(province.code, [])],
        }
        if params.include == "wards":
            item["wards"] = [
                {
                    "code": ward.code,
                    "name": ward.name,
                    "division_type": ward.division_type,
                    "latitude": ward.latitude,
                    "longitude": ward.longitude,
                }
                for ward in wards.get(province.code, [])
            ]
        by_region.setdefault(province.region_id, []).append(item)
    regions = [
        {"slug": region.slug, "name": region.name, "name_en": region.name_en, "provinces": by_region[region.pk]}
        for region in EconomicRegion.objects.order_by("sort_order")
        if region.pk in by_region
    ]
    return json_response(
        {
            "regions": regions,
            "former_provinces": [
                {**_former_ref(former), "successor": province_ref(former.successor)} for former in every_former
            ],
        }
    )


def _former_ref(former) -> dict:
    return {"code": former.code, "name": former.name, "short_name": former.short_name, "slug": former.slug}
