"""From core's publishing event to webhook events.

After each committed transaction (``publishing.subscribe(after_commit=True)``) the pages it
touched are compared with what subscribers were last told (``AnnouncedPage``):

- public now, not announced as public → ``{kind}.published`` (the first time it is public,
  or public again after being withdrawn);
- public now and before, and its content, place or rating changed → ``{kind}.updated``;
- announced as public, not public now (unpublished, made private, under an unpublished
  section, moved under a draft) → ``{kind}.unpublished``; the page is gone → ``{kind}.deleted``;
- a public product whose revocation was published → ``certificate.revoked``; whose expiry
  date has passed → ``certificate.expired`` (found by the periodic task: an expiry is a date
  passing, not an edit).

"Public" is core's one rule (``core.visibility.public_pages``): live, no view restriction on
it or an ancestor, every ancestor live; a story is live only once its review approved it.
A draft save, a submission, a story in review: nothing is announced, so nothing is sent.
Each event is one ``Event`` row with its payload and one ``Delivery`` per subscription that
wants it; the background worker sends them (``webhooks.delivery``).
"""

import datetime
import logging
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from wagtail.models import Page

from catalogue.models import CertificateStatus, ProductPage
from core import publishing
from core.publishing import Reason
from core.visibility import public_pages

from . import payloads
from .delivery import schedule
from .models import AnnouncedPage, Delivery, Event, Subscription

logger = logging.getLogger(__name__)

# A public page stays public: these reasons mean what it shows may have changed.
CONTENT_REASONS = {Reason.PUBLISHED, Reason.APPROVED, Reason.EDITED, Reason.MOVED}


def on_public_change(change: publishing.PublicChange) -> None:
    """After commit: announce what became public, changed, or stopped being public."""
    if not change.page_ids:  # a shared thing (a category's name): receivers resync with the API
        return
    with transaction.atomic():
        subscriptions = list(Subscription.objects.filter(active=True))
        for event_type, data in page_events(change.page_ids, change.reasons):
            emit(event_type, data, subscriptions=subscriptions)


def page_events(page_ids, reasons, now: datetime.datetime | None = None) -> list[tuple[str, dict]]:
    now = now or timezone.now()
    today = timezone.localdate(now)
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    pages.update(_brought_back(pages.values(), reasons))
    ids = set(page_ids) | set(pages)
    records = AnnouncedPage.objects.in_bulk(ids)
    public_ids = set(public_pages(Page.objects.filter(pk__in=ids)).values_list("pk", flat=True))

    events = []
    for page_id in sorted(ids):
        page, record = pages.get(page_id), records.get(page_id)
        kind = payloads.kind_of(page) if page is not None else (record.kind if record else None)
        if kind is None:
            continue
        if page_id in public_ids:
            events += _public(page, kind, record, reasons, today)
        elif record is not None and record.public:
            action = "unpublished" if page is not None else "deleted"
            events.append((f"{kind}.{action}", payloads.gone_page_data(kind, page_id, record.url)))
            record.public = False
            record.save(update_fields=["public"])
        if page is None and record is not None:
            record.delete()
    return events


def _brought_back(pages, reasons) -> dict:
    """Publishing a section again makes public what is live below it: those pages too."""
    if Reason.PUBLISHED not in reasons:
        return {}
    sections = [page for page in pages if payloads.kind_of(page) is None and page.numchild]
    if not sections:
        return {}
    below = Page.objects.filter(reduce(or_, (Q(path__startswith=page.path) for page in sections))).live()
    below = below.type(*payloads.KIND_OF).exclude(pk__in=[page.pk for page in sections])
    return {page.pk: page for page in below.specific()}


def _public(page, kind, record, reasons, today) -> list[tuple[str, dict]]:
    url = payloads.public_url(page)
    was_public = record is not None and record.public
    if record is None:
        record = AnnouncedPage(page_id=page.pk, kind=kind)
    events = []
    if not was_public:
        events.append((f"{kind}.published", payloads.public_page_data(page, url)))
    elif reasons & CONTENT_REASONS or record.url != url:
        events.append((f"{kind}.updated", payloads.public_page_data(page, url)))
    if kind == "product":
        events += _certificate_changes(page, record, url, today, announce=was_public)
    record.kind, record.url, record.public = kind, url, True
    record.save()
    return events


def _certificate_changes(product, record, url, today, *, announce: bool) -> list[tuple[str, dict]]:
    """A revocation or an expiry not yet announced. A page that only now becomes public carries
    its certificate's status in ``published``; what had already happened is not announced again."""
    events = []
    status = product.certificate_status(today)
    if status is CertificateStatus.REVOKED and record.certificate_revoked_on != product.revoked_on:
        if announce:
            events.append(("certificate.revoked", payloads.certificate_data(product, url, today)))
        record.certificate_revoked_on = product.revoked_on
    if status is CertificateStatus.REVOKED and product.expires_on and product.expires_on < today:
        record.certificate_expired_on = product.expires_on  # a revoked certificate does not also expire
    elif status is CertificateStatus.EXPIRED and record.certificate_expired_on != product.expires_on:
        if announce:
            events.append(("certificate.expired", payloads.certificate_data(product, url, today)))
        record.certificate_expired_on = product.expires_on
    return events


def certificates_passed(now: datetime.datetime | None = None) -> int:
    """The periodic step: public products whose expiry (or a revocation dated ahead) has now
    passed, announced once each. Returns the number of events."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    records = AnnouncedPage.objects.filter(kind="product", public=True)
    announced = records.filter(page_id=OuterRef("pk"))
    due = (
        public_pages(ProductPage.objects)
        .filter(pk__in=records.values("page_id"))
        .annotate(
            announced_expiry=Subquery(announced.values("certificate_expired_on")[:1]),
            announced_revocation=Subquery(announced.values("certificate_revoked_on")[:1]),
        )
        .filter(
            Q(revoked_on__lte=today) & (Q(announced_revocation__isnull=True) | ~Q(announced_revocation=F("revoked_on")))
            | Q(expires_on__lt=today) & (Q(announced_expiry__isnull=True) | ~Q(announced_expiry=F("expires_on")))
        )
    )
    count = 0
    subscriptions = list(Subscription.objects.filter(active=True))
    with transaction.atomic():
        by_id = records.in_bulk([product.pk for product in due])
        for product in due:
            record = by_id[product.pk]
            for event_type, data in _certificate_changes(product, record, record.url, today, announce=True):
                emit(event_type, data, now, subscriptions)
                count += 1
            record.save()
    return count


def emit(event_type: str, data: dict, now: datetime.datetime | None = None, subscriptions=None) -> Event | None:
    """Record the event and queue one delivery per subscription that wants it (in the caller's
    transaction: the worker sees them when it commits). ``subscriptions``: the active ones, when
    the caller emits many events."""
    now = now or timezone.now()
    if subscriptions is None:
        subscriptions = Subscription.objects.filter(active=True)
    subscriptions = [subscription for subscription in subscriptions if subscription.wants(event_type)]
    if not subscriptions:
        return None
    event = Event.objects.create(type=event_type, payload=payloads.envelope(event_type, data, now), created_at=now)
    for subscription in subscriptions:
        schedule(Delivery.objects.create(event=event, subscription=subscription, next_attempt_at=now))
    logger.info("Webhook event %s %s for %d subscriptions", event.type, event.id, len(subscriptions))
    return event


def connect() -> None:
    publishing.subscribe(on_public_change, after_commit=True)


def remember_public_pages() -> int:
    """Record every page already public as announced (run once, by the app's second migration),
    so that a page public before webhooks existed is ``updated`` when it changes, and ``deleted``
    names its URL; certificates already expired or revoked are not announced afterwards."""
    today = timezone.localdate()
    rows = []
    for page in public_pages(Page.objects).type(*payloads.KIND_OF).specific().iterator(chunk_size=500):
        record = AnnouncedPage(page_id=page.pk, kind=payloads.kind_of(page), url=payloads.public_url(page))
        if record.kind == "product":
            _certificate_changes(page, record, record.url, today, announce=False)
        rows.append(record)
    AnnouncedPage.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    return len(rows)
