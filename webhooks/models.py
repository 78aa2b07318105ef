"""Subscriptions, the events sent to them and each delivery's history; and what was last announced."""

import base64
import secrets
import uuid

from django.db import models
from django.utils import timezone

from .event_types import EVENT_TYPES

SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def new_event_id() -> str:
    return f"msg_{uuid.uuid4().hex}"


class Subscription(models.Model):
    url = models.URLField(
        "địa chỉ nhận (URL)",
        max_length=500,
        help_text="Địa chỉ http(s) của hệ thống nhận; cổng gửi yêu cầu POST đã ký tới đây.",
    )
    description = models.CharField("mô tả", max_length=200, blank=True, help_text="Ví dụ: sàn Postmart.")
    event_types = models.JSONField("loại sự kiện", default=list)
    active = models.BooleanField("đang hoạt động", default=True)
    secret = models.CharField("khoá bí mật", max_length=100, default=new_secret, editable=False)
    created_at = models.DateTimeField("ngày tạo", default=timezone.now, editable=False)
    # Set at the first failed attempt, cleared by any success: a day of this and the subscription is disabled.
    failing_since = models.DateTimeField("thất bại liên tục từ", null=True, blank=True, editable=False)
    disabled_at = models.DateTimeField("ngày tự động tắt", null=True, blank=True, editable=False)
    disabled_reason = models.CharField("lý do tắt", max_length=300, blank=True, editable=False)

    class Meta:
        verbose_name = "đăng ký webhook"
        verbose_name_plural = "đăng ký webhook"
        ordering = ["-created_at"]

    def __str__(self):
        return self.description or self.url

    def wants(self, event_type: str) -> bool:
        return self.active and event_type in self.event_types

    @property
    def event_type_labels(self) -> str:
        return ", ".join(EVENT_TYPES.get(name, name) for name in self.event_types)


class Event(models.Model):
    """One change, sent to every subscription that wants it under the same id (a retry reuses it)."""

    id = models.CharField(primary_key=True, max_length=40, default=new_event_id, editable=False)
    type = models.CharField("loại", max_length=40)
    payload = models.JSONField("nội dung")
    created_at = models.DateTimeField("lúc", default=timezone.now)

    class Meta:
        verbose_name = "sự kiện"
        verbose_name_plural = "sự kiện"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.type} {self.id}"


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Đang chờ gửi"
        SUCCEEDED = "succeeded", "Thành công"
        FAILED = "failed", "Thất bại"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries", verbose_name="sự kiện")
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries", verbose_name="đăng ký"
    )
    status = models.CharField("trạng thái", max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("số lần gửi", default=0)
    last_attempt_at = models.DateTimeField("lần gửi gần nhất", null=True, blank=True)
    next_attempt_at = models.DateTimeField("lần gửi tiếp theo", null=True, blank=True)
    response_code = models.PositiveSmallIntegerField("mã phản hồi", null=True, blank=True)
    # The start of what the receiver answered, for the editor's diagnosis; never more.
    response_excerpt = models.CharField("trích phản hồi", max_length=500, blank=True)
    last_error = models.CharField("lỗi gần nhất", max_length=500, blank=True)

    class Meta:
        verbose_name = "lần gửi"
        verbose_name_plural = "lịch sử gửi"
        ordering = ["-event__created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "subscription"], name="webhooks_one_delivery_per_event")
        ]

    def __str__(self):
        return f"{self.event_id} → {self.subscription_id}"


class AnnouncedPage(models.Model):
    """What the subscribers were last told about a product, producer or story page.

    It tells a first publication (``published``) from a change to a public page (``updated``),
    and keeps the last public URL for ``unpublished`` and ``deleted``, when the page may be gone.
    Kept whether or not anyone subscribes, so that a later subscriber hears the truth.
    """

    page_id = models.PositiveIntegerField(primary_key=True)  # not a foreign key: it outlives its page
    kind = models.CharField(max_length=20)
    url = models.URLField(max_length=1000)
    public = models.BooleanField(default=True)
    # The certificate dates already announced (or already past when the page became public).
    certificate_expired_on = models.DateField(null=True, blank=True)
    certificate_revoked_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "trang đã thông báo"

    def __str__(self):
        return f"{self.kind} {self.page_id}"
