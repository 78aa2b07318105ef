"""Scan figures: a producer sees its own products only; editors see every producer and the nation."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from scans.models import CodeKind, ScanCode, ScanDay

pytestmark = pytest.mark.django_db


@pytest.fixture
def product_with_code(make_product):
    product = make_product(title="Miến dong Tài Hoan")
    return product, ScanCode.for_product(product)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def scans(make_product, make_producer):
    ours_producer, theirs_producer = make_producer(title="HTX Bơ"), make_producer(title="HTX Miến")
    ours = make_product(title="Bơ núi lửa Krông Nô", producer=ours_producer)
    theirs = make_product(title="Miến dong Tài Hoan bí mật", producer=theirs_producer)
    today = timezone.localdate()
    ScanDay.objects.create(day=today, code=ScanCode.for_product(ours), device="phone", count=7)
    ScanDay.objects.create(day=today, code=ScanCode.for_product(theirs), device="phone", count=500)
    item = ScanCode.objects.create(product=ours, kind=CodeKind.ITEM, lot="L1", serial="SN-0042")
    for days_ago in range(4):
        ScanDay.objects.create(day=today - datetime.timedelta(days=days_ago), code=item, device="phone", count=1)
    return ours_producer, theirs_producer


def test_a_producer_sees_only_its_own_scans_and_clone_signals(make_user, scans):
    ours, theirs = scans
    client = logged_in(make_user("producer", producer=ours))
    response = client.get(reverse("scan_analytics"), {"producer": theirs.pk})  # asking for another: ignored
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bơ núi lửa Krông Nô" in html and "bí mật" not in html
    assert response.context["total"] == 11
    assert [row["code__serial"] for row in response.context["clones"]] == ["SN-0042"]


def test_editors_see_the_nation_and_any_producer(make_user, scans):
    ours, theirs = scans
    client = logged_in(make_user("editor"))
    national = client.get(reverse("scan_analytics"))
    assert national.status_code == 200 and national.context["total"] == 511
    assert {row["code__product__producer__title"] for row in national.context["top_producers"]} == {
        "HTX Bơ",
        "HTX Miến",
    }
    one = client.get(reverse("scan_analytics"), {"producer": theirs.pk})
    assert one.context["total"] == 500


def test_reviewers_have_no_scan_figures(make_user, scans):
    response = logged_in(make_user("reviewer")).get(reverse("scan_analytics"))
    assert response.status_code in (302, 403)


def test_a_printed_label_scanned_by_a_phone_shows_on_the_producers_dashboard(make_user, make_producer, make_product):
    producer = make_producer(title="HTX Nông nghiệp Krông Nô")
    product = make_product(title="Bơ sáp 034", producer=producer)
    producer_client = logged_in(make_user("producer", producer=producer))
    code = ScanCode.for_product(product).code

    label = producer_client.get(reverse("scan_labels", args=[code])).content.decode()
    assert "<svg" in label and "Bơ sáp 034" in label and code in label

    phone = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148")
    landing = phone.get(f"/q/{code}", follow=True)
    assert landing.redirect_chain == [(product.url, 302)]
    assert "Bơ sáp 034" in landing.content.decode()

    dashboard = producer_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 lượt quét trong 7 ngày qua" in dashboard


# --- a GET reads: the figures add the counts still waiting in Redis, the periodic task writes them ---


def test_opening_the_figures_and_the_dashboard_writes_nothing_but_shows_waiting_scans(
    make_user, make_producer, make_product, redis_buffer
):
    from scans import counting

    producer = make_producer(title="HTX Bơ Krông Nô")
    product = make_product(title="Bơ sáp 034", producer=producer)
    code = ScanCode.for_product(product)
    for _ in range(3):
        counting.record(code.pk, "phone", "")
    client = logged_in(make_user("producer", producer=producer))

    figures = client.get(reverse("scan_analytics"))
    assert figures.context["waiting"] == 3
    assert "Thêm <strong>3</strong> lượt quét mới đang chờ ghi" in figures.content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "3 lượt quét trong 7 ngày qua" in dashboard
    assert not ScanDay.objects.exists()  # neither page flushed the buffer
    assert counting.waiting_by_code() == {code.pk: 3}

    call_command("run_periodic_tasks", stdout=StringIO())
    assert sum(ScanDay.objects.filter(code=code).values_list("count", flat=True)) == 3
    assert counting.waiting_by_code() == {}
    assert client.get(reverse("scan_analytics")).context["waiting"] == 0


def test_waiting_scans_of_another_producer_are_not_shown(make_user, make_producer, make_product, redis_buffer):
    from scans import counting

    ours, theirs = make_producer(), make_producer()
    counting.record(ScanCode.for_product(make_product(producer=theirs)).pk, "phone", "")
    client = logged_in(make_user("producer", producer=ours))
    assert client.get(reverse("scan_analytics")).context["waiting"] == 0


def test_the_flush_finds_a_failed_batch_with_scan_never_keys(product_with_code, redis_buffer, monkeypatch):
    import redis

    from scans import counting

    product, code = product_with_code
    counting.record(code.pk, "phone", "")
    client = counting._redis()
    client.rename(counting._pending(), counting._flushing_prefix() + "left-by-a-crash")
    counting.record(code.pk, "tablet", "")

    def keys_blocks_redis(*args, **kwargs):
        raise AssertionError("KEYS walks every key and blocks Redis meanwhile")

    monkeypatch.setattr(redis.Redis, "keys", keys_blocks_redis)
    assert counting.waiting_by_code() == {code.pk: 2}
    assert counting.flush() == 2
    assert sum(ScanDay.objects.filter(code=code).values_list("count", flat=True)) == 2
