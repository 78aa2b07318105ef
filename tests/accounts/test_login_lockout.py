"""Password guessing is stopped (issue 13, item 7): after ``LOGIN_FAILURE_LIMIT`` wrong passwords
for one account, or from one address, within the cool-off, even the right password is refused
with a Vietnamese page until the cool-off has passed; a successful login clears the count.

Every form that checks a password through ``authenticate()`` is covered: the Wagtail admin's,
the login form of private pages (``/_util/login/``, Django's ``LoginView``) and the Django admin's.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.db.models import F

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-dung-1"
LOGIN_FORMS = [
    pytest.param("/admin/login/", id="wagtail-admin"),
    pytest.param("/_util/login/", id="private-pages"),
    pytest.param("/django-admin/login/", id="django-admin"),
]


@pytest.fixture(autouse=True)
def limits(settings):
    """The production defaults, stated here so the tests read on their own."""
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    settings.TRUSTED_PROXY_COUNT = 0


@pytest.fixture
def account(django_user_model):
    return django_user_model.objects.create_superuser("bientap", "bientap@ocop.example", PASSWORD)


@pytest.fixture
def other_account(django_user_model):
    return django_user_model.objects.create_superuser("thamdinh", "thamdinh@ocop.example", PASSWORD)


def sign_in(client, url, username, password, **extra):
    return client.post(url, {"username": username, "password": password}, **extra)


def signed_in(client):
    return SESSION_KEY in client.session


def assert_locked_out(response):
    assert response.status_code == 429
    html = response.content.decode()
    assert "Tạm khóa đăng nhập" in html
    assert "Xin thử lại sau 15 phút" in html
    assert response["Retry-After"] == str(15 * 60)


@pytest.mark.parametrize("url", LOGIN_FORMS)
def test_after_five_wrong_passwords_the_right_one_is_refused(client, account, url):
    statuses = [sign_in(client, url, "bientap", f"sai-{number}").status_code for number in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure already answers with the lockout

    response = sign_in(client, url, "bientap", PASSWORD)

    assert_locked_out(response)
    assert not signed_in(client)


def test_thirty_guesses_never_get_in(client, account):
    for number in range(30):
        sign_in(client, "/admin/login/", "bientap", f"sai-{number}")

    assert_locked_out(sign_in(client, "/admin/login/", "bientap", PASSWORD))
    assert not signed_in(client)


def test_the_account_is_locked_from_every_address(client, account):
    for number in range(5):
        sign_in(client, "/admin/login/", "bientap", f"sai-{number}", REMOTE_ADDR=f"198.51.100.{number + 1}")

    assert_locked_out(sign_in(client, "/admin/login/", "bientap", PASSWORD, REMOTE_ADDR="203.0.113.50"))


def test_the_address_is_locked_for_every_account(client, account, other_account):
    # One guesser trying a different name each time.
    for number in range(5):
        sign_in(client, "/admin/login/", f"nguoi-dung-{number}", "sai")

    assert_locked_out(sign_in(client, "/admin/login/", "thamdinh", PASSWORD))
    # Another address is not affected.
    assert sign_in(client, "/admin/login/", "thamdinh", PASSWORD, REMOTE_ADDR="203.0.113.50").status_code == 302


def test_fake_forwarded_addresses_do_not_escape_the_address_lock(client, account, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(5):
        forwarded = f"10.9.{number}.1, 198.51.100.23"  # the client wrote the first, the proxy the last
        sign_in(client, "/admin/login/", f"nguoi-dung-{number}", "sai", HTTP_X_FORWARDED_FOR=forwarded)

    locked = sign_in(client, "/admin/login/", "bientap", PASSWORD, HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.23")
    assert_locked_out(locked)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.23"}


def test_a_success_before_the_limit_clears_the_count(client, account):
    for number in range(4):
        sign_in(client, "/admin/login/", "bientap", f"sai-{number}")
    assert sign_in(client, "/admin/login/", "bientap", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()
    client.logout()

    for number in range(4):
        assert sign_in(client, "/admin/login/", "bientap", f"sai-lan-hai-{number}").status_code == 200
    assert sign_in(client, "/admin/login/", "bientap", PASSWORD).status_code == 302
    assert signed_in(client)


def test_signing_in_to_ones_own_account_does_not_clear_the_guesses_at_another(client, account, other_account):
    """A guesser with an account of its own (any producer) may not wipe its failures at
    someone else's account, nor its address's, by signing in to its own between guesses."""
    for round_ in range(3):
        for number in range(2):
            sign_in(client, "/admin/login/", "bientap", f"sai-{round_}-{number}")
        assert sign_in(client, "/admin/login/", "thamdinh", PASSWORD).status_code in (302, 429)
        client.logout()

    assert_locked_out(sign_in(client, "/admin/login/", "bientap", PASSWORD, REMOTE_ADDR="203.0.113.50"))
    assert_locked_out(sign_in(client, "/admin/login/", "thamdinh", PASSWORD))


def age(delta):
    """Move the recorded failures back in time."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - delta)


def test_the_lockout_ends_after_the_cool_off(client, account):
    for number in range(5):
        sign_in(client, "/admin/login/", "bientap", f"sai-{number}")
    assert_locked_out(sign_in(client, "/admin/login/", "bientap", PASSWORD))

    # Axes counts a failure only while its last attempt is younger than the cool-off: age them.
    age(timedelta(minutes=14))
    assert_locked_out(sign_in(client, "/admin/login/", "bientap", PASSWORD))  # and that attempt restarts the wait

    age(timedelta(minutes=15, seconds=1))
    response = sign_in(client, "/admin/login/", "bientap", PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


def test_a_tiny_cool_off_really_expires(client, account, settings):
    """The same with the clock itself, under a one-second cool-off."""
    import time

    settings.AXES_COOLOFF_TIME = timedelta(seconds=1)
    for number in range(5):
        sign_in(client, "/admin/login/", "bientap", f"sai-{number}")
    assert sign_in(client, "/admin/login/", "bientap", PASSWORD).status_code == 429

    time.sleep(1.1)

    assert sign_in(client, "/admin/login/", "bientap", PASSWORD).status_code == 302


def test_the_lockout_page_is_not_cached_and_names_no_account(client, account):
    for number in range(5):
        response = sign_in(client, "/_util/login/", "bientap", f"sai-{number}")

    assert response["Cache-Control"] == "no-store"
    assert "bientap" not in response.content.decode()
    assert 'name="robots" content="noindex' in response.content.decode()
