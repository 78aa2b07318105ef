"""What the showcase is told about the package that was scanned (``?ma={code}``)."""

from .codes import normalise
from .models import CodeKind, ScanCode


def scanned_package(product, raw: str) -> ScanCode | None:
    """The batch or item code in the link, if it is in use and belongs to this product.

    Anything else — a product code, a retired code, another product's code, stray
    bytes — shows nothing: the page never repeats what the visitor typed.
    """
    code = normalise(raw or "")
    if code is None:
        return None
    return (
        ScanCode.objects.filter(code=code, product_id=product.pk, retired_at__isnull=True)
        .exclude(kind=CodeKind.PRODUCT)
        .first()
    )
