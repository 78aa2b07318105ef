from django.apps import AppConfig


class ScansConfig(AppConfig):
    """From package to phone: scan codes, their QR images, and scan counts without personal data."""

    name = "scans"
    verbose_name = "Mã quét QR/NFC"

    def ready(self):
        from . import signals

        signals.connect()
