"""The showcase is served from the cache, and no cached copy ever outlives a change.

A QR scan opens the product page: after the first visitor it is read, not rendered.
Whatever happens next — a new revision, an unpublished page or producer, a password,
a retired batch code, midnight passing an expiry date — the next visitor sees it.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from scans.models import CodeKind, ScanCode


@pytest.fixture
def product(make_product, make_producer):
    producer = make_producer(title="HTX Chè Shan tuyết Suối Giàng")
    return make_product(title="Chè Shan tuyết cổ thụ", producer=producer, stars=4)


def visit(client, page, **params):
    return client.get(page.url, params)


def test_the_second_visitor_gets_the_first_visitors_render(client, product):
    first = visit(client, product)
    second = visit(client, product)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"


def test_a_new_revision_is_shown_at_once(client, product):
    visit(client, product)
    product.title = "Chè Shan tuyết cổ thụ Suối Giàng"
    product.save_revision().publish()
    response = visit(client, product)
    assert "Chè Shan tuyết cổ thụ Suối Giàng" in response.content.decode()
    assert response["X-Page-Cache"] == "miss"


def test_an_unpublished_product_is_gone_at_once(client, product):
    url = product.url
    visit(client, product)
    product.unpublish()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_a_product_made_private_is_never_served_from_the_cache(client, product, restriction_type):
    visit(client, product)
    PageViewRestriction.objects.create(page=product, restriction_type=restriction_type, password="mat-khau")
    response = visit(client, product)
    assert "Chè Shan tuyết cổ thụ" not in response.content.decode().split("<main", 1)[-1]
    assert "X-Page-Cache" not in response


def test_an_unpublished_producer_is_no_longer_named(client, product):
    assert "HTX Chè Shan tuyết Suối Giàng" in visit(client, product).content.decode()
    product.producer.unpublish()
    assert "HTX Chè Shan tuyết Suối Giàng" not in visit(client, product).content.decode()


def test_a_certificate_expiring_overnight_is_not_shown_valid_the_next_morning(client, product, monkeypatch):
    product.expires_on = timezone.localdate()
    product.save_revision().publish()
    assert "Hiệu lực đến" in visit(client, product).content.decode()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    page = visit(client, product).content.decode()
    assert "Hiệu lực đến" not in page
    assert "đã hết hạn" in page


def test_signed_in_people_and_previews_are_never_cached(client, product, make_user):
    visit(client, product)  # the live page is in the cache
    draft = product.get_latest_revision_as_object()
    draft.title = "Bản nháp chưa duyệt"
    preview = draft.make_preview_request()
    assert "Bản nháp chưa duyệt" in preview.content.decode()
    assert "X-Page-Cache" not in preview

    client.force_login(make_user("editor"))
    assert "X-Page-Cache" not in visit(client, product)
    client.logout()

    anonymous = visit(client, product)
    assert "Bản nháp chưa duyệt" not in anonymous.content.decode()
    assert "Chè Shan tuyết cổ thụ" in anonymous.content.decode()


def test_an_nfc_verdict_is_one_persons_and_bypasses_the_cache(client, product):
    visit(client, product)
    assert "X-Page-Cache" not in visit(client, product, nfc="any")


def test_a_scanned_batch_is_shown_and_cached_apart_from_the_plain_page(client, product):
    batch = ScanCode.objects.create(product=product, kind=CodeKind.BATCH, lot="L2026-11")
    plain = visit(client, product).content.decode()
    with_batch = visit(client, product, ma=batch.code)
    assert "Lô hàng số" not in plain
    assert "Lô hàng số <strong>L2026-11</strong>" in with_batch.content.decode()
    assert visit(client, product, ma=batch.code)["X-Page-Cache"] == "hit"

    batch.retired_at = timezone.now()
    batch.save()
    assert "L2026-11" not in visit(client, product, ma=batch.code).content.decode()


def test_another_products_or_an_unknown_code_shows_no_package(client, product, make_product):
    other_batch = ScanCode.objects.create(product=make_product(), kind=CodeKind.BATCH, lot="KHAC-01")
    assert "KHAC-01" not in visit(client, product, ma=other_batch.code).content.decode()
    page = visit(client, product, ma="<script>alert(1)</script>").content.decode()
    assert "Lô hàng số" not in page and "<script>alert" not in page


def test_counting_a_scan_does_not_empty_the_cache(client, product):
    from scans import counting

    visit(client, product)
    counting.record(ScanCode.for_product(product).pk, "phone", "")
    assert visit(client, product)["X-Page-Cache"] == "hit"


def test_other_query_parameters_share_the_cached_page(client, product):
    visit(client, product)
    assert visit(client, product, utm_source="zalo", fbclid="x")["X-Page-Cache"] == "hit"


def test_a_cached_page_is_answered_without_any_sql(client, product, django_assert_num_queries):
    visit(client, product)
    with django_assert_num_queries(0):
        assert visit(client, product)["X-Page-Cache"] == "hit"


def test_the_cache_is_off_without_a_shared_cache(client, product, settings):
    settings.PAGE_CACHE_SECONDS = 0
    visit(client, product)
    assert "X-Page-Cache" not in visit(client, product)


def test_a_page_that_hands_out_a_csrf_token_is_never_shared(client, product, monkeypatch):
    from django.middleware.csrf import get_token

    from catalogue.models import ProductPage

    original = ProductPage.get_context

    def with_a_form(self, request, *args, **kwargs):
        get_token(request)  # as a {% csrf_token %} in the template would
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(ProductPage, "get_context", with_a_form)
    visit(client, product)
    assert "X-Page-Cache" not in visit(client, product)
