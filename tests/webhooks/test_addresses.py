"""Receivers' addresses: http(s) only, and no loopback, private, link-local or reserved address
unless WEBHOOKS_ALLOW_PRIVATE — checked when a subscription is saved and again at each send."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from webhooks.addresses import RefusedAddress, check_receiver_url
from webhooks.events import emit
from webhooks.models import Delivery, Subscription

pytestmark = pytest.mark.django_db

REFUSED = [
    "http://127.0.0.1:8000/hook",
    "http://localhost/hook",
    "http://10.1.2.3/hook",
    "http://172.16.0.1/hook",
    "http://192.168.1.10/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/hook",
    "http://[fd00::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://0.0.0.0/hook",
    "http://100.64.0.1/hook",
    "http://240.0.0.1/hook",
]


@pytest.fixture
def private_refused(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE = False


@pytest.mark.parametrize("url", REFUSED)
def test_private_and_reserved_addresses_are_refused(private_refused, url):
    with pytest.raises(RefusedAddress):
        check_receiver_url(url)


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "gopher://example.com", "//x", "http://"])
def test_only_http_and_https_are_accepted_even_when_private_addresses_are_allowed(url):
    with pytest.raises(RefusedAddress):
        check_receiver_url(url)


def test_a_public_address_is_accepted(private_refused):
    check_receiver_url("https://93.184.215.14/webhooks")  # a literal public address: no DNS needed


def test_a_host_that_does_not_resolve_is_refused(private_refused):
    with pytest.raises(RefusedAddress, match="Không tìm thấy máy chủ"):
        check_receiver_url("https://khong-ton-tai.invalid/hook")


def test_the_admin_form_refuses_a_private_address_with_a_vietnamese_error(private_refused, editor_client):
    response = editor_client.post(
        reverse("webhook_subscriptions:add"),
        {"url": "http://192.168.1.10/hook", "event_types": ["product.published"], "active": "on"},
    )
    assert response.status_code == 200
    assert "mạng nội bộ" in response.content.decode()
    assert not Subscription.objects.exists()


def test_add_webhook_refuses_a_private_address(private_refused):
    with pytest.raises(CommandError, match="nội bộ"):
        call_command("add_webhook", "http://127.0.0.1:9000/hook")


def test_an_address_that_turned_private_is_refused_at_send(private_refused, run_background_tasks):
    # Saved when allowed (or its DNS answer changed since): the worker checks again before sending.
    subscription = Subscription.objects.create(url="http://127.0.0.1:9/hook", event_types=["product.published"])
    emit("product.published", {"id": 1})
    run_background_tasks()
    delivery = Delivery.objects.get(subscription=subscription)
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.response_code is None
    assert "nội bộ" in delivery.last_error
