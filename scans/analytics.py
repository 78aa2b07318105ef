"""Scan figures in the admin: a producer sees its own products only; editors see everyone."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncWeek
from django.template.response import TemplateResponse
from django.utils import timezone

from accounts.models import producer_id_for
from accounts.owned import policy_for

from . import counting
from .models import CodeKind, ScanCode, ScanDay

DAYS = 30
WEEKS = 12
# A serialised item is one package: scanned on many days or many times, it is probably copied.
CLONE_DAYS = 3
CLONE_SCANS = 10


def _scope(request):
    """(producer id or None for the national view, the producer's name) for this user, or 403."""
    from catalogue.models import ProducerPage

    own = producer_id_for(request.user)
    if own is not None:
        return own
    if not policy_for(ScanCode).user_has_permission(request.user, "view"):
        raise PermissionDenied
    asked = request.GET.get("producer", "")
    if asked.isdigit() and ProducerPage.objects.filter(pk=int(asked)).exists():
        return int(asked)
    return None


def _bars(series: list[tuple[str, int]]) -> list[dict]:
    peak = max((count for _, count in series), default=0) or 1
    return [{"label": label, "count": count, "percent": round(100 * count / peak)} for label, count in series]


def analytics(request):
    from catalogue.models import ProducerPage

    producer_id = _scope(request)
    today = timezone.localdate()
    days = ScanDay.objects.all()
    if producer_id is not None:
        days = days.filter(code__product__producer_id=producer_id)

    recent = days.filter(day__gt=today - datetime.timedelta(days=DAYS))
    per_day = dict(recent.values_list("day").annotate(total=Sum("count")).values_list("day", "total"))
    daily = [
        (f"{day:%d/%m}", per_day.get(day, 0))
        for day in (today - datetime.timedelta(days=offset) for offset in range(DAYS - 1, -1, -1))
    ]
    weekly = [
        (f"{row['week']:%d/%m}", row["total"])
        for row in days.filter(day__gt=today - datetime.timedelta(weeks=WEEKS))
        .annotate(week=TruncWeek("day"))
        .values("week")
        .annotate(total=Sum("count"))
        .order_by("week")
    ]
    top_products = (
        days.values("code__product_id", "code__product__title")
        .annotate(total=Sum("count"))
        .order_by("-total", "code__product__title")[:10]
    )
    batches = (
        days.filter(code__kind=CodeKind.BATCH)
        .values("code__code", "code__lot", "code__product__title")
        .annotate(total=Sum("count"))
        .order_by("-total")[:20]
    )
    clones = (
        days.filter(code__kind=CodeKind.ITEM)
        .values("code__code", "code__serial", "code__product__title")
        .annotate(total=Sum("count"), on_days=Count("day", distinct=True))
        .filter(Q(on_days__gte=CLONE_DAYS) | Q(total__gte=CLONE_SCANS))
        .order_by("-on_days", "-total")
    )
    top_producers = (
        days.values("code__product__producer_id", "code__product__producer__title")
        .annotate(total=Sum("count"))
        .order_by("-total")[:10]
        if producer_id is None
        else []
    )
    devices = days.values("device").annotate(total=Sum("count")).order_by("-total")
    referrers = days.exclude(referrer_host="").values("referrer_host").annotate(total=Sum("count")).order_by("-total")
    context = {
        # Counted but not yet written by the periodic flush: shown, never flushed by a GET.
        "waiting": sum(counting.waiting_by_code(producer_id=producer_id).values()),
        "producer": ProducerPage.objects.filter(pk=producer_id).first() if producer_id else None,
        "national": producer_id is None,
        "can_choose": producer_id_for(request.user) is None,
        "top_producers": top_producers,
        "total": sum(count for _, count in daily),
        "daily": _bars(daily),
        "weekly": _bars(weekly),
        "top_products": top_products,
        "batches": batches,
        "clones": list(clones),
        "devices": devices,
        "referrers": referrers[:8],
        "clone_days": CLONE_DAYS,
        "clone_scans": CLONE_SCANS,
    }
    return TemplateResponse(request, "scans/analytics.html", context)
