"""One event for "what the public sees has changed", and nothing else announced as one.

The page cache, the search index and the tree's visibility rule all hear the same event;
a draft save, a revision, a log entry, a rendition or a scan count is never part of it,
so none of them empties the cache of every product page.
"""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from core import page_cache, publishing
from core.publishing import Reason
from scans.models import CodeKind, ScanCode


@pytest.fixture
def heard():
    """Every change announced while the test runs, as the listeners hear it at once."""
    changes = []
    publishing.subscribe(changes.append)
    yield changes
    publishing._at_once.remove(changes.append)


@pytest.fixture
def product(make_product):
    return make_product(title="Mật ong bạc hà Mèo Vạc", stars=4)


def test_saving_a_draft_changes_nothing_public(product, heard):
    version = page_cache.content_version()
    product.title = "Mật ong bạc hà (bản nháp)"
    product.save_revision()
    assert heard == []
    assert page_cache.content_version() == version


def test_a_revision_and_its_log_entry_change_nothing_public(product, make_user, heard):
    version = page_cache.content_version()
    revision = product.save_revision(user=make_user("editor"), log_action=True)
    revision.save()
    assert heard == []
    assert page_cache.content_version() == version


def test_counting_a_scan_changes_nothing_public(product, heard):
    from scans import counting

    code = ScanCode.for_product(product)
    version = page_cache.content_version()
    counting.record(code.pk, "phone", "")
    counting.flush()
    assert heard == []
    assert page_cache.content_version() == version


def test_an_upload_and_its_rendition_change_nothing_public(product, heard):
    version = page_cache.content_version()
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 160, 40)).save(buffer, "JPEG")
    image = get_image_model().objects.create(title="Hũ mật ong", file=ImageFile(buffer, name="mat-ong.jpg"))
    image.get_rendition("fill-300x200|format-webp")
    assert heard == []
    assert page_cache.content_version() == version
    image.title = "Hũ mật ong bạc hà"
    image.save()  # an image already on pages: changing it is public
    assert heard[-1].reason is Reason.EDITED


def test_publishing_is_announced_with_its_page(product, heard):
    version = page_cache.content_version()
    product.save_revision().publish()
    assert [(change.reason, change.page_ids) for change in heard] == [(Reason.PUBLISHED, {product.pk})]
    assert page_cache.content_version() > version


def test_unpublishing_a_section_announces_it_and_every_page_it_takes_down(site_tree, product, heard):
    version = page_cache.content_version()
    site_tree.products.unpublish()
    unpublished = {page_id for change in heard if change.reason is Reason.UNPUBLISHED for page_id in change.page_ids}
    assert unpublished == {site_tree.products.pk, product.pk}
    assert page_cache.content_version() > version


def test_a_move_announces_the_page_and_everything_below_it(site_tree, make_product, heard):
    from catalogue.models import ProductIndexPage

    second_index = site_tree.home.add_child(instance=ProductIndexPage(title="Sản phẩm (cũ)", slug="san-pham-cu"))
    product = make_product(parent=second_index)
    heard.clear()
    version = page_cache.content_version()
    second_index.move(site_tree.products, pos="last-child")
    moved = [change for change in heard if change.reason is Reason.MOVED]
    assert moved and moved[0].page_ids == {second_index.pk, product.pk}
    assert page_cache.content_version() > version


def test_a_view_restriction_announces_the_page_and_everything_below_it(site_tree, product, heard):
    version = page_cache.content_version()
    restriction = PageViewRestriction.objects.create(page=site_tree.products, restriction_type="login")
    assert heard[-1].reason is Reason.PRIVACY
    assert {site_tree.products.pk, product.pk} <= heard[-1].page_ids
    assert page_cache.content_version() > version
    version = page_cache.content_version()
    restriction.delete()
    assert heard[-1].reason is Reason.PRIVACY
    assert page_cache.content_version() > version


def test_deleting_a_page_is_announced_once(product, heard):
    page_id = product.pk
    product.delete()
    deleted = [change.page_ids for change in heard if change.reason is Reason.DELETED]
    assert deleted == [{page_id}]


def test_a_scan_code_is_public_and_names_its_product(product, heard):
    heard.clear()
    batch = ScanCode.objects.create(product=product, kind=CodeKind.BATCH, lot="L-01")
    assert [(change.reason, change.page_ids) for change in heard] == [(Reason.EDITED, {product.pk})]
    batch.delete()
    assert heard[-1].page_ids == {product.pk}


def test_after_commit_listeners_hear_one_merged_change_per_transaction(
    site_tree, make_product, django_capture_on_commit_callbacks
):
    first, second = make_product(), make_product()
    merged = []
    publishing.subscribe(merged.append, after_commit=True)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            first.save_revision().publish()
            second.save_revision().publish()
            assert merged == []  # nothing before the commit
    finally:
        publishing._after_commit.remove(merged.append)
    assert len(merged) == 1
    assert {first.pk, second.pk} <= merged[0].page_ids
    assert Reason.PUBLISHED in merged[0].reasons


def test_a_failing_after_commit_listener_does_not_stop_the_others(product, django_capture_on_commit_callbacks):
    def broken(change):
        raise RuntimeError("webhook receiver down")

    heard_after = []
    publishing.subscribe(broken, after_commit=True)
    publishing.subscribe(heard_after.append, after_commit=True)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            product.save_revision().publish()
    finally:
        publishing._after_commit.remove(broken)
        publishing._after_commit.remove(heard_after.append)
    assert len(heard_after) == 1


def test_a_rolled_back_change_is_never_announced_after_commit(product):
    from django.db import transaction

    heard_after = []
    publishing.subscribe(heard_after.append, after_commit=True)
    try:
        with pytest.raises(RuntimeError), transaction.atomic():
            product.save_revision().publish()
            raise RuntimeError("the request failed after publishing")
    finally:
        publishing._after_commit.remove(heard_after.append)
    assert heard_after == []


def test_uploading_an_image_in_the_admin_changes_nothing_public(site_tree, make_user, heard, client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.models import Collection

    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (90, 140, 60)).save(buffer, "JPEG")
    client.force_login(make_user("superuser"))
    version = page_cache.content_version()
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Vườn bơ Krông Nô",
            "file": SimpleUploadedFile("vuon-bo.jpg", buffer.getvalue(), content_type="image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Vườn bơ Krông Nô").exists()
    assert heard == []  # the form sets the (empty) tags too: still nothing public
    assert page_cache.content_version() == version


def test_creating_a_draft_product_changes_nothing_public(make_product, heard):
    version = page_cache.content_version()
    draft = make_product(title="Trà hoa vàng (bản nháp)", live=False)
    assert ScanCode.objects.filter(product=draft).exists()  # its code is made, but leads nowhere yet
    assert heard == []
    assert page_cache.content_version() == version


def test_a_merged_change_has_no_single_reason():
    merged = publishing.PublicChange(frozenset({1}), frozenset({Reason.PUBLISHED, Reason.MOVED}))
    with pytest.raises(ValueError):
        _ = merged.reason
