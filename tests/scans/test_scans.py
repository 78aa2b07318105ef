"""Scan codes: every product has one; ``/q/{code}`` counts the scan and lands on the product,
never off-site; an unknown, retired or hidden code gets a helpful Vietnamese 404."""

import threading
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from scans import counting
from scans.codes import ALPHABET, LENGTH
from scans.models import CodeKind, ScanCode, ScanDay, ensure_product_codes

pytestmark = pytest.mark.django_db

IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"


@pytest.fixture
def product(make_product):
    return make_product(title="Bơ núi lửa Krông Nô")


def test_every_product_gets_a_short_random_code_at_creation(make_product):
    products = [make_product() for _ in range(5)]
    codes = [ScanCode.objects.get(product=p, kind=CodeKind.PRODUCT).code for p in products]
    assert len(set(codes)) == 5
    assert all(len(code) == LENGTH and set(code) <= set(ALPHABET) for code in codes)


def test_a_scan_counts_and_lands_on_the_product(client, product):
    code = ScanCode.for_product(product)
    response = client.get(f"/q/{code.code}", HTTP_USER_AGENT=IPHONE, HTTP_REFERER="https://zalo.me/chat/123")
    assert response.status_code == 302
    assert response["Location"] == product.url
    assert response["Cache-Control"].startswith("max-age=0")
    day = ScanDay.objects.get(code=code)
    assert (day.count, day.device, day.referrer_host) == (1, "phone", "zalo.me")


def test_codes_are_forgiving_of_case_and_look_alike_letters(client, product):
    code = ScanCode.objects.create(product=product, kind=CodeKind.BATCH, lot="L2025-01")
    typed = code.code.lower().replace("0", "o").replace("1", "l")
    response = client.get(f"/q/{typed}")
    assert response.status_code == 302 and response["Location"] == f"{product.url}?ma={code.code}"


@pytest.mark.parametrize(
    "path",
    ["/q/ZZZZZZZZ", "/q/%00", "/q/..%2F..%2Fetc", "/q/" + "A" * 500, "/q/🥑", "/q/%FF%FE", "/q/AB12//evil.example"],
)
def test_an_unknown_code_gets_a_helpful_404_and_never_a_redirect(client, product, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Location" not in response
    if response.templates:
        assert "chưa được đăng ký" in response.content.decode()


def test_retired_codes_and_hidden_products_are_not_revealed(client, make_product, product):
    retired = ScanCode.for_product(product)
    from django.utils import timezone

    retired.retired_at = timezone.now()
    retired.save()
    draft = make_product(title="Sản phẩm nháp bí mật", live=False)
    private = make_product(title="Sản phẩm riêng tư bí mật")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    for code in (retired, ScanCode.for_product(draft), ScanCode.for_product(private)):
        for suffix in ("", "/qr.svg", "/qr.png"):
            response = client.get(f"/q/{code.code}{suffix}")
            assert response.status_code == 404
            assert "bí mật" not in response.content.decode(errors="ignore")
    assert not ScanDay.objects.exists()


def test_qr_images_are_cacheable_svg_and_png(client, product, settings):
    code = ScanCode.for_product(product)
    svg = client.get(f"/q/{code.code}/qr.svg")
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
    assert svg.content.lstrip().startswith(b"<svg") and b"<script" not in svg.content
    assert "max-age=86400" in svg["Cache-Control"] and "public" in svg["Cache-Control"]
    png = client.get(f"/q/{code.code}/qr.png")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG\r\n\x1a\n")


def test_codes_are_given_in_bulk_to_pages_written_without_signals(product):
    ScanCode.objects.all().delete()
    assert ensure_product_codes() == 1
    assert ensure_product_codes() == 0
    assert ScanCode.objects.filter(product=product, kind=CodeKind.PRODUCT).count() == 1


def test_a_batch_code_needs_a_lot_and_an_item_code_a_serial(product):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        ScanCode(product=product, kind=CodeKind.BATCH).full_clean()
    with pytest.raises(ValidationError):
        ScanCode(product=product, kind=CodeKind.ITEM, lot="L1").full_clean()


# --- buffered counting (Redis) -----------------------------------------------------------------


def test_the_redirect_writes_nothing_to_the_database_when_buffered(client, product, redis_buffer):
    code = ScanCode.for_product(product)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/q/{code.code}", HTTP_USER_AGENT=IPHONE).status_code == 302
    assert not [q for q in queries.captured_queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert counting.flush() == 1
    assert ScanDay.objects.get(code=code).count == 1


def test_a_burst_of_ten_thousand_scans_loses_no_count(product, redis_buffer):
    code = ScanCode.for_product(product)

    def scan_many(count):
        for _ in range(count):
            counting.record(code.pk, "phone", "")

    threads = [threading.Thread(target=scan_many, args=(1250,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    # A flush in the middle of the burst must not lose what arrives while it runs.
    moved = counting.flush()
    for thread in threads:
        thread.join()
    moved += counting.flush()
    assert moved == 10_000
    assert sum(ScanDay.objects.filter(code=code).values_list("count", flat=True)) == 10_000


def test_a_row_made_meanwhile_by_a_concurrent_scan_is_added_to_and_logged(product, monkeypatch, caplog):
    import logging

    from django.utils import timezone

    code = ScanCode.for_product(product)
    day = timezone.localdate()
    ScanDay.objects.create(day=day, code=code, device="phone", referrer_host="", count=5)
    real_filter, missed = ScanDay.objects.filter, []

    def filter_before_the_other_scan_committed(*args, **kwargs):
        if not missed:  # the first update finds no row: the other scan had not committed it yet
            missed.append(True)
            return real_filter(*args, **kwargs).none()
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(ScanDay.objects, "filter", filter_before_the_other_scan_committed)
    caplog.set_level(logging.INFO, logger="scans.counting")
    counting._add(day.isoformat(), code.pk, "phone", "", 1)
    assert ScanDay.objects.get(code=code, day=day, device="phone").count == 6
    assert any("created meanwhile" in record.message for record in caplog.records)


def test_a_flush_with_nothing_scanned_moves_nothing(product, redis_buffer):
    assert counting.flush() == 0
    assert counting.waiting_by_code() == {}


def test_a_flush_tells_a_hash_taken_meanwhile_from_a_real_failure(product, redis_buffer, monkeypatch, caplog):
    import logging

    import redis

    code = ScanCode.for_product(product)
    counting.record(code.pk, "phone", "")
    client = counting._redis()
    real_rename = redis.Redis.rename

    def taken_by_a_concurrent_flush(self, source, target):
        real_rename(self, source, counting._flushing_prefix() + "other-flush")
        return real_rename(self, source, target)  # Redis answers "no such key"

    monkeypatch.setattr(redis.Redis, "rename", taken_by_a_concurrent_flush)
    caplog.set_level(logging.INFO, logger="scans.counting")
    assert counting.flush() == 0  # the other flush writes what it took
    assert any("concurrent flush" in record.message for record in caplog.records)
    monkeypatch.setattr(redis.Redis, "rename", real_rename)
    assert counting.flush() == 1  # had it died, its batch is found on the next run, and written once
    assert ScanDay.objects.get(code=code).count == 1

    counting.record(code.pk, "phone", "")

    def refused(self, source, target):
        raise redis.exceptions.ResponseError("READONLY You can't write against a read only replica.")

    monkeypatch.setattr(redis.Redis, "rename", refused)
    with pytest.raises(redis.exceptions.ResponseError):
        counting.flush()
    assert client.exists(counting._pending())  # nothing lost: the next flush takes it


def test_an_editor_adds_a_batch_code_in_the_admin(client, product, make_user):
    from django.urls import reverse

    client.force_login(make_user("editor"))
    url = reverse("wagtailsnippets_scans_scancode:add")
    assert client.get(url).status_code == 200
    response = client.post(url, {"product": product.pk, "kind": "batch", "lot": "", "serial": "", "note": ""})
    assert response.status_code == 200 and "cần số lô" in response.content.decode()
    response = client.post(url, {"product": product.pk, "kind": "batch", "lot": "L2025-07", "serial": "", "note": ""})
    assert response.status_code == 302
    batch = ScanCode.objects.get(kind=CodeKind.BATCH)
    assert batch.lot == "L2025-07" and len(batch.code) == 8


def test_label_sheets_print_for_editors_and_the_products_own_producer_only(client, make_user, make_product):
    from django.urls import reverse

    ours = make_product(title="Bơ núi lửa Krông Nô")
    theirs = make_product(title="Miến dong Tài Hoan")
    ours_code, theirs_code = ScanCode.for_product(ours), ScanCode.for_product(theirs)

    client.force_login(make_user("producer", producer=ours.producer))
    response = client.get(reverse("scan_labels", args=[ours_code.code]), {"size": "nho", "count": "6"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="label"') == 6 and "<svg" in html and "OCOP 4★" in html and "Bơ núi lửa" in html
    other = client.get(reverse("scan_labels", args=[theirs_code.code]))
    assert other.status_code in (302, 403) and "Miến dong" not in other.content.decode()

    client.force_login(make_user("editor"))
    assert client.get(reverse("scan_labels", args=[theirs_code.code]), {"count": "9999"}).status_code == 200


def test_a_hammering_client_is_counted_up_to_a_limit_then_refused(client, product, settings, monkeypatch):
    settings.SCAN_COUNT_RATE, settings.SCAN_BLOCK_RATE = "5/m", "8/m"
    from scans import throttle

    monkeypatch.setattr(throttle, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))  # one window
    code = ScanCode.for_product(product)
    statuses = [client.get(f"/q/{code.code}").status_code for _ in range(10)]
    assert statuses[:8] == [302] * 8  # real shoppers behind one address still land on the product
    assert statuses[8:] == [429, 429]
    assert sum(ScanDay.objects.filter(code=code).values_list("count", flat=True)) == 5
    other = client.get(f"/q/{code.code}", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302  # another client is not affected


def test_the_count_rate_is_scaled_to_the_block_rates_window(client, product, settings, monkeypatch):
    settings.SCAN_COUNT_RATE, settings.SCAN_BLOCK_RATE = "1/s", "100/m"  # 60 counted a minute
    # All 65 scans in one window, however slowly a busy machine sends them.
    from scans import throttle

    monkeypatch.setattr(throttle, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))
    code = ScanCode.for_product(product)
    for _ in range(65):
        assert client.get(f"/q/{code.code}").status_code == 302
    assert sum(ScanDay.objects.filter(code=code).values_list("count", flat=True)) == 60


@pytest.mark.parametrize("rate", ["30 per minute", "30/w", "", "/m"])
def test_a_mistyped_scan_rate_stops_the_site_at_start_up(settings, rate):
    from scans.throttle import check_rates

    settings.SCAN_BLOCK_RATE = rate
    assert [error.id for error in check_rates()] == ["scans.E001"]
