"""``manage.py add_webhook URL [--events …]`` subscribes a receiver and prints its secret."""

import base64
import io

import pytest
from django.core.management import CommandError, call_command
from standardwebhooks import Webhook

from webhooks.event_types import EVENT_TYPES
from webhooks.models import Subscription

pytestmark = pytest.mark.django_db


def add_webhook(*args) -> str:
    out = io.StringIO()
    call_command("add_webhook", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


def test_it_prints_a_new_standard_webhooks_secret_of_32_random_bytes():
    secret = add_webhook("https://postmart.example/hooks/ocop", "--events", "product.published,product.updated")
    subscription = Subscription.objects.get()
    assert secret == subscription.secret
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    Webhook(secret)  # the receiver's library accepts it
    assert subscription.event_types == ["product.published", "product.updated"]
    assert subscription.active


def test_without_events_it_subscribes_to_every_event_and_each_secret_is_new():
    first = add_webhook("https://a.example/hook")
    second = add_webhook("https://b.example/hook")
    assert first != second
    assert all(subscription.event_types == list(EVENT_TYPES) for subscription in Subscription.objects.all())


def test_an_unknown_event_type_is_refused():
    with pytest.raises(CommandError, match="product.sold"):
        add_webhook("https://a.example/hook", "--events", "product.published,product.sold")
    assert not Subscription.objects.exists()
