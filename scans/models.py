"""Scan codes on packages, and how often they are scanned (per day, without personal data)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse

from .codes import new_code


class CodeKind(models.TextChoices):
    PRODUCT = "product", "Sản phẩm"
    BATCH = "batch", "Lô hàng"
    ITEM = "item", "Từng sản phẩm (số sê-ri)"


class ScanCode(models.Model):
    """The short code a QR label or NFC tag carries: ``/q/{code}``."""

    code = models.CharField("mã", max_length=8, unique=True, editable=False)
    product = models.ForeignKey(
        "catalogue.ProductPage", verbose_name="sản phẩm", on_delete=models.CASCADE, related_name="scan_codes"
    )
    kind = models.CharField("loại mã", max_length=10, choices=CodeKind.choices, default=CodeKind.PRODUCT)
    lot = models.CharField("số lô", max_length=40, blank=True)
    serial = models.CharField("số sê-ri", max_length=40, blank=True)
    note = models.CharField("ghi chú", max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(
        "ngừng dùng từ", null=True, blank=True, help_text="Mã ngừng dùng không còn dẫn tới sản phẩm."
    )

    class Meta:
        verbose_name = "mã quét"
        verbose_name_plural = "mã quét"
        constraints = [
            models.UniqueConstraint(
                fields=["product"], condition=Q(kind="product"), name="one_product_code_per_product"
            ),
        ]

    def __str__(self):
        return self.code

    def clean(self):
        if self.kind == CodeKind.BATCH and not self.lot:
            raise ValidationError({"lot": "Mã lô hàng cần số lô."})
        if self.kind == CodeKind.ITEM and not self.serial:
            raise ValidationError({"serial": "Mã từng sản phẩm cần số sê-ri."})

    def save(self, *args, **kwargs):
        if self.code:
            return super().save(*args, **kwargs)
        # A fresh random code; in the (1 in a trillion) case it is taken, draw again.
        for _ in range(5):
            self.code = new_code()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if ScanCode.objects.filter(code=self.code).exists():
                    continue
                raise
        raise IntegrityError("Could not draw a free scan code")

    def get_absolute_url(self) -> str:
        return reverse("scan", args=[self.code])

    @property
    def context_query(self) -> str:
        """What the showcase is told about the scanned package (a batch or an item)."""
        return "" if self.kind == CodeKind.PRODUCT else f"?ma={self.code}"

    @classmethod
    def for_product(cls, product) -> "ScanCode":
        """The product's own code, created on first need."""
        existing = cls.objects.filter(product=product, kind=CodeKind.PRODUCT).first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                return cls.objects.create(product=product, kind=CodeKind.PRODUCT)
        except IntegrityError:  # created meanwhile by another request
            return cls.objects.get(product=product, kind=CodeKind.PRODUCT)


class DeviceClass(models.TextChoices):
    PHONE = "phone", "Điện thoại"
    TABLET = "tablet", "Máy tính bảng"
    DESKTOP = "desktop", "Máy tính"
    BOT = "bot", "Máy tự động"


class ScanDay(models.Model):
    """Scans of one code on one day, by coarse device class and referring site: no IP, no cookie."""

    day = models.DateField(db_index=True)
    code = models.ForeignKey(ScanCode, on_delete=models.CASCADE, related_name="days")
    device = models.CharField(max_length=10, choices=DeviceClass.choices)
    referrer_host = models.CharField(max_length=100, blank=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "lượt quét theo ngày"
        verbose_name_plural = "lượt quét theo ngày"
        constraints = [
            models.UniqueConstraint(fields=["day", "code", "device", "referrer_host"], name="one_row_per_scan_bucket")
        ]

    def __str__(self):
        return f"{self.code_id} {self.day}: {self.count}"


def ensure_product_codes(product_model=None, code_model=None) -> int:
    """Give every product without one its product code, in bulk (pages written without signals,
    such as ``generate_catalog``'s, and pages from before scan codes existed). Returns how many."""
    product_model = product_model or _product_model()
    code_model = code_model or ScanCode
    created = 0
    for _ in range(5):
        missing = list(
            product_model.objects.exclude(
                pk__in=code_model.objects.filter(kind=CodeKind.PRODUCT).values("product_id")
            ).values_list("pk", flat=True)
        )
        if not missing:
            break
        # A drawn code that happens to be taken is skipped here and drawn again next round.
        code_model.objects.bulk_create(
            [code_model(code=new_code(), product_id=pk, kind=CodeKind.PRODUCT) for pk in missing],
            batch_size=1000,
            ignore_conflicts=True,
        )
        created += (
            len(missing)
            - product_model.objects.filter(pk__in=missing)
            .exclude(pk__in=code_model.objects.filter(kind=CodeKind.PRODUCT).values("product_id"))
            .count()
        )
    return created


def _product_model():
    from catalogue.models import ProductPage

    return ProductPage


class NfcTag(models.Model):
    """An NTAG 424 DNA tag bound to a scan code. Its keys are derived, never stored."""

    uid = models.CharField("UID", max_length=14, unique=True, help_text="7 byte, dạng hex, ví dụ 04DE5F1EACC040.")
    code = models.ForeignKey(ScanCode, verbose_name="mã quét", on_delete=models.CASCADE, related_name="nfc_tags")
    last_counter = models.IntegerField("bộ đếm lần chạm cuối", default=-1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "thẻ NFC"
        verbose_name_plural = "thẻ NFC"

    def __str__(self):
        return self.uid

    def clean(self):
        self.uid = (self.uid or "").strip().upper().replace(":", "").replace(" ", "")
        if len(self.uid) != 14 or any(char not in "0123456789ABCDEF" for char in self.uid):
            raise ValidationError({"uid": "UID của thẻ NTAG 424 DNA gồm 7 byte (14 ký tự hex)."})
