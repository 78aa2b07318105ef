"""What scans add to the pages, roles, dashboard and periodic work of the apps below them
(``core.extension_points``). Registered with Wagtail's hooks; imported by ``scans/wagtail_hooks.py``.
"""

import datetime

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from wagtail import hooks

from accounts.roles import EDITORS, PRODUCERS, grant
from catalogue.models import ProductPage
from core.extension_points import (
    IDENTIFIERS,
    JSON_LD,
    PAGE_CONTEXT,
    PAGE_SECTIONS,
    PERIODIC_TASKS,
    PRODUCER_DASHBOARD,
    ROLES,
    Section,
)

from . import codes, counting, verdicts
from .models import CodeKind, ScanCode, ScanDay
from .showcase import scanned_package

SCAN_DAYS = 7


@hooks.register(PAGE_CONTEXT)
def scanned_package_and_nfc_verdict(page, request):
    if not isinstance(page, ProductPage):
        return None
    return {
        "package": scanned_package(page, request.GET.get("ma", "")) if "ma" in request.GET else None,
        # Only a signed, fresh verdict from this site's own NFC check (see scans.verdicts).
        "nfc_verdict": verdicts.read(request.GET.get("nfc", ""), page.pk) if "nfc" in request.GET else None,
    }


@hooks.register(PAGE_SECTIONS)
def scan_sections(page):
    if not isinstance(page, ProductPage):
        return ()
    return [Section("before", "scans/sections/nfc_banner.html"), Section("status", "scans/sections/package.html")]


@hooks.register(JSON_LD)
def gs1_digital_link(page, request):
    """The package's barcode as a web address (served by ``scans.gs1``)."""
    if isinstance(page, ProductPage) and page.gtin:
        return {"hasGS1DigitalLink": f"{settings.SITE_BASE_URL.rstrip('/')}/01/{page.gtin}"}
    return None


@hooks.register(ROLES)
def scan_code_roles(groups, tree):
    grant(
        groups[EDITORS],
        *(f"scans.{action}_{model}" for model in ("scancode", "nfctag") for action in ("add", "change", "view")),
    )
    # Only ever on their own products' batch and item codes (the owner-scoped admin sees to it).
    grant(groups[PRODUCERS], "scans.add_scancode", "scans.change_scancode", "scans.view_scancode")


@hooks.register(PRODUCER_DASHBOARD)
def products_with_their_scans(producer, request):
    """The producer's products, each with its label and its scans of the last days (read, never flushed)."""
    products = list(ProductPage.objects.filter(producer=producer).order_by("title"))
    since = timezone.localdate() - datetime.timedelta(days=SCAN_DAYS)
    scans = dict(
        ScanDay.objects.filter(code__product__producer=producer, day__gt=since)
        .values_list("code__product_id")
        .annotate(total=Sum("count"))
    )
    # Scans still waiting in Redis for the next flush show at once too.
    waiting = counting.waiting_by_code(since_day=since + datetime.timedelta(days=1), producer_id=producer.pk)
    for product_id, code_id in ScanCode.objects.filter(pk__in=waiting).values_list("product_id", "pk"):
        scans[product_id] = scans.get(product_id, 0) + waiting[code_id]
    # Every product got its code when it was made; a GET never makes one.
    label_codes = dict(
        ScanCode.objects.filter(product__producer=producer, kind=CodeKind.PRODUCT).values_list("product_id", "code")
    )
    for product in products:
        product.label_code = label_codes.get(product.pk)
        product.recent_scans = scans.get(product.pk, 0)
    context = {"products": products, "scan_days": SCAN_DAYS}
    return [Section("products", "scans/admin/producer_dashboard_products.html", order=20, context=context)]


@hooks.register(PERIODIC_TASKS)
def flush_scan_counts(stdout):
    stdout.write(f"Scans: {counting.flush()} buffered scans written.")


@hooks.register(IDENTIFIERS)
def products_named_by_a_code(text):
    """A scan code typed from a label (case and look-alike letters forgiven, as ``/q/`` does), or a
    batch's lot number: the product it belongs to. Retired codes name nothing."""
    found = []
    code = codes.normalise(text)
    if code:
        found += [
            ("Mã quét", product_id)
            for product_id in _live_codes().filter(code=code).values_list("product_id", flat=True)
        ]
    lot = text.strip()
    if len(lot) <= 40 and any(char.isdigit() for char in lot):  # lot numbers carry digits; words do not
        batches = _live_codes().filter(kind=CodeKind.BATCH, lot__iexact=lot)
        found += [("Số lô", product_id) for product_id in batches.values_list("product_id", flat=True).distinct()]
    return found


def _live_codes():
    return ScanCode.objects.filter(retired_at__isnull=True)
