"""The OCOP rating: stars match the score, certificates expire after 36 months."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from catalogue.models import CertificateStatus, ProductPage
from catalogue.models.rating import default_expiry, stars_for_score


def rating(**overrides) -> ProductPage:
    values = {
        "stars": 4,
        "score_production": 30,
        "score_marketing": 20,
        "score_quality": 25,
        "decision_number": "653/QĐ-UBND",
        "recognised_on": datetime.date(2024, 3, 15),
    }
    values.update(overrides)
    return ProductPage(**values)


def errors_of(product: ProductPage) -> dict:
    with pytest.raises(ValidationError) as caught:
        product.clean_rating()
    return caught.value.message_dict


@pytest.mark.parametrize(("score", "stars"), [(50, 3), (69, 3), (70, 4), (89, 4), (90, 5), (100, 5), (49, None)])
def test_score_bands_decide_the_stars(score, stars):
    assert stars_for_score(score) == stars


def test_a_consistent_rating_is_accepted_and_sums_its_three_parts():
    product = rating()
    product.clean_rating()
    assert product.score == 75
    assert product.level == "Cấp tỉnh"


def test_five_stars_are_a_national_level_certificate():
    assert rating(stars=5, score_production=38, score_marketing=22, score_quality=33).level == "Cấp quốc gia"


def test_stars_that_do_not_match_the_score_are_refused_in_vietnamese():
    errors = errors_of(rating(stars=5))
    assert "tương ứng hạng 4 sao" in errors["stars"][0]


def test_a_score_below_50_is_not_an_ocop_product():
    errors = errors_of(rating(stars=3, score_production=20, score_marketing=10, score_quality=15))
    assert "chưa đạt hạng OCOP" in errors["stars"][0]


@pytest.mark.parametrize("stars", [1, 2, 6])
def test_only_three_four_or_five_stars_exist(stars):
    assert "3, 4 hoặc 5 sao" in errors_of(rating(stars=stars))["stars"][0]


@pytest.mark.parametrize(
    ("field", "value", "limit"),
    [("score_production", 41, 40), ("score_marketing", 26, 25), ("score_quality", 36, 35)],
)
def test_each_part_of_the_score_has_its_maximum(field, value, limit):
    field_object = ProductPage._meta.get_field(field)
    with pytest.raises(ValidationError):
        field_object.clean(value, None)
    assert field_object.clean(limit, None) == limit


def test_expiry_defaults_to_36_months_after_recognition():
    product = rating(recognised_on=datetime.date(2023, 6, 30))
    product.clean_rating()
    assert product.expires_on == datetime.date(2026, 6, 30)


def test_expiry_of_a_29_february_recognition_falls_on_28_february():
    assert default_expiry(datetime.date(2024, 2, 29)) == datetime.date(2027, 2, 28)


def test_expiry_must_come_after_recognition():
    errors = errors_of(rating(expires_on=datetime.date(2024, 1, 1)))
    assert errors["expires_on"] == ["Ngày hết hạn phải sau ngày công nhận."]


def test_recognition_cannot_be_in_the_future():
    errors = errors_of(rating(recognised_on=datetime.date.today() + datetime.timedelta(days=3)))
    assert "tương lai" in errors["recognised_on"][0]


def test_certificate_is_valid_until_its_expiry_day_and_expired_after():
    product = rating(recognised_on=datetime.date(2023, 1, 10), expires_on=datetime.date(2026, 1, 10))
    assert product.certificate_status(today=datetime.date(2026, 1, 10)) == CertificateStatus.VALID
    assert product.certificate_status(today=datetime.date(2026, 1, 11)) == CertificateStatus.EXPIRED
    assert product.certificate_status(today=datetime.date(2026, 1, 11)).label == "Hết hiệu lực"


def test_an_old_certificate_is_expired_today_without_anyone_updating_it():
    product = rating(recognised_on=datetime.date(2020, 5, 1))
    product.fill_rating_defaults()
    assert product.certificate_status() == CertificateStatus.EXPIRED
    assert not product.is_certificate_valid


def test_a_revoked_certificate_is_revoked_even_before_its_expiry():
    product = rating(
        expires_on=datetime.date(2099, 1, 1), revoked_on=datetime.date(2025, 1, 5), revocation_reason="Vi phạm"
    )
    assert product.certificate_status(today=datetime.date(2025, 6, 1)) == CertificateStatus.REVOKED
    assert product.certificate_status_label == "Đã bị thu hồi"


def test_revocation_needs_a_reason():
    errors = errors_of(rating(revoked_on=datetime.date(2025, 1, 5)))
    assert errors["revocation_reason"] == ["Cần ghi lý do thu hồi chứng nhận."]
