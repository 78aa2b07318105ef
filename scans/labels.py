"""A print-ready sheet of QR labels for a product's or a batch's code (A4, labels in millimetres)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe

from accounts.owned import policy_for

from .models import ScanCode
from .views import _qr

SIZES = {"nho": ("Nhỏ", 30), "vua": ("Vừa", 40), "lon": ("Lớn", 50)}  # label width in mm
DEFAULT_SIZE = "vua"
MAX_LABELS = 200


def can_print(user, scan_code: ScanCode) -> bool:
    """Whoever may see the code: its product's producer, editors."""
    return policy_for(ScanCode).user_has_permission_for_instance(user, "view", scan_code)


def label_sheet(request, code: str):
    scan_code = get_object_or_404(ScanCode.objects.select_related("product"), code=code)
    if not can_print(request.user, scan_code):
        raise PermissionDenied
    size = request.GET.get("size", DEFAULT_SIZE)
    if size not in SIZES:
        size = DEFAULT_SIZE
    try:
        count = max(1, min(MAX_LABELS, int(request.GET.get("count", 24))))
    except ValueError:
        count = 24
    # segno's own markup: nothing from the request or the page goes into it but the code's URL.
    qr_svg = mark_safe(_qr(scan_code).svg_inline(scale=1, border=4, omitsize=True))
    return TemplateResponse(
        request,
        "scans/label_sheet.html",
        {
            "scan_code": scan_code,
            "product": scan_code.product,
            "qr_svg": qr_svg,
            "labels": range(count),
            "count": count,
            "size": size,
            "sizes": SIZES,
            "width_mm": SIZES[size][1],
        },
    )
