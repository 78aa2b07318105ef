"""Producers keep their old address and land in today's ward; products inherit origin."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from catalogue.gtin import normalise_gtin
from catalogue.models import Marketplace, ProducerPage, ProductMarketplaceLink, ProductPage
from regions.models import Province, Ward

pytestmark = pytest.mark.django_db


def test_producer_registered_at_an_old_address_lands_in_the_new_ward_and_province(make_producer):
    producer = ProducerPage(
        title="HTX Nông nghiệp dịch vụ bơ núi lửa Krông Nô",
        legal_name="Hợp tác xã Nông nghiệp dịch vụ bơ núi lửa Krông Nô",
        producer_type="cooperative",
        legacy_address="Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông",
    )
    producer.clean()
    assert producer.province.short_name == "Lâm Đồng"
    assert producer.ward.name == "Xã Krông Nô"
    assert producer.legacy_address == "Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông"
    assert producer.latitude == pytest.approx(12.44, abs=0.1)
    assert producer.longitude == pytest.approx(107.8, abs=0.2)


def test_an_unrecognised_old_address_is_a_form_error_not_a_guess():
    producer = ProducerPage(title="X", legal_name="X", producer_type="household", legacy_address="abc xyz")
    with pytest.raises(ValidationError) as caught:
        producer.clean()
    assert "Không nhận ra địa chỉ cũ" in caught.value.message_dict["legacy_address"][0]


def test_a_producer_needs_a_province():
    producer = ProducerPage(title="X", legal_name="X", producer_type="household")
    with pytest.raises(ValidationError) as caught:
        producer.clean()
    assert "province" in caught.value.message_dict


def test_a_ward_must_belong_to_the_chosen_province():
    producer = ProducerPage(
        title="X",
        legal_name="X",
        producer_type="household",
        province=Province.objects.get(code="01"),
        ward=Ward.objects.get(code="24688"),
    )
    with pytest.raises(ValidationError) as caught:
        producer.clean()
    assert "không thuộc Hà Nội" in caught.value.message_dict["ward"][0]


def test_a_producer_without_coordinates_gets_its_wards():
    producer = ProducerPage(title="X", legal_name="X", producer_type="household", ward=Ward.objects.get(code="24688"))
    producer.clean()
    assert producer.province.code == "68"
    assert (producer.latitude, producer.longitude) == (producer.ward.latitude, producer.ward.longitude)


def test_product_origin_defaults_to_its_producers_address(make_producer, make_product):
    producer = make_producer(legacy_address="Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông")
    product = make_product(producer=producer)
    product.origin_province = None
    product.origin_province_id = None
    product.clean()
    assert product.origin_province_id == producer.province_id
    assert product.origin_ward_id == producer.ward_id
    assert product.origin_legacy_address == producer.legacy_address


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [("8934563138165", "08934563138165"), ("96385074", "00000096385074"), ("036000291452", "00036000291452")],
)
def test_gtins_are_checked_and_stored_as_14_digits(raw, normalised):
    assert normalise_gtin(raw) == normalised


@pytest.mark.parametrize("raw", ["8934563138166", "12345", "89345631381a5"])
def test_a_gtin_with_a_wrong_check_digit_or_length_is_refused(raw):
    with pytest.raises(ValidationError):
        normalise_gtin(raw)


def test_a_product_page_with_a_bad_gtin_gets_a_field_error(make_product):
    product = make_product()
    product.gtin = "8934563138166"
    with pytest.raises(ValidationError) as caught:
        product.full_clean()
    assert "chữ số kiểm tra" in caught.value.message_dict["gtin"][0]


def test_marketplace_links_must_point_at_that_marketplace_over_https(make_product):
    product = make_product()
    shopee = Marketplace.objects.get(slug="shopee")
    ProductMarketplaceLink(product=product, marketplace=shopee, url="https://shopee.vn/bo-nui-lua-i.1.2").clean()
    with pytest.raises(ValidationError):
        ProductMarketplaceLink(product=product, marketplace=shopee, url="https://evil.example/shopee.vn").clean()
    with pytest.raises(ValidationError):
        ProductMarketplaceLink(product=product, marketplace=shopee, url="http://shopee.vn/x").clean()


def test_product_knows_its_region_through_its_province(make_product):
    product = ProductPage.objects.get(pk=make_product().pk)
    assert product.province_name == "Lâm Đồng"
    assert product.region_name == "Tây Nguyên"


def test_slugs_are_ascii_with_d_for_the_vietnamese_d(site_tree, make_producer):
    from catalogue.models import ProductPage as Product

    product = Product(
        title="Cà phê bột Đắk Đam",
        producer=make_producer(),
        category=Product._meta.get_field("category").related_model.objects.get(slug="ca-phe-ca-cao"),
        stars=4,
        score_production=30,
        score_marketing=20,
        score_quality=25,
        decision_number="1/QĐ-UBND",
        recognised_on=datetime.date(2024, 1, 1),
    )
    site_tree.products.add_child(instance=product)
    assert product.slug == "ca-phe-bot-dak-dam"
