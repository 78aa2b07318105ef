"""Sending one delivery: signed (Standard Webhooks 1.0), retried with backoff, in the worker.

Each attempt is a django-tasks task on the worker's database backend (``WORKER_TASK_BACKEND``),
queued after the change committed. A failure — a network error, a timeout, a redirect (never
followed) or any status but 2xx — queues the next attempt with ``run_after`` along
``RETRY_DELAYS`` (about a day and a quarter in all); every attempt carries the event's id, so a
receiver can drop a repeat. A subscription that has failed for ``DISABLE_AFTER`` without a
single success is switched off and the editors are told (``webhooks.notices``).
"""

import datetime
import json
import logging

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from standardwebhooks.webhooks import Webhook

from .addresses import RefusedAddress, check_receiver_url
from .models import Delivery

logger = logging.getLogger(__name__)

# After the first attempt: 30 s, 2 min, 10 min, 1 h, 6 h, 24 h (seven attempts over ~31 h).
RETRY_DELAYS = tuple(datetime.timedelta(seconds=seconds) for seconds in (30, 120, 600, 3600, 6 * 3600, 24 * 3600))
DISABLE_AFTER = datetime.timedelta(days=1)
# Connect, then read: a slow receiver must not hold a worker.
TIMEOUT = (3.05, 10)
EXCERPT_CHARS = 200
USER_AGENT = "OCOP-Portal-Webhooks/1.0"


def schedule(delivery: Delivery, run_after: datetime.datetime | None = None) -> None:
    """Queue an attempt of ``delivery`` (now, or at ``run_after``) on the worker's backend."""
    send_delivery.using(backend=settings.WORKER_TASK_BACKEND, run_after=run_after).enqueue(delivery.pk)


@task()
def send_delivery(delivery_id: int) -> str:
    """The worker's task: one attempt of one delivery. Its outcome is in the ``Delivery`` row."""
    return attempt(delivery_id)


def signed_request(delivery: Delivery, now: datetime.datetime) -> tuple[bytes, dict]:
    body = json.dumps(delivery.event.payload, ensure_ascii=False, separators=(",", ":"))
    utc = now.astimezone(datetime.UTC)
    headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": delivery.event_id,
        "webhook-timestamp": str(int(utc.timestamp())),
        "webhook-signature": Webhook(delivery.subscription.secret).sign(delivery.event_id, utc, body),
    }
    return body.encode(), headers


def attempt(delivery_id: int, now: datetime.datetime | None = None) -> str:
    now = now or timezone.now()
    delivery = Delivery.objects.select_related("event", "subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != Delivery.Status.PENDING:
        return "nothing to do"
    subscription = delivery.subscription
    if not subscription.active:
        return _give_up(delivery, "Đăng ký đã tắt: không gửi.")
    delivery.attempts += 1
    delivery.last_attempt_at = now
    try:
        check_receiver_url(subscription.url)
        code, excerpt = _post(subscription.url, *signed_request(delivery, now))
    except RefusedAddress as refusal:
        return _failed(delivery, now, str(refusal))
    except requests.RequestException as error:
        return _failed(delivery, now, f"Lỗi kết nối: {type(error).__name__}: {error}"[:500])
    delivery.response_code, delivery.response_excerpt = code, excerpt
    if 200 <= code < 300:
        return _succeeded(delivery)
    reason = "chuyển hướng (không được theo)" if 300 <= code < 400 else "phản hồi lỗi"
    return _failed(delivery, now, f"HTTP {code}: {reason}.")


def _post(url: str, body: bytes, headers: dict) -> tuple[int, str]:
    with requests.post(url, data=body, headers=headers, timeout=TIMEOUT, allow_redirects=False, stream=True) as answer:
        # Only the start of the answer is read and kept: a receiver's page is not ours to store.
        start = answer.raw.read(EXCERPT_CHARS * 4, decode_content=True) or b""
        return answer.status_code, start.decode("utf-8", "replace")[:EXCERPT_CHARS]


def _succeeded(delivery: Delivery) -> str:
    with transaction.atomic():
        delivery.status, delivery.next_attempt_at, delivery.last_error = Delivery.Status.SUCCEEDED, None, ""
        delivery.save()
        type(delivery.subscription).objects.filter(pk=delivery.subscription_id).update(failing_since=None)
    return "succeeded"


def _failed(delivery: Delivery, now: datetime.datetime, error: str) -> str:
    from .notices import disable

    subscription = delivery.subscription
    with transaction.atomic():
        delivery.last_error = error
        retries_done = delivery.attempts - 1
        if retries_done < len(RETRY_DELAYS):
            delivery.next_attempt_at = now + RETRY_DELAYS[retries_done]
            schedule(delivery, run_after=delivery.next_attempt_at)
        else:
            delivery.status, delivery.next_attempt_at = Delivery.Status.FAILED, None
        delivery.save()
        if subscription.failing_since is None:
            type(subscription).objects.filter(pk=subscription.pk, failing_since=None).update(failing_since=now)
            subscription.refresh_from_db(fields=["failing_since"])
        if now - subscription.failing_since >= DISABLE_AFTER:
            disable(subscription, now)
    logger.warning(
        "Webhook %s to %s failed (attempt %d): %s", delivery.event_id, subscription.url, delivery.attempts, error
    )
    return "failed"


def _give_up(delivery: Delivery, error: str) -> str:
    delivery.status, delivery.next_attempt_at, delivery.last_error = Delivery.Status.FAILED, None, error
    delivery.save()
    return "given up"
