"""The open-data files hold what the public may see and nothing else (``core.visibility``), in
every file: drafts, private pages, pages under an unpublished section, and stories that are not
verified never reach them; an expired or revoked product is there, marked as such."""

import csv
import datetime
import io
import json

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction, Workflow

from catalogue.models import ProducerIndexPage, ProductIndexPage, ProductPage
from core.visibility import is_public
from stories.roles import STORY_WORKFLOW

pytestmark = pytest.mark.django_db

SECRET = "Bí mật chưa công bố"
DATA_FILES = ("products.csv", "products.jsonl", "producers.csv", "producers.jsonl")


def rows(client, name: str) -> list[dict]:
    response = client.get(f"/api/v1/exports/{name}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    if name.endswith(".csv"):
        return list(csv.DictReader(io.StringIO(text, newline="")))
    return [json.loads(line) for line in text.splitlines()]


def everything(client) -> str:
    """Every file the exports serve, as one text to search."""
    texts = []
    for name in (*DATA_FILES, "datapackage.json", "catalog.jsonld"):
        response = client.get(f"/api/v1/exports/{name}")
        texts.append(b"".join(response.streaming_content) if response.streaming else response.content)
    return b"\n".join(texts).decode("utf-8-sig")


@pytest.fixture
def producer(make_producer):
    return make_producer(title="HTX Công khai")


@pytest.fixture
def public_product(make_product, producer):
    return make_product(producer=producer, title="Sản phẩm công khai")


# --- products that are not public ---------------------------------------------------------------------


def draft(site_tree, make_product, producer):
    return make_product(producer=producer, title=SECRET, live=False)


def private(site_tree, make_product, producer):
    product = make_product(producer=producer, title=SECRET)
    PageViewRestriction.objects.create(page=product, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return product


def for_signed_in_users(site_tree, make_product, producer):
    product = make_product(producer=producer, title=SECRET)
    PageViewRestriction.objects.create(page=product, restriction_type=PageViewRestriction.LOGIN)
    return product


def under_a_draft_section(site_tree, make_product, producer):
    section = site_tree.home.add_child(instance=ProductIndexPage(title="Khu nháp", slug="khu-nhap", live=False))
    product = make_product(producer=producer, title=SECRET, parent=section, live=False)
    ProductPage.objects.get(pk=product.pk).save_revision().publish()
    return ProductPage.objects.get(pk=product.pk)


def republished_under_an_unpublished_section(site_tree, make_product, producer):
    product = make_product(producer=producer, title=SECRET)
    site_tree.products.unpublish()  # unpublishes every product beneath it
    ProductPage.objects.get(pk=product.pk).save_revision().publish()
    return ProductPage.objects.get(pk=product.pk)


HIDDEN_PRODUCTS = [draft, private, for_signed_in_users, under_a_draft_section, republished_under_an_unpublished_section]


@pytest.mark.parametrize("hide", HIDDEN_PRODUCTS, ids=lambda hide: hide.__name__)
def test_a_product_the_public_cannot_see_is_in_no_file(client, site_tree, make_product, producer, hide):
    public = make_product(producer=producer, title="Sản phẩm công khai")
    hidden = hide(site_tree, make_product, producer)

    for name in ("products.csv", "products.jsonl"):
        ids = {int(row["id"]) for row in rows(client, name)}
        assert hidden.pk not in ids, name
        # The control: the other product is there exactly when it is public (its section may be down too).
        assert (public.pk in ids) == is_public(public), name
    assert SECRET not in everything(client)


def test_a_product_in_the_file_counts_for_its_producer_only_while_public(client, make_product, producer):
    make_product(producer=producer, title="Công khai")
    make_product(producer=producer, title=SECRET, live=False)

    (row,) = rows(client, "producers.jsonl")

    assert row["product_count"] == 1


# --- producers that are not public --------------------------------------------------------------------


def draft_producer(site_tree, make_producer):
    return make_producer(title=SECRET, live=False)


def private_producer(site_tree, make_producer):
    producer = make_producer(title=SECRET)
    PageViewRestriction.objects.create(page=producer, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return producer


def producer_under_a_draft_section(site_tree, make_producer):
    section = site_tree.home.add_child(
        instance=ProducerIndexPage(title="Chủ thể nháp", slug="chu-the-nhap", live=False)
    )
    producer = make_producer(title=SECRET, parent=section, live=False)
    producer.save_revision().publish()
    return producer


@pytest.mark.parametrize(
    "hide", [draft_producer, private_producer, producer_under_a_draft_section], ids=lambda hide: hide.__name__
)
def test_a_producer_the_public_cannot_see_is_in_no_file_and_named_by_no_product(
    client, site_tree, make_producer, make_product, hide
):
    hidden = hide(site_tree, make_producer)
    product = make_product(producer=hidden, title="Sản phẩm của chủ thể ẩn")

    assert hidden.pk not in {int(row["id"]) for row in rows(client, "producers.csv")}
    for name in ("products.csv", "products.jsonl"):
        (row,) = rows(client, name)
        assert int(row["id"]) == product.pk
        # The product stays (it is public); its producer is not named, so every producer_id is in producers.csv.
        assert row["producer_id"] in ("", None) and row["producer_name"] in ("", None), name
    assert SECRET not in everything(client)


# --- stories -------------------------------------------------------------------------------------------


def test_only_verified_stories_count_for_their_producer(client, make_story, review_story, producer, public_product):
    verified = make_story(producer, products=[public_product], title="Đã thẩm định")
    review_story(verified)
    in_review = make_story(producer, products=[public_product], title=SECRET)
    Workflow.objects.get(name=STORY_WORKFLOW).start(in_review, None)
    sent_back = make_story(producer, products=[public_product], title=SECRET + " 2")
    review_story(sent_back, approve=False)
    make_story(producer, title=SECRET + " 3")  # never submitted

    for name in ("producers.csv", "producers.jsonl"):
        (row,) = rows(client, name)
        assert int(row["verified_story_count"]) == 1, name
    assert SECRET not in everything(client)


# --- certificates -------------------------------------------------------------------------------------


def test_expired_and_revoked_products_are_in_the_files_as_such(client, make_product, producer):
    today = timezone.localdate()
    valid = make_product(producer=producer, title="Còn hạn")
    expired = make_product(
        producer=producer,
        title="Hết hạn",
        recognised_on=today - datetime.timedelta(days=1200),
        expires_on=today - datetime.timedelta(days=10),
    )
    revoked = make_product(
        producer=producer, title="Thu hồi", revoked_on=today - datetime.timedelta(days=3), revocation_reason="Vi phạm"
    )

    for name in ("products.csv", "products.jsonl"):
        by_id = {int(row["id"]): row for row in rows(client, name)}
        assert (by_id[valid.pk]["status"], by_id[valid.pk]["status_label"]) == ("valid", "Còn hiệu lực")
        assert (by_id[expired.pk]["status"], by_id[expired.pk]["status_label"]) == ("expired", "Hết hiệu lực")
        assert (by_id[revoked.pk]["status"], by_id[revoked.pk]["status_label"]) == ("revoked", "Đã bị thu hồi")
        assert by_id[revoked.pk]["revocation_reason"] == "Vi phạm"
