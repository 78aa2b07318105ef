from django.apps import AppConfig


class ScansConfig(AppConfig):
    """From package to phone: scan codes, their QR images, and scan counts without personal data."""

    name = "scans"
    verbose_name = "Mã quét QR/NFC"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import signals
        from .models import ScanCode
        from .permissions import ScanCodePermissionPolicy

        signals.connect()
        from django.core import checks

        from .throttle import check_rates

        checks.register(check_rates)
        # Before the admin asks for it, or Wagtail would settle on a plain model policy.
        register_permission_policy(ScanCode, ScanCodePermissionPolicy(ScanCode))
