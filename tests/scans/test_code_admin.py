"""Batch and item codes in the admin: a producer account manages its own products' codes; editors everyone's.

Two producers, A and B, each with a product, its automatic product code and a batch
code. Everything goes through the admin over HTTP, as a person would.
"""

import pytest
from django.test import Client
from django.urls import reverse

from scans.models import CodeKind, ScanCode

pytestmark = pytest.mark.django_db

CODES = "wagtailsnippets_scans_scancode"
CHOOSER = "wagtailsnippetchoosers_scans_scancode"


def refused(response) -> bool:
    """Wagtail answers a forbidden admin action with 403, or by sending the user home with an error."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form(product, kind="batch", lot="", serial="", note="", retired_at=""):
    return {"product": product.pk, "kind": kind, "lot": lot, "serial": serial, "note": note, "retired_at": retired_at}


class Estate:
    def __init__(self, producer, product, batch):
        self.producer = producer
        self.product = product
        self.product_code = ScanCode.for_product(product)
        self.batch = batch


@pytest.fixture
def estates(make_producer, make_product, editorial_site):
    result = {}
    for key, name, product_title, lot in (
        ("a", "HTX Bơ núi lửa", "Bơ sáp Krông Nô", "LO-BO-2025-06"),
        ("b", "HTX Miến dong", "Miến dong Tài Hoan", "LO-MIEN-BI-MAT"),
    ):
        producer = make_producer(title=name)
        product = make_product(producer=producer, title=product_title)
        batch = ScanCode.objects.create(product=product, kind=CodeKind.BATCH, lot=lot)
        result[key] = Estate(producer, product, batch)
    return result


@pytest.fixture
def producer_a(make_user, estates):
    return logged_in(make_user("producer", producer=estates["a"].producer))


def test_a_producer_lists_only_its_own_codes_with_a_link_to_print_them(producer_a, estates):
    response = producer_a.get(reverse(f"{CODES}:list"))
    assert response.status_code == 200
    html = response.content.decode()
    a, b = estates["a"], estates["b"]
    assert a.batch.code in html and a.product_code.code in html and "LO-BO-2025-06" in html
    assert b.batch.code not in html and b.product_code.code not in html and "LO-MIEN-BI-MAT" not in html
    assert reverse("scan_labels", args=[a.batch.code]) in html and "In tem nhãn" in html
    # Its product's own code is there to print, not to edit.
    assert reverse(f"{CODES}:edit", args=[a.batch.pk]) in html
    assert reverse(f"{CODES}:edit", args=[a.product_code.pk]) not in html
    # Searching does not reach further.
    assert b.batch.code not in producer_a.get(reverse(f"{CODES}:list"), {"q": "LO-MIEN"}).content.decode()


def test_a_producer_adds_a_batch_code_for_its_own_product_and_it_scans_to_the_product(producer_a, estates, client):
    add = reverse(f"{CODES}:add")
    page = producer_a.get(add)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Bơ sáp Krông Nô" in html and "Miến dong Tài Hoan" not in html  # only its own products on offer
    assert 'value="product"' not in html  # product codes are made automatically

    response = producer_a.post(add, form(estates["a"].product, lot="LO-BO-2025-07"))
    assert response.status_code == 302
    batch = ScanCode.objects.get(lot="LO-BO-2025-07")
    assert batch.kind == CodeKind.BATCH and batch.product_id == estates["a"].product.pk

    # The next step, printing its labels, is one click away.
    listing = producer_a.get(response.url).content.decode()
    assert f"Đã thêm mã quét {batch.code}." in listing
    assert reverse("scan_labels", args=[batch.code]) in listing
    assert producer_a.get(reverse("scan_labels", args=[batch.code])).status_code == 200

    scan = client.get(f"/q/{batch.code}")
    assert scan.status_code == 302 and scan["Location"] == f"{estates['a'].product.url}?ma={batch.code}"


def test_a_producer_cannot_add_a_code_for_another_producers_product(producer_a, estates):
    before = ScanCode.objects.count()
    response = producer_a.post(reverse(f"{CODES}:add"), form(estates["b"].product, lot="LO-CHIEM"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chưa thêm được mã quét" in html and "Bạn chỉ có thể chọn sản phẩm của chủ thể mình." in html
    assert ScanCode.objects.count() == before and not ScanCode.objects.filter(lot="LO-CHIEM").exists()


def test_a_producer_cannot_create_a_product_code(producer_a, estates):
    before = ScanCode.objects.count()
    response = producer_a.post(reverse(f"{CODES}:add"), form(estates["a"].product, kind="product"))
    assert response.status_code == 200
    assert "Mã của sản phẩm được tạo tự động" in response.content.decode()
    assert ScanCode.objects.count() == before


def test_a_producer_edits_and_retires_its_own_batch_code(producer_a, estates, client):
    batch = estates["a"].batch
    edit = reverse(f"{CODES}:edit", args=[batch.pk])
    page = producer_a.get(edit)
    assert page.status_code == 200 and reverse("scan_labels", args=[batch.code]) in page.content.decode()

    response = producer_a.post(
        edit, form(estates["a"].product, lot=batch.lot, note="Lô bị ẩm", retired_at="2025-06-30 08:00")
    )
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.retired_at is not None and batch.note == "Lô bị ẩm"
    assert client.get(f"/q/{batch.code}").status_code == 404  # a retired code leads nowhere


def test_a_producer_cannot_move_its_code_to_another_producers_product_or_make_it_a_product_code(producer_a, estates):
    batch = estates["a"].batch
    edit = reverse(f"{CODES}:edit", args=[batch.pk])
    for data in (form(estates["b"].product, lot=batch.lot), form(estates["a"].product, kind="product")):
        response = producer_a.post(edit, data)
        assert response.status_code == 200
    batch.refresh_from_db()
    assert batch.product_id == estates["a"].product.pk and batch.kind == CodeKind.BATCH


def test_a_producer_cannot_change_its_products_own_code(producer_a, estates):
    code = estates["a"].product_code
    edit = reverse(f"{CODES}:edit", args=[code.pk])
    assert refused(producer_a.get(edit))
    assert refused(producer_a.post(edit, form(estates["a"].product, kind="product", retired_at="2025-06-30 08:00")))
    code.refresh_from_db()
    assert code.retired_at is None


def test_a_producer_cannot_delete_its_own_codes(producer_a, estates):
    batch = estates["a"].batch
    delete = reverse(f"{CODES}:delete", args=[batch.pk])
    assert refused(producer_a.get(delete))
    assert refused(producer_a.post(delete))
    assert ScanCode.objects.filter(pk=batch.pk).exists()
    assert delete not in producer_a.get(reverse(f"{CODES}:edit", args=[batch.pk])).content.decode()
    bulk = reverse("wagtail_bulk_action", args=["scans", "scancode", "delete"]) + f"?id={batch.pk}"
    producer_a.post(bulk)
    assert ScanCode.objects.filter(pk=batch.pk).exists()


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage", "copy"])
def test_another_producers_codes_cannot_be_reached_by_url(producer_a, estates, view):
    for code in (estates["b"].batch, estates["b"].product_code):
        url = reverse(f"{CODES}:{view}", args=[code.pk])
        response = producer_a.get(url)
        assert response.status_code == 404, f"{view} of B's {code.kind} code: {response.status_code}"
        assert code.code not in response.content.decode()
        assert producer_a.post(url, form(estates["a"].product, lot="LO-CHIEM")).status_code == 404
    batch = ScanCode.objects.get(pk=estates["b"].batch.pk)
    assert batch.product_id == estates["b"].product.pk and batch.lot == "LO-MIEN-BI-MAT"
    assert not ScanCode.objects.filter(lot="LO-CHIEM").exists()


def test_another_producers_codes_are_not_in_the_chooser_bulk_actions_or_label_sheets(producer_a, estates):
    b = estates["b"]
    chooser = producer_a.get(reverse(f"{CHOOSER}:choose")).content.decode()
    assert estates["a"].batch.code in chooser and b.batch.code not in chooser
    assert producer_a.get(reverse(f"{CHOOSER}:chosen", args=[b.batch.pk])).status_code == 404

    bulk = reverse("wagtail_bulk_action", args=["scans", "scancode", "delete"])
    assert producer_a.get(bulk + f"?id={b.batch.pk}").status_code == 404
    everything = producer_a.get(bulk + "?id=all").content.decode()
    assert b.batch.code not in everything and b.product_code.code not in everything

    assert refused(producer_a.get(reverse("scan_labels", args=[b.batch.code])))


def test_an_account_taken_out_of_its_producer_keeps_no_rights_on_codes(make_user, estates):
    from accounts.models import ProducerAccount

    user = make_user("producer", producer=estates["a"].producer)
    ProducerAccount.objects.filter(user=user).delete()
    # Deleting the link also leaves the producers' groups; someone puts the user back in the role's group.
    from django.contrib.auth.models import Group

    from accounts.roles import PRODUCERS

    user.groups.add(Group.objects.get(name=PRODUCERS))
    client = logged_in(user)
    assert refused(client.get(reverse(f"{CODES}:list")))
    assert client.get(reverse(f"{CODES}:edit", args=[estates["b"].batch.pk])).status_code == 404
    assert refused(client.get(reverse("scan_labels", args=[estates["b"].batch.code])))
    assert refused(client.get(reverse("scan_analytics")))


def test_editors_manage_every_producers_codes(make_user, estates):
    editor = logged_in(make_user("editor"))
    a, b = estates["a"], estates["b"]
    html = editor.get(reverse(f"{CODES}:list")).content.decode()
    assert all(code in html for code in (a.batch.code, a.product_code.code, b.batch.code, b.product_code.code))

    add = reverse(f"{CODES}:add")
    assert 'value="product"' in editor.get(add).content.decode()
    assert editor.post(add, form(b.product, kind="item", serial="SN-0001")).status_code == 302
    assert ScanCode.objects.filter(product=b.product, kind=CodeKind.ITEM, serial="SN-0001").exists()

    edit = reverse(f"{CODES}:edit", args=[a.batch.pk])
    assert editor.post(edit, form(a.product, lot="LO-BO-SUA")).status_code == 302
    assert ScanCode.objects.get(pk=a.batch.pk).lot == "LO-BO-SUA"
    product_code = reverse(f"{CODES}:edit", args=[b.product_code.pk])
    assert editor.post(product_code, form(b.product, kind="product", retired_at="2025-06-30 08:00")).status_code == 302
    assert ScanCode.objects.get(pk=b.product_code.pk).retired_at is not None
    for view in ("history", "usage", "copy"):
        assert editor.get(reverse(f"{CODES}:{view}", args=[b.batch.pk])).status_code == 200, view
    assert b.batch.code in editor.get(reverse(f"{CHOOSER}:choose")).content.decode()


def test_superusers_also_delete_codes(make_user, estates):
    admin = logged_in(make_user("superuser"))
    batch = estates["b"].batch
    assert admin.post(reverse(f"{CODES}:delete", args=[batch.pk])).status_code == 302
    assert not ScanCode.objects.filter(pk=batch.pk).exists()
