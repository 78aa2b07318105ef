"""Switching off a subscription that has failed for a day, and telling the editors.

Two ways, because a receiver down for a day is easy to miss: an e-mail to every active
editor (the "Biên tập viên" group and superusers) with an address, sent once when it happens,
and a panel on the admin dashboard (``wagtail_hooks``) for as long as it stays off.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from accounts.models import EDITORS

from .models import Delivery, Subscription

logger = logging.getLogger(__name__)


def disable(subscription: Subscription, now: datetime.datetime) -> None:
    reason = "Tự động tắt: gửi thất bại liên tục hơn một ngày."
    updated = Subscription.objects.filter(pk=subscription.pk, active=True).update(
        active=False, disabled_at=now, disabled_reason=reason
    )
    if not updated:  # already off
        return
    subscription.active, subscription.disabled_at, subscription.disabled_reason = False, now, reason
    # What was still waiting will not be sent: the receiver's owner resyncs with the API.
    subscription.deliveries.filter(status=Delivery.Status.PENDING).update(
        status=Delivery.Status.FAILED, next_attempt_at=None, last_error="Đăng ký đã tự động tắt."
    )
    logger.error("Webhook subscription %s (%s) disabled after a day of failures", subscription.pk, subscription.url)
    transaction.on_commit(lambda: _mail_editors(subscription))


def editor_addresses() -> list[str]:
    users = get_user_model().objects.filter(Q(groups__name=EDITORS) | Q(is_superuser=True), is_active=True)
    return sorted({address for address in users.values_list("email", flat=True) if address})


def _mail_editors(subscription: Subscription) -> None:
    recipients = editor_addresses()
    if not recipients:
        return
    link = settings.WAGTAILADMIN_BASE_URL + reverse("webhook_subscriptions:inspect", args=[subscription.pk])
    try:
        send_mail(
            f"Webhook đã bị tắt: {subscription}",
            (
                f"Đăng ký webhook tới {subscription.url} đã gửi thất bại liên tục hơn một ngày "
                "nên đã được tự động tắt. Các sự kiện đang chờ sẽ không được gửi.\n\n"
                f"Xem lịch sử gửi và bật lại khi hệ thống nhận đã hoạt động: {link}\n"
            ),
            None,
            recipients,
        )
    except Exception:  # the mail server is down: the dashboard panel still says it
        logger.exception("Could not e-mail the editors about webhook subscription %s", subscription.pk)
