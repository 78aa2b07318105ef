"""Every product gets its scan code when it is created; a code's change is a public change."""

from django.db.models.signals import post_save


def _give_code(sender, instance, created, raw=False, **kwargs):
    from .models import ScanCode

    if created and not raw:
        ScanCode.for_product(instance)


def connect() -> None:
    from catalogue.models import ProductPage
    from core import publishing

    from .models import ScanCode

    post_save.connect(_give_code, sender=ProductPage, dispatch_uid="scans-code-for-new-product")
    # A code made, retired or moved changes where a scan lands (and remembered answers).
    publishing.watch(
        ScanCode,
        pages_of=lambda code: [code.product_id],
        # A draft product's new code leads nowhere yet (its scan answers "unknown" until it is published).
        created_is_public=lambda code: code.product.live,
    )
