"""``/q/{code}``: count the scan and send the phone to the product — always on this site."""

import io
from urllib.parse import quote as urlquote

import segno
from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from django_ratelimit.core import get_usage

from . import counting, nfc, verdicts
from .codes import normalise
from .models import ScanCode

QR_ERROR_CORRECTION = "q"  # 25% of the symbol may be scratched or covered and still read
QR_QUIET_ZONE = 4  # modules of white around the symbol, as the standard asks


def _live_code(raw: str) -> ScanCode | None:
    """The code, if it is registered, not retired, and its product is live and public."""
    from portal.catalogue.models import ProductPage

    code = normalise(raw)
    if code is None:
        return None
    scan_code = ScanCode.objects.filter(code=code, retired_at__isnull=True).select_related("product").first()
    if scan_code is None:
        return None
    if not ProductPage.objects.live().public().filter(pk=scan_code.product_id).exists():
        return None
    return scan_code


def unknown_code(request, raw: str = "") -> TemplateResponse:
    shown = (normalise(raw) or "")[:8]
    return TemplateResponse(request, "scans/unknown_code.html", {"code": shown}, status=404)


@never_cache
def not_a_code(request, raw: str):
    return unknown_code(request, "")


def _over(request, group: str, rate: str) -> bool:
    # django-ratelimit keeps a hashed key of the client's address in the cache for a minute; nothing is stored.
    usage = get_usage(request, group=group, key="ip", rate=rate, increment=True)
    return bool(usage and usage["should_limit"])


def too_many_scans(request) -> TemplateResponse | None:
    """A 429 for a client hammering the resolvers; None for everyone else."""
    if not _over(request, "scans:block", settings.SCAN_BLOCK_RATE):
        return None
    response = TemplateResponse(request, "scans/too_many.html", status=429)
    response["Retry-After"] = "60"
    return response


def count_scan(request, scan_code: ScanCode) -> None:
    """Count a scan (QR, NFC or GS1 link) unless this client is past the counting rate.

    A busy shop's shared Wi-Fi is never refused: past the rate its scans still land
    on the product, they are just not counted.
    """
    if not _over(request, "scans:count", settings.SCAN_COUNT_RATE):
        counting.record(
            scan_code.pk,
            counting.device_class(request.headers.get("User-Agent", "")),
            counting.referrer_host(request.headers.get("Referer", ""), request.get_host()),
        )


@require_GET
@never_cache
def scan(request, code: str):
    if refused := too_many_scans(request):
        return refused
    scan_code = _live_code(code)
    if scan_code is None:
        return unknown_code(request, code)
    count_scan(request, scan_code)
    target = scan_code.product.url + scan_code.context_query
    if "p" in request.GET or "m" in request.GET:
        # A tap on an NFC tag: the showcase says whether the tag proved itself genuine.
        verdict, tag = nfc.verify(request.GET.get("p", "")[:64], request.GET.get("m", "")[:32])
        if tag is not None and tag.code_id != scan_code.pk:
            verdict = nfc.Verdict.INVALID  # a genuine tag's message pasted under another code
        token = verdicts.sign(verdict, scan_code.product_id)
        target += ("&" if "?" in target else "?") + f"nfc={urlquote(token)}"
    # A path on this site only: the URL comes from the page tree, never from the request.
    return HttpResponseRedirect(target)


def _qr(scan_code: ScanCode):
    return segno.make(f"{settings.SITE_BASE_URL.rstrip('/')}{scan_code.get_absolute_url()}", error=QR_ERROR_CORRECTION)


@require_GET
@cache_control(public=True, max_age=86400)
def qr_svg(request, code: str):
    scan_code = _live_code(code)
    if scan_code is None:
        return unknown_code(request, code)
    buffer = io.BytesIO()
    _qr(scan_code).save(buffer, kind="svg", scale=1, border=QR_QUIET_ZONE, xmldecl=False, svgns=True, title=None)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@require_GET
@cache_control(public=True, max_age=86400)
def qr_png(request, code: str):
    scan_code = _live_code(code)
    if scan_code is None:
        return unknown_code(request, code)
    buffer = io.BytesIO()
    _qr(scan_code).save(buffer, kind="png", scale=10, border=QR_QUIET_ZONE)
    return HttpResponse(buffer.getvalue(), content_type="image/png")
