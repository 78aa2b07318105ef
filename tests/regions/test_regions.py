"""Administrative geography after the July 2025 reorganisation, and old addresses."""

import logging

import pytest
import vietnamadminunits
from geopy.exc import GeocoderTimedOut

from regions.addresses import resolve_legacy_address
from regions.loader import load_regions
from regions.models import EconomicRegion, FormerProvince, Province, Ward

pytestmark = pytest.mark.django_db


def test_migrations_load_34_provinces_3321_wards_6_regions_and_63_former_provinces():
    assert Province.objects.count() == 34
    assert Ward.objects.count() == 3321
    assert EconomicRegion.objects.count() == 6
    assert FormerProvince.objects.count() == 63


def test_every_province_belongs_to_a_region_and_has_coordinates():
    assert not Province.objects.filter(region__isnull=True).exists()
    assert not Province.objects.filter(latitude__isnull=True).exists()
    assert Ward.objects.filter(latitude__isnull=True).count() == 0


def test_region_sizes_follow_the_merged_provinces():
    sizes = {r.slug: r.provinces.count() for r in EconomicRegion.objects.all()}
    assert sizes == {
        "trung-du-mien-nui-phia-bac": 9,
        "dong-bang-song-hong": 6,
        "bac-trung-bo-duyen-hai-mien-trung": 8,
        "tay-nguyen": 3,
        "dong-nam-bo": 3,
        "dong-bang-song-cuu-long": 5,
    }


@pytest.mark.parametrize(
    ("former", "successor"),
    [
        ("dak-nong", "Lâm Đồng"),
        ("bac-kan", "Thái Nguyên"),
        ("binh-thuan", "Lâm Đồng"),
        ("kon-tum", "Quảng Ngãi"),
        ("ha-giang", "Tuyên Quang"),
        ("tay-ninh", "Tây Ninh"),
        ("long-an", "Tây Ninh"),
    ],
)
def test_former_provinces_map_to_the_province_they_merged_into(former, successor):
    assert FormerProvince.objects.get(slug=former).successor.short_name == successor


def test_loading_regions_again_changes_nothing():
    before = (Province.objects.count(), Ward.objects.count(), FormerProvince.objects.count())
    report = load_regions()
    assert (report.provinces, report.wards, report.former_provinces) == (34, 3321, 63)
    assert (Province.objects.count(), Ward.objects.count(), FormerProvince.objects.count()) == before


def test_old_krong_no_address_resolves_to_the_new_ward_in_lam_dong_with_coordinates():
    resolved = resolve_legacy_address("Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông")
    assert resolved.province.short_name == "Lâm Đồng"
    assert resolved.ward.name == "Xã Krông Nô"
    assert resolved.ward.province == resolved.province
    assert resolved.former_province.short_name == "Đắk Nông"
    assert 12.0 < resolved.latitude < 13.0 and 107.0 < resolved.longitude < 108.5


def test_old_address_typed_without_diacritics_still_resolves():
    resolved = resolve_legacy_address("xa dak dro, huyen krong no, tinh dak nong")
    assert resolved is not None
    assert resolved.province.short_name == "Lâm Đồng"


@pytest.mark.parametrize("address", ["", "   ", "Không phải địa chỉ nào cả xyz"])
def test_unrecognisable_address_resolves_to_nothing(address):
    assert resolve_legacy_address(address) is None


@pytest.mark.parametrize(
    "failure", [KeyError(None), IndexError("list index out of range"), ValueError("x"), GeocoderTimedOut("slow")]
)
def test_what_the_converter_raises_on_odd_text_resolves_to_nothing_and_is_logged(monkeypatch, caplog, failure):
    def convert(address):
        raise failure

    monkeypatch.setattr(vietnamadminunits, "convert_address", convert)
    with caplog.at_level(logging.WARNING, logger="regions.addresses"):
        assert resolve_legacy_address("Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông") is None
    (record,) = caplog.records
    assert "Đắk Drô" in record.getMessage() and record.exc_info is not None


@pytest.mark.parametrize("fault", [TypeError("a bug"), RuntimeError("broken"), AttributeError("x")])
def test_a_fault_in_the_converter_is_not_hidden(monkeypatch, fault):
    def convert(address):
        raise fault

    monkeypatch.setattr(vietnamadminunits, "convert_address", convert)
    with pytest.raises(type(fault)):
        resolve_legacy_address("Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông")
