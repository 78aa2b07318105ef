"""Every product gets its scan code when it is created."""

from django.db.models.signals import post_save


def _give_code(sender, instance, created, raw=False, **kwargs):
    from .models import ScanCode

    if created and not raw:
        ScanCode.for_product(instance)


def connect() -> None:
    from catalogue.models import ProductPage

    post_save.connect(_give_code, sender=ProductPage, dispatch_uid="scans-code-for-new-product")
