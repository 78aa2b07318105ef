"""What a list's filters name, checked: an unknown province, region, category or certification is
a 400 saying so in Vietnamese (a former province says which one it joined), never an empty list
that looks like an answer. ``q`` asks the portal's search engine (Elasticsearch or the database
engine, ``search.service``) for the ids of the best matches; the list then keeps only public pages.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from catalogue.models import Certification, ProductCategory
from catalogue.models.rating import OcopRating
from regions.models import EconomicRegion, FormerProvince, Province
from search import service
from search.params import SearchQuery

from .errors import BadParameter

# How many of the engine's best matches ``q`` narrows a list to.
SEARCH_LIMIT = 500


def province(raw: str) -> Province:
    found = Province.objects.filter(Q(slug=raw) | Q(code=raw)).select_related("region").first()
    if found is not None:
        return found
    former = FormerProvince.objects.select_related("successor").filter(Q(slug=raw) | Q(code=raw)).first()
    if former is not None:
        raise BadParameter(
            "province",
            f"{former.short_name} nay thuộc {former.successor.short_name}: dùng province={former.successor.slug}.",
        )
    raise BadParameter("province", f"Không có tỉnh, thành phố “{raw[:60]}”: dùng mã hoặc slug ở /api/v1/regions/.")


def region(raw: str) -> EconomicRegion:
    found = EconomicRegion.objects.filter(slug=raw).first()
    if found is None:
        raise BadParameter("region", f"Không có vùng “{raw[:60]}”: dùng slug ở /api/v1/regions/.")
    return found


def category(raw: str) -> ProductCategory:
    found = ProductCategory.objects.filter(slug=raw).first()
    if found is None:
        raise BadParameter("category", f"Không có nhóm sản phẩm “{raw[:60]}”.")
    return found


def certification(raw: str) -> Certification:
    found = Certification.objects.filter(slug=raw).first()
    if found is None:
        raise BadParameter("certification", f"Không có chứng nhận “{raw[:60]}”.")
    return found


def certificate_status_q(status: str, today: datetime.date | None = None) -> Q:
    """The database form of ``OcopRating.certificate_status() == status``."""
    today = today or timezone.localdate()
    revoked = Q(revoked_on__isnull=False, revoked_on__lte=today)
    if status == "revoked":
        return revoked
    if status == "expired":
        return Q(expires_on__lt=today) & ~revoked
    return OcopRating.valid_certificate_q(today)


def aware(moment: datetime.datetime) -> datetime.datetime:
    """A time without a zone is Vietnam's time (the portal's ``TIME_ZONE``)."""
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def search_ids(text: str, kind: str) -> list[int] | None:
    """The page ids the search engine finds for ``text`` among pages of ``kind``; None without words."""
    words = " ".join(text.split())
    if not words:
        return None
    query = SearchQuery(text=words, filters=(("type", kind),), sort="relevance", page_size=SEARCH_LIMIT)
    return [hit.fields["page_id"] for hit in service.search(query).hits]
