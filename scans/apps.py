from django.apps import AppConfig


class ScansConfig(AppConfig):
    """From package to phone: scan codes, their QR images, and scan counts without personal data."""

    name = "scans"
    verbose_name = "Mã quét QR/NFC"

    def ready(self):
        from django.db.models import Q

        from accounts.owned import register_owner_scoped

        from . import signals
        from .models import CodeKind, ScanCode

        signals.connect()
        from django.core import checks

        from .throttle import check_rates

        checks.register(check_rates)
        # A producer account works on its own products' codes: it sees them all (the label sheets and
        # scan figures always allowed it), adds and edits batch and item codes, never a product's own.
        register_owner_scoped(
            ScanCode,
            owner_path="product__producer",
            refusal="Bạn chỉ có thể chọn mã quét của chủ thể mình.",
            producers_always_view=True,
            view_only=Q(kind=CodeKind.PRODUCT),
        )
