"""A GS1 Digital Link resolver: ``/01/{gtin}[/10/{lot}][/21/{serial}]``.

The barcode number printed on an OCOP package, as a web address, leads to the same
showcase a QR scan does. ``linkType`` chooses the destination; ``linkType=all`` or
``Accept: application/linkset+json`` answers with the set of links (RFC 9264).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from catalogue.gtin import normalise_gtin
from core.visibility import public_pages

from .models import CodeKind, ScanCode
from .views import count_scan, too_many_scans

VOC = "https://gs1.org/voc/"
LINK_TYPES = {
    "pip": "Trang thông tin sản phẩm",
    "certificationInfo": "Chứng nhận OCOP",
    "traceability": "Truy xuất lô hàng",
}
DEFAULT_LINK_TYPE = "pip"
LINKSET = "application/linkset+json"


def _link_type(raw: str) -> str | None:
    """``gs1:pip``, ``pip`` or ``https://gs1.org/voc/pip`` → ``pip``; ``all``; None if unknown."""
    name = (raw or "").strip()
    for prefix in ("gs1:", VOC):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    if name in ("all", "linkset"):
        return "all"
    return name if name in LINK_TYPES else None


def _bad(request, message: str, status: int) -> TemplateResponse:
    return TemplateResponse(request, "scans/unknown_code.html", {"code": "", "gs1_error": message}, status=status)


def _find(gtin: str, lot: str, serial: str):
    """The live product with this GTIN, and the batch or item code matching the lot or serial."""
    from catalogue.models import ProductPage

    product = public_pages(ProductPage.objects).filter(gtin=gtin).first()
    if product is None:
        return None, None
    codes = ScanCode.objects.filter(product=product, retired_at__isnull=True)
    package = None
    if serial:
        package = codes.filter(kind=CodeKind.ITEM, serial=serial).first()
    if package is None and lot:
        package = codes.filter(kind=CodeKind.BATCH, lot=lot).first()
    return product, package


def _links(product, package) -> dict[str, str]:
    showcase = product.url + (package.context_query if package else "")
    links = {"pip": showcase, "certificationInfo": product.url + "#rating-heading"}
    if package is not None:
        links["traceability"] = showcase
    return links


def _absolute(path: str) -> str:
    return settings.SITE_BASE_URL.rstrip("/") + path


def _linkset(request, product, links: dict[str, str]) -> JsonResponse:
    entry = {"anchor": request.build_absolute_uri(request.path)}
    for link_type, path in links.items():
        entry[VOC + link_type] = [
            {"href": _absolute(path), "title": f"{LINK_TYPES[link_type]}: {product.title}", "hreflang": ["vi"]}
        ]
    entry[VOC + "defaultLink"] = entry[VOC + DEFAULT_LINK_TYPE]
    return JsonResponse({"linkset": [entry]}, content_type=LINKSET, json_dumps_params={"ensure_ascii": False})


@require_GET
@never_cache
def resolve(request, gtin: str, lot: str = "", serial: str = ""):
    if refused := too_many_scans(request):
        return refused
    try:
        gtin = normalise_gtin(gtin)
    except ValidationError as error:
        return _bad(request, error.messages[0], 400)
    link_type = _link_type(request.GET.get("linkType", DEFAULT_LINK_TYPE))
    if link_type is None:
        return _bad(request, "Loại liên kết (linkType) không được hỗ trợ.", 400)
    product, package = _find(gtin, lot[:40], serial[:40])
    if product is None:
        return _bad(request, "Mã vạch này không thuộc sản phẩm OCOP nào đang được công bố.", 404)
    links = _links(product, package)
    if link_type == "all" or LINKSET in request.headers.get("Accept", ""):
        return _linkset(request, product, links)
    if link_type not in links:
        return _bad(request, "Sản phẩm này chưa có thông tin truy xuất cho lô hàng được hỏi.", 404)
    # The product's own code was made with the product: a scan reads it, never makes one.
    counted = package or ScanCode.objects.filter(product=product, kind=CodeKind.PRODUCT).first()
    if counted is not None:
        count_scan(request, counted)
    response = HttpResponseRedirect(links[link_type])
    response["Link"] = f'<{request.build_absolute_uri(request.path)}?linkType=all>; rel="linkset"; type="{LINKSET}"'
    return response


@require_GET
@cache_control(public=True, max_age=86400)
def resolver_description(request):
    """``/.well-known/gs1resolver``: what this resolver answers."""
    return JsonResponse(
        {
            "name": "Cổng sản phẩm OCOP Việt Nam – GS1 Digital Link",
            "resolverRoot": settings.SITE_BASE_URL.rstrip("/"),
            "supportedPrimaryKeys": ["gtin"],
            "supportedQualifiers": ["10 (lot)", "21 (serial)"],
            "supportedLinkTypes": [f"gs1:{name}" for name in LINK_TYPES],
            "defaultLinkType": f"gs1:{DEFAULT_LINK_TYPE}",
            "linksetMediaType": LINKSET,
        },
        json_dumps_params={"ensure_ascii": False},
    )
