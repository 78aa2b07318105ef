"""The OCOP rating and certificate of a product, under Decision 148/QĐ-TTg (2023).

A product is scored out of 100 in three parts — A: production and community
(≤ 40), B: marketing and the product story (≤ 25), C: quality (≤ 35) — and the
total decides the stars: 50–69 → 3, 70–89 → 4, 90–100 → 5. A certificate lasts
36 months. Its status is derived from today's date every time it is shown, so an
expired certificate can never be displayed as valid.
"""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

CERTIFICATE_MONTHS = 36
MAX_SCORE_A, MAX_SCORE_B, MAX_SCORE_C = 40, 25, 35
STAR_BANDS = {3: (50, 69), 4: (70, 89), 5: (90, 100)}


def stars_for_score(score: int) -> int | None:
    for stars, (low, high) in STAR_BANDS.items():
        if low <= score <= high:
            return stars
    return None


def default_expiry(recognised_on: datetime.date) -> datetime.date:
    """The same day 36 months later (29 February falls back to the 28th)."""
    month_index = recognised_on.month - 1 + CERTIFICATE_MONTHS
    year, month = recognised_on.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(recognised_on.day, last_day))


class CertificateStatus(models.TextChoices):
    VALID = "valid", "Còn hiệu lực"
    EXPIRED = "expired", "Hết hiệu lực"
    REVOKED = "revoked", "Đã bị thu hồi"


class OcopRating(models.Model):
    """Fields and rules of an OCOP certificate, mixed into the product page."""

    STARS_CHOICES = [(3, "3 sao"), (4, "4 sao"), (5, "5 sao")]

    stars = models.PositiveSmallIntegerField("hạng sao", choices=STARS_CHOICES, db_index=True)
    score_production = models.PositiveSmallIntegerField(
        "điểm phần A – sản xuất và cộng đồng",
        validators=[MinValueValidator(0), MaxValueValidator(MAX_SCORE_A)],
        help_text=f"Tối đa {MAX_SCORE_A} điểm.",
    )
    score_marketing = models.PositiveSmallIntegerField(
        "điểm phần B – tiếp thị và câu chuyện sản phẩm",
        validators=[MinValueValidator(0), MaxValueValidator(MAX_SCORE_B)],
        help_text=f"Tối đa {MAX_SCORE_B} điểm.",
    )
    score_quality = models.PositiveSmallIntegerField(
        "điểm phần C – chất lượng sản phẩm",
        validators=[MinValueValidator(0), MaxValueValidator(MAX_SCORE_C)],
        help_text=f"Tối đa {MAX_SCORE_C} điểm.",
    )
    decision_number = models.CharField("số quyết định công nhận", max_length=80, help_text="Ví dụ: 1234/QĐ-UBND")
    recognised_on = models.DateField("ngày công nhận")
    expires_on = models.DateField(
        "ngày hết hạn",
        blank=True,
        help_text=f"Để trống: tự tính {CERTIFICATE_MONTHS} tháng sau ngày công nhận.",
    )
    revoked_on = models.DateField("ngày thu hồi", null=True, blank=True)
    revocation_reason = models.CharField("lý do thu hồi", max_length=255, blank=True)

    class Meta:
        abstract = True

    # --- derived values -------------------------------------------------------
    @property
    def score(self) -> int:
        return (self.score_production or 0) + (self.score_marketing or 0) + (self.score_quality or 0)

    @property
    def level(self) -> str:
        """5-star products are assessed nationally; 3–4 stars by the province."""
        return "Cấp quốc gia" if self.stars == 5 else "Cấp tỉnh"

    def certificate_status(self, today: datetime.date | None = None) -> CertificateStatus:
        today = today or timezone.localdate()
        if self.revoked_on and self.revoked_on <= today:
            return CertificateStatus.REVOKED
        if self.expires_on and self.expires_on < today:
            return CertificateStatus.EXPIRED
        return CertificateStatus.VALID

    @staticmethod
    def valid_certificate_q(today: datetime.date | None = None) -> models.Q:
        """Database form of ``certificate_status() == VALID``, for filtering."""
        today = today or timezone.localdate()
        not_revoked = models.Q(revoked_on__isnull=True) | models.Q(revoked_on__gt=today)
        return models.Q(expires_on__gte=today) & not_revoked

    @property
    def is_certificate_valid(self) -> bool:
        return self.certificate_status() == CertificateStatus.VALID

    @property
    def certificate_status_label(self) -> str:
        return self.certificate_status().label

    # --- validation -------------------------------------------------------------
    def fill_rating_defaults(self) -> None:
        if self.recognised_on and not self.expires_on:
            self.expires_on = default_expiry(self.recognised_on)

    def clean_rating(self) -> None:
        self.fill_rating_defaults()
        errors = {}
        parts = (self.score_production, self.score_marketing, self.score_quality)
        if self.stars is not None and self.stars not in STAR_BANDS:
            errors["stars"] = "Sản phẩm OCOP chỉ được xếp hạng 3, 4 hoặc 5 sao."
        elif self.stars is not None and None not in parts:
            score = self.score
            low, high = STAR_BANDS[self.stars]
            if score < 50:
                errors["stars"] = f"Tổng điểm {score}/100 dưới 50 điểm: sản phẩm chưa đạt hạng OCOP."
            elif not low <= score <= high:
                errors["stars"] = (
                    f"Tổng điểm {score}/100 tương ứng hạng {stars_for_score(score)} sao, "
                    f"không phải {self.stars} sao ({self.stars} sao cần từ {low} đến {high} điểm)."
                )
        if self.recognised_on and self.expires_on and self.expires_on <= self.recognised_on:
            errors["expires_on"] = "Ngày hết hạn phải sau ngày công nhận."
        if self.recognised_on and self.recognised_on > timezone.localdate():
            errors["recognised_on"] = "Ngày công nhận không thể ở tương lai."
        if self.revoked_on and self.recognised_on and self.revoked_on < self.recognised_on:
            errors["revoked_on"] = "Ngày thu hồi không thể trước ngày công nhận."
        if self.revoked_on and not self.revocation_reason.strip():
            errors["revocation_reason"] = "Cần ghi lý do thu hồi chứng nhận."
        if errors:
            raise ValidationError(errors)
