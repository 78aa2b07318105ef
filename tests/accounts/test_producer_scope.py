"""A producer account's scope beyond the page editor: images and documents (admin API,
choosers, listings, downloads) and the explorer's headings, results, chooser and filters.

Producer A's account against producer B's images, documents and draft pages; B's
collection is B's alone (with editors and reviewers), everything else stays public.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from accounts.roles import producer_collection

pytestmark = pytest.mark.django_db

B_IMAGE = "Ảnh xưởng miến bí mật"
B_DOCUMENT = "Hồ sơ công bố miến dong"
A_IMAGE = "Ảnh vườn bơ của A"
A_DOCUMENT = "Hồ sơ công bố bơ"
PUBLIC_DOCUMENT = "Hướng dẫn chương trình OCOP"


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(response) -> str:
    """The HTML of a page, or of a chooser's modal step (JSON with the HTML inside)."""
    if response.get("Content-Type", "").startswith("application/json"):
        return response.json().get("html", "")
    return response.content.decode()


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def _image(title, collection):
    return get_image_model().objects.create(
        title=title, file=SimpleUploadedFile("anh.png", _png()), collection=collection
    )


def _document(title, collection, name="ho-so.pdf"):
    return get_document_model().objects.create(
        title=title, file=SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n"), collection=collection
    )


@pytest.fixture
def scope(make_producer, make_product, make_user, editorial_site):
    producer_a = make_producer(title="HTX Bơ núi lửa")
    producer_b = make_producer(title="HTX Miến dong")
    account_a = make_user("producer", producer=producer_a)
    account_b = make_user("producer", producer=producer_b)
    draft_b = make_product(producer=producer_b, title="Sản phẩm nháp bí mật của B", live=False, owner=account_b)
    draft_a = make_product(producer=producer_a, title="Sản phẩm nháp của A", live=False, owner=account_a)
    collection_a, collection_b = producer_collection(producer_a), producer_collection(producer_b)
    root = Collection.get_first_root_node()
    return {
        "a": account_a,
        "b": account_b,
        "editor": make_user("editor"),
        "reviewer": make_user("reviewer"),
        "producer_b": producer_b,
        "draft_a": draft_a,
        "draft_b": draft_b,
        "image_a": _image(A_IMAGE, collection_a),
        "image_b": _image(B_IMAGE, collection_b),
        "document_a": _document(A_DOCUMENT, collection_a),
        "document_b": _document(B_DOCUMENT, collection_b),
        "public_document": _document(PUBLIC_DOCUMENT, root, name="huong-dan.pdf"),
        "site": editorial_site,
    }


# --- images and documents -------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_the_admin_api_lists_and_details_only_what_a_producer_may_see(scope, kind):
    client = logged_in(scope["a"])
    singular = kind[:-1]
    own, other = scope[f"{singular}_a"], scope[f"{singular}_b"]

    listing = client.get(f"/admin/api/main/{kind}/")
    assert listing.status_code == 200
    ids = {item["id"] for item in listing.json()["items"]}
    assert own.pk in ids
    assert other.pk not in ids
    assert other.title not in listing.content.decode()

    assert client.get(f"/admin/api/main/{kind}/{own.pk}/").status_code == 200
    assert client.get(f"/admin/api/main/{kind}/{other.pk}/").status_code == 404


def test_the_admin_api_keeps_a_producers_media_to_itself_even_without_the_view_restriction(scope):
    from wagtail.models import CollectionViewRestriction

    CollectionViewRestriction.objects.filter(collection=scope["document_b"].collection).delete()
    client = logged_in(scope["a"])
    for kind, item in (("images", scope["image_b"]), ("documents", scope["document_b"])):
        ids = {entry["id"] for entry in client.get(f"/admin/api/main/{kind}/").json()["items"]}
        assert item.pk not in ids
        assert client.get(f"/admin/api/main/{kind}/{item.pk}/").status_code == 404


def test_the_admin_api_still_shows_an_editor_every_producers_media(scope):
    client = logged_in(scope["editor"])
    for kind, item in (("images", scope["image_b"]), ("documents", scope["document_b"])):
        ids = {entry["id"] for entry in client.get(f"/admin/api/main/{kind}/").json()["items"]}
        assert item.pk in ids
        assert client.get(f"/admin/api/main/{kind}/{item.pk}/").status_code == 200


def test_public_documents_stay_in_a_producers_admin_api(scope):
    client = logged_in(scope["a"])
    ids = {item["id"] for item in client.get("/admin/api/main/documents/").json()["items"]}
    assert scope["public_document"].pk in ids


@pytest.mark.parametrize(
    "url_name",
    ["wagtailimages:index", "wagtailimages_chooser:choose", "wagtaildocs:index", "wagtaildocs_chooser:choose"],
)
def test_media_listings_and_choosers_show_a_producer_only_its_own(scope, url_name):
    response = logged_in(scope["a"]).get(reverse(url_name))
    assert response.status_code == 200
    html = text(response)
    assert B_IMAGE not in html and B_DOCUMENT not in html
    assert scope["producer_b"].title not in html  # not even the name of B's collection
    assert A_IMAGE in html or A_DOCUMENT in html


def test_a_producers_document_needs_a_login(client, scope):
    document = scope["document_b"]
    response = client.get(document.url)
    assert response.status_code == 302 and "/login/" in response.url


def test_a_public_document_downloads_without_a_login(client, scope):
    response = client.get(scope["public_document"].url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("who", ["b", "editor", "reviewer"])
def test_the_owning_account_and_the_editorial_desk_download_a_producers_document(scope, who):
    response = logged_in(scope[who]).get(scope["document_b"].url)
    assert response.status_code == 200


def test_another_producer_cannot_download_a_producers_document(scope):
    response = logged_in(scope["a"]).get(scope["document_b"].url)
    assert response.status_code in (302, 403, 404)
    assert response.status_code != 200


def test_documents_are_served_through_django(settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_a_producers_collection_is_restricted_once_created(make_producer, editorial_site):
    from wagtail.models import BaseViewRestriction

    collection = producer_collection(make_producer(title="HTX Chè shan tuyết"))
    restrictions = collection.get_view_restrictions()
    assert [r.restriction_type for r in restrictions] == [BaseViewRestriction.GROUPS]


# --- pages: explorer, results, chooser, owner filter ----------------------------------------


@pytest.mark.parametrize(
    "url_name", ["wagtailadmin_explore", "wagtailadmin_explore_results", "wagtailadmin_choose_page_child"]
)
def test_another_producers_draft_page_is_not_there_for_a_producer(scope, url_name):
    client = logged_in(scope["a"])
    response = client.get(reverse(url_name, args=[scope["draft_b"].pk]))
    assert response.status_code == 404
    assert scope["draft_b"].title not in text(response)
    # Its own page, and the shared sections, open as before.
    assert client.get(reverse(url_name, args=[scope["draft_a"].pk])).status_code == 200
    assert client.get(reverse(url_name, args=[scope["site"].products.pk])).status_code == 200


def test_an_editor_still_explores_every_producers_page(scope):
    client = logged_in(scope["editor"])
    response = client.get(reverse("wagtailadmin_explore", args=[scope["draft_b"].pk]))
    assert response.status_code == 200
    assert scope["draft_b"].title in response.content.decode()


def test_the_page_chooser_lists_a_producer_only_its_own_and_shared_pages(scope):
    client = logged_in(scope["a"])
    html = text(client.get(reverse("wagtailadmin_choose_page_child", args=[scope["site"].products.pk])))
    assert scope["draft_a"].title in html
    assert scope["draft_b"].title not in html


@pytest.mark.parametrize("url_name", ["wagtailadmin_explore", "wagtailadmin_explore_results"])
def test_the_explorers_owner_filter_names_no_other_owners(scope, url_name):
    client = logged_in(scope["a"])
    html = client.get(reverse(url_name, args=[scope["site"].products.pk])).content.decode()
    other = scope["b"]
    assert other.get_full_name() not in html
    assert other.get_username() not in html
    assert f'name="owner" value="{other.pk}"' not in html
    assert f'name="edited_by" value="{other.pk}"' not in html


def test_the_owner_filter_offers_a_producer_its_own_pages_owners(scope):
    client = logged_in(scope["a"])
    html = client.get(reverse("wagtailadmin_explore", args=[scope["site"].products.pk])).content.decode()
    assert scope["a"].get_full_name() in html


def test_setup_restores_a_linked_producers_collection_restriction(scope):
    from wagtail.models import CollectionViewRestriction

    from accounts.roles import ensure_roles

    collection = scope["document_b"].collection
    CollectionViewRestriction.objects.filter(collection=collection).delete()
    ensure_roles(scope["site"])
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert set(restriction.groups.values_list("name", flat=True)) >= {"Biên tập viên", "Thẩm định viên"}
    assert Client().get(scope["document_b"].url).status_code == 302
