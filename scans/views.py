"""``/q/{code}``: count the scan and send the phone to the product — always on this site."""

import io
from dataclasses import astuple, dataclass
from urllib.parse import quote as urlquote

import segno
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from core import page_cache
from core.visibility import public_pages

from . import counting, nfc, throttle, verdicts
from .codes import normalise
from .models import ScanCode

QR_ERROR_CORRECTION = "q"  # 25% of the symbol may be scratched or covered and still read
QR_QUIET_ZONE = 4  # modules of white around the symbol, as the standard asks


def _live_code(raw: str) -> ScanCode | None:
    """The code, if it is registered, not retired, and its product is live and public."""
    from catalogue.models import ProductPage

    code = normalise(raw)
    if code is None:
        return None
    scan_code = ScanCode.objects.filter(code=code, retired_at__isnull=True).select_related("product").first()
    if scan_code is None:
        return None
    if not public_pages(ProductPage.objects).filter(pk=scan_code.product_id).exists():
        return None
    return scan_code


@dataclass(frozen=True)
class Resolved:
    """What a scan needs to know about a live code: small enough to keep in the cache."""

    pk: int
    product_id: int
    target: str  # a path on this site: the product page, with the package's context


RESOLVED_SECONDS = 3600
# This process's own memory of recent answers, by content version: no round trip at all.
_recent: dict[tuple[int, str], Resolved | bool] = {}
_RECENT_LIMIT = 20_000


def _resolve(request, raw: str) -> Resolved | None:
    """The live code's target, remembered while the content version holds (the scan's hot path).

    Every committed change (a code retired, a product unpublished, moved or made
    private) moves the version, as for the cached pages. Remembering needs a cache
    that every worker shares (``page_cache.enabled()``); without one, or while it is down,
    the database.
    """
    code = normalise(raw)
    if code is None:
        return None
    if not page_cache.enabled():
        return _resolved_from_database(code) or None
    version = _scan_state(request)[0]
    if version is None:  # the shared cache is down: nothing is remembered meanwhile
        return _resolved_from_database(code) or None
    found = _recent.get((version, code))
    if found is None:
        key = f"scans:resolved:{version}:{code}"
        stored = cache.get(key)  # a plain tuple, so that no deploy can make it unreadable
        if stored is None:
            found = _resolved_from_database(code)
            cache.set(key, astuple(found) if found else (), RESOLVED_SECONDS)
        else:
            found = Resolved(*stored) if stored else False
        if len(_recent) >= _RECENT_LIMIT:
            _recent.clear()
        _recent[(version, code)] = found
    return found or None


def _resolved_from_database(code: str) -> Resolved | bool:
    scan_code = _live_code(code)
    if scan_code is None:
        return False  # unknown codes are remembered too: a flood of fakes costs no queries
    return Resolved(scan_code.pk, scan_code.product_id, scan_code.product.url + scan_code.context_query)


def unknown_code(request, raw: str = "") -> TemplateResponse:
    shown = (normalise(raw) or "")[:8]
    return TemplateResponse(request, "scans/unknown_code.html", {"code": shown}, status=404)


@never_cache
def not_a_code(request, raw: str):
    return unknown_code(request, "")


def _scan_state(request) -> tuple[int | None, int]:
    """(content version, this client's scans in the window): asked once per request."""
    if not hasattr(request, "_scan_state"):
        request._scan_state = throttle.read(request)
    return request._scan_state


def too_many_scans(request) -> TemplateResponse | None:
    """A 429 for a client hammering the resolvers; None for everyone else."""
    if _scan_state(request)[1] <= throttle.limits()[2]:
        return None
    response = TemplateResponse(request, "scans/too_many.html", status=429)
    response["Retry-After"] = "60"
    return response


def count_scan(request, scan_code: ScanCode | Resolved) -> None:
    """Count a scan (QR, NFC or GS1 link) unless this client is past the counting rate.

    A busy shop's shared Wi-Fi is never refused: past the rate its scans still land
    on the product, they are just not counted.
    """
    if _scan_state(request)[1] <= throttle.limits()[1]:
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
    resolved = _resolve(request, code)
    if resolved is None:
        return unknown_code(request, code)
    count_scan(request, resolved)
    target = resolved.target
    if "p" in request.GET or "m" in request.GET:
        # A tap on an NFC tag: the showcase says whether the tag proved itself genuine.
        verdict, tag = nfc.verify(request.GET.get("p", "")[:64], request.GET.get("m", "")[:32])
        if tag is not None and tag.code_id != resolved.pk:
            verdict = nfc.Verdict.INVALID  # a genuine tag's message pasted under another code
        token = verdicts.sign(verdict, resolved.product_id)
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
