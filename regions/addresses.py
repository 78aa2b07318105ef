"""Turn a pre-July-2025 address into today's ward and province.

"Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông" → Xã Krông Nô, Lâm Đồng, with
coordinates, while the caller keeps the old text for display and search.
"""

import logging
from dataclasses import dataclass

from .models import FormerProvince, Province, Ward

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResolvedAddress:
    province: Province
    ward: Ward | None
    former_province: FormerProvince | None
    latitude: float | None
    longitude: float | None


def resolve_legacy_address(address: str) -> ResolvedAddress | None:
    """Resolve an old (63-province) address; None if it names no known province."""
    from geopy.exc import GeopyError  # the converter geocodes a street address through geopy
    from vietnamadminunits import convert_address, parse_address
    from vietnamadminunits.parser import ParseMode

    if not address or not address.strip():
        return None
    try:
        old = parse_address(address, mode=ParseMode.LEGACY, level=1)
        unit = convert_address(address)
    except (KeyError, IndexError, ValueError, GeopyError):
        # What the library raises on text it cannot place (a lookup of a unit it did not find) or
        # when its geocoding fails; anything else is a fault and propagates.
        logger.warning("Could not convert legacy address %r", address, exc_info=True)
        return None
    if not unit.province_code:
        return None
    province = Province.objects.filter(code=f"{int(unit.province_code):02d}").first()
    if province is None:
        return None
    ward = Ward.find(province.code, unit.ward) if unit.ward else None
    former = FormerProvince.objects.filter(code=old.province_code).first() if old.province_code else None
    if unit.latitude is not None and unit.longitude is not None:
        return ResolvedAddress(province, ward, former, unit.latitude, unit.longitude)
    return ResolvedAddress(province, ward, former, province.latitude, province.longitude)
