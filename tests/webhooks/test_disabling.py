"""A subscription failing for a day is switched off, and the editors are told by e-mail and on
the dashboard. Time moves by running the worker as at a later moment: no sleeping."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from webhooks.delivery import DISABLE_AFTER
from webhooks.events import emit
from webhooks.models import Delivery

pytestmark = pytest.mark.django_db


def fail_until_settled(run_background_tasks, start) -> datetime.datetime:
    """Run every due attempt, moving the clock to each next attempt; return the last moment."""
    moment = start
    while run_background_tasks(now=moment):
        due = Delivery.objects.filter(status=Delivery.Status.PENDING).order_by("next_attempt_at").first()
        if due is None:
            break
        moment = due.next_attempt_at
    return moment


def test_a_day_of_failures_disables_the_subscription_and_tells_the_editors(
    subscription, receiver, run_background_tasks, make_user
):
    editor = make_user("editor")
    receiver.answer(500, times=50)
    start = timezone.now()
    emit("product.published", {"id": 1}, start)
    emit("product.updated", {"id": 1}, start + datetime.timedelta(hours=2))
    end = fail_until_settled(run_background_tasks, start)

    subscription.refresh_from_db()
    assert not subscription.active
    assert subscription.failing_since == start
    assert subscription.disabled_at - start >= DISABLE_AFTER
    assert subscription.disabled_at <= end
    assert "một ngày" in subscription.disabled_reason
    # Nothing waits for a receiver that is switched off.
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.FAILED}
    sent_before = len(receiver.requests)
    run_background_tasks(now=end + datetime.timedelta(days=3))
    assert len(receiver.requests) == sent_before

    [message] = mail.outbox
    assert editor.email in message.to
    assert subscription.url in message.body
    assert message.subject.startswith("Webhook đã bị tắt")


def test_the_dashboard_shows_a_disabled_subscription_to_editors_only(client, subscription, make_user, make_producer):
    subscription.active = False
    subscription.disabled_at = timezone.now()
    subscription.disabled_reason = "Tự động tắt: gửi thất bại liên tục hơn một ngày."
    subscription.save()
    client.force_login(make_user("editor"))
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Webhook đã bị tự động tắt" in page
    assert reverse("webhook_subscriptions:inspect", args=[subscription.pk]) in page

    client.force_login(make_user("producer", producer=make_producer()))
    assert "Webhook đã bị tự động tắt" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_success_within_the_day_starts_the_count_again(subscription, receiver, run_background_tasks):
    start = timezone.now()
    receiver.answer(500, times=1)
    emit("product.published", {"id": 1}, start)
    run_background_tasks(now=start)
    subscription.refresh_from_db()
    assert subscription.failing_since == start
    run_background_tasks(now=start + datetime.timedelta(seconds=31))  # the retry succeeds
    subscription.refresh_from_db()
    assert subscription.failing_since is None
    receiver.answer(500, times=1)
    later = start + datetime.timedelta(hours=23)
    emit("product.updated", {"id": 1}, later)
    run_background_tasks(now=later + DISABLE_AFTER - datetime.timedelta(minutes=1))
    subscription.refresh_from_db()
    assert subscription.active


def test_an_editor_switching_it_back_on_clears_the_failure(editor_client, subscription):
    subscription.active = False
    subscription.failing_since = subscription.disabled_at = timezone.now()
    subscription.disabled_reason = "Tự động tắt"
    subscription.save()
    response = editor_client.post(
        reverse("webhook_subscriptions:edit", args=[subscription.pk]),
        {"url": subscription.url, "description": "", "event_types": ["product.published"], "active": "on"},
    )
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.active
    assert (subscription.failing_since, subscription.disabled_at, subscription.disabled_reason) == (None, None, "")
