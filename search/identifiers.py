"""Codes typed in the search box: the paper in a shopper's hand names its product directly.

A GTIN (8 to 14 digits, spaces allowed), an OCOP decision number ("1312/QĐ-UBND", with or
without diacritics, spaces or the slash) and whatever the apps above search register for
``core.extension_points.IDENTIFIERS`` (scans: a scan code, a batch's lot number). Only
products the index holds (live and public) are named.
"""

import re
from dataclasses import dataclass

from wagtail import hooks

from core.extension_points import IDENTIFIERS
from core.text import name_key

from .models import EntryKind, SearchEntry

GTIN = re.compile(r"^\d{8,14}$")
DECISION = re.compile(r"^(\d{1,6}) ?qd\b")  # on the folded text: "1312 qd ubnd"


@dataclass(frozen=True)
class Identified:
    label: str  # what the code is, in Vietnamese: "Mã vạch GTIN", "Số quyết định", "Mã quét", "Số lô"
    page_ids: tuple[int, ...]


def identify(text: str) -> Identified | None:
    text = " ".join(text.split())
    if not text or len(text) > 60:
        return None
    for label, page_ids in _candidates(text):
        visible = set(
            SearchEntry.objects.visible()
            .filter(kind=EntryKind.PRODUCT, page_id__in=page_ids)
            .values_list("page_id", flat=True)
        )
        ordered = tuple(page_id for page_id in dict.fromkeys(page_ids) if page_id in visible)
        if ordered:
            return Identified(label=label, page_ids=ordered)
    return None


def _candidates(text: str):
    from catalogue.models import ProductPage

    digits = text.replace(" ", "").replace("-", "")
    if GTIN.match(digits):
        yield "Mã vạch GTIN", list(ProductPage.objects.filter(gtin=digits.zfill(14)).values_list("pk", flat=True))
        return
    folded = name_key(text)
    if match := DECISION.match(folded):
        wanted = folded.replace(" ", "")
        products = ProductPage.objects.filter(decision_number__startswith=f"{match.group(1)}/")
        yield (
            "Số quyết định",
            [
                pk
                for pk, number in products.order_by("title").values_list("pk", "decision_number")
                if name_key(number).replace(" ", "").startswith(wanted)
            ],
        )
        return
    named: dict[str, list[int]] = {}
    for lookup in hooks.get_hooks(IDENTIFIERS):
        for label, page_id in lookup(text) or ():
            named.setdefault(label, []).append(page_id)
    yield from named.items()
