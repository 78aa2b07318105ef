"""A page behind a shared password cannot be guessed open: after ``LOGIN_FAILURE_LIMIT`` wrong
passwords for that page, or from one address, even the right one is refused with the
Vietnamese lockout page until the cool-off has passed (as for logins, test_login_lockout.py)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

PASSWORD = "hoi-vien-htx-2026"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    settings.TRUSTED_PROXY_COUNT = 0


@pytest.fixture
def protected(make_product):
    product = make_product(title="Giá sỉ cho hội viên")
    restriction = PageViewRestriction.objects.create(
        page=product, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return product, restriction


def enter(client, protected, password, address="203.0.113.7"):
    product, restriction = protected
    return client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{product.pk}/",
        {"password": password, "return_url": product.url},
        REMOTE_ADDR=address,
    )


def can_read(client, protected):
    """Wagtail remembers a passed restriction in the session; until then the page shows its password form."""
    return protected[1].pk in client.session.get("passed_page_view_restrictions", [])


def test_the_right_password_opens_the_page(client, protected):
    assert enter(client, protected, PASSWORD).status_code == 302
    assert can_read(client, protected)


def test_after_five_wrong_passwords_the_right_one_is_refused(client, protected):
    statuses = [enter(client, protected, f"doan-{number}").status_code for number in range(5)]
    assert statuses == [200, 200, 200, 200, 429]

    response = enter(client, protected, PASSWORD)

    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert response["Retry-After"] == str(15 * 60)
    assert not can_read(client, protected)


def test_guesses_from_many_addresses_lock_the_page_password(client, protected):
    for number in range(5):
        enter(client, protected, f"doan-{number}", address=f"198.51.100.{number + 1}")

    assert enter(client, protected, PASSWORD, address="192.0.2.50").status_code == 429


def test_one_address_guessing_is_refused_on_another_page_too(client, protected, make_product):
    for number in range(5):
        enter(client, protected, f"doan-{number}")
    other = make_product(title="Bảng giá đại lý")
    restriction = PageViewRestriction.objects.create(
        page=other, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )

    assert enter(client, (other, restriction), PASSWORD).status_code == 429
    assert enter(client, (other, restriction), PASSWORD, address="192.0.2.50").status_code == 302


def test_the_right_password_works_again_after_the_cool_off(client, protected):
    for number in range(5):
        enter(client, protected, f"doan-{number}")
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))

    assert enter(client, protected, PASSWORD).status_code == 302
    assert can_read(client, protected)


def test_a_wrong_guess_is_no_failure_of_an_account(client, protected):
    enter(client, protected, "doan")
    (attempt,) = AccessAttempt.objects.all()
    assert attempt.username == f"trang-co-mat-khau:{protected[1].pk}"
