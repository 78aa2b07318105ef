"""Editors manage subscriptions in the admin, in Vietnamese, with each one's delivery history;
producer accounts and reviewers see nothing of them."""

import re

import pytest
from django.urls import reverse

from webhooks.events import emit
from webhooks.models import Subscription

pytestmark = pytest.mark.django_db


def test_an_editor_adds_a_subscription_with_its_event_types(editor_client):
    form = editor_client.get(reverse("webhook_subscriptions:add")).content.decode()
    assert "Loại sự kiện" in form and "Xuất bản sản phẩm" in form and "Chứng nhận OCOP bị thu hồi" in form
    response = editor_client.post(
        reverse("webhook_subscriptions:add"),
        {
            "url": "https://postmart.example/hooks/ocop",
            "description": "Postmart",
            "event_types": ["product.published", "certificate.revoked"],
            "active": "on",
        },
    )
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.event_types == ["product.published", "certificate.revoked"]
    assert subscription.secret.startswith("whsec_")


def test_a_subscription_needs_at_least_one_event_type(editor_client):
    response = editor_client.post(
        reverse("webhook_subscriptions:add"), {"url": "https://a.example/hook", "active": "on"}
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_the_editor_sees_the_secret_and_the_delivery_history(
    editor_client, subscription, receiver, run_background_tasks
):
    receiver.answer(500)
    event = emit("product.published", {"id": 7})
    run_background_tasks()
    page = editor_client.get(reverse("webhook_subscriptions:inspect", args=[subscription.pk])).content.decode()
    assert subscription.secret in page
    assert "Lịch sử gửi" in page
    assert event.id in page
    assert "Đang chờ gửi" in page and "HTTP 500" in page and "500" in page
    listing = editor_client.get(reverse("webhook_subscriptions:index")).content.decode()
    assert subscription.url in listing


@pytest.mark.parametrize("role", ["producer", "reviewer"])
def test_other_roles_cannot_see_or_touch_subscriptions(client, make_user, make_producer, subscription, role):
    user = make_user(role, producer=make_producer()) if role == "producer" else make_user(role)
    client.force_login(user)
    for view, args in [("index", []), ("add", []), ("inspect", [subscription.pk]), ("edit", [subscription.pk])]:
        response = client.get(reverse(f"webhook_subscriptions:{view}", args=args))
        assert response.status_code in (302, 403), (view, response.status_code)
        assert subscription.secret not in response.content.decode()
    response = client.post(reverse("webhook_subscriptions:delete", args=[subscription.pk]))
    assert Subscription.objects.filter(pk=subscription.pk).exists()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("webhook_subscriptions:index") not in home


def test_the_list_and_the_edit_page_lead_to_the_secret_and_history(editor_client, subscription):
    inspect_url = reverse("webhook_subscriptions:inspect", args=[subscription.pk])
    listing = editor_client.get(reverse("webhook_subscriptions:index")).content.decode()
    edit = editor_client.get(reverse("webhook_subscriptions:edit", args=[subscription.pk])).content.decode()
    assert inspect_url in listing
    assert inspect_url in edit


def test_the_subscription_page_reads_in_vietnamese_in_vietnam_time(editor_client, subscription):
    from django.utils import timezone

    html = editor_client.get(reverse("webhook_subscriptions:inspect", args=[subscription.pk])).content.decode()
    assert "Có" in html
    assert timezone.localtime(subscription.created_at).strftime("%d/%m/%Y %H:%M") in html
    values = [value.strip() for value in re.findall(r"<dd[^>]*>(.*?)</dd>", html, re.S)]
    assert values and not {"True", "False", "None"} & set(values)
    assert not any(value.startswith("[") for value in values)
