"""Token writes obey the review: through /api/v3-preview/ a token acts exactly as its account does
in the admin. Every rule is tried through the API itself, with real tokens."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import APIToken, PageLogEntry

from accounts.roles import producer_collection
from catalogue.models import ProductPage
from stories.models import StoryPage

from .conftest import API, TokenClient

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def vietnamese_error(response) -> str:
    body = response.json()
    assert set(body) >= {"error"}, body
    return body["error"]


# --- a producer's token: its own pages, drafts, the workflow ---------------------------------------


def test_a_producers_token_edits_its_own_product_as_a_new_draft_not_live(estate, token_for):
    api = token_for(estate["producer_a"])
    product = estate["a"]["live_product"]
    revisions_before = product.revisions.count()

    response = api.patch(f"/pages/{product.pk}/", {"summary": "Bơ sáp chín cây, hái tay."})

    assert response.status_code == 200, response.json()
    product = ProductPage.objects.get(pk=product.pk)
    assert product.summary != "Bơ sáp chín cây, hái tay."  # the live page is unchanged
    assert product.has_unpublished_changes
    assert product.get_latest_revision_as_object().summary == "Bơ sáp chín cây, hái tay."
    assert product.revisions.count() == revisions_before + 1
    assert PageLogEntry.objects.filter(page=product, action="wagtail.edit", user=estate["producer_a"]).exists()


@pytest.mark.parametrize("page_kind", ["producer", "live_product", "draft_product", "story"])
def test_a_producers_token_neither_reads_nor_writes_another_producers_page(estate, token_for, page_kind):
    api = token_for(estate["producer_a"])
    page = estate["b"][page_kind]
    title = page.title

    assert api.get(f"/pages/{page.pk}/").status_code == 404
    assert api.get(f"/pages/{page.pk}/?version=draft").status_code == 404
    assert api.get(f"/pages/{page.pk}/revisions/").status_code == 404
    response = api.patch(f"/pages/{page.pk}/", {"title": "Chiếm trang"})
    assert response.status_code == 404
    vietnamese_error(response)
    assert api.post(f"/pages/{page.pk}/actions/submit/").status_code == 404
    assert page.specific_class.objects.get(pk=page.pk).get_latest_revision_as_object().title == title


def test_a_producers_token_lists_its_own_pages_and_no_other_producers_drafts(estate, token_for):
    api = token_for(estate["producer_a"])
    listed = {item["id"] for item in api.get("/pages/?limit=100").json()["items"]}
    assert {estate["a"]["draft_product"].pk, estate["a"]["live_product"].pk, estate["a"]["story"].pk} <= listed
    others = {estate["b"][kind].pk for kind in ("producer", "live_product", "draft_product", "story")}
    assert listed.isdisjoint(others)
    draft = api.get(f"/pages/{estate['a']['draft_product'].pk}/?version=draft")
    assert draft.status_code == 200 and draft.json()["title"] == estate["a"]["draft_product"].title


@pytest.mark.parametrize("page_type", ["catalogue.ProductPage", "stories.StoryPage"])
def test_a_producers_token_lists_its_own_pages_of_one_type(estate, token_for, page_type):
    # The documented first call (`?type=catalogue.ProductPage`) narrows the permission policy to
    # that model; the producer's own pages must be found in that model's table too, not a 500.
    api = token_for(estate["producer_a"])
    response = api.get(f"/pages/?type={page_type}&limit=100")
    assert response.status_code == 200, response.content
    listed = {item["id"] for item in response.json()["items"]}
    kinds = ("draft_product", "live_product") if page_type == "catalogue.ProductPage" else ("story",)
    assert listed == {estate["a"][kind].pk for kind in kinds}


def test_a_producers_token_searches_its_own_pages(estate, token_for):
    # The documented `search` filter: the search backend must be able to apply the producer's
    # scope (a 400 "Cannot filter by 'producer_id'" before).
    api = token_for(estate["producer_a"])
    response = api.get("/pages/?search=nháp&limit=100")
    assert response.status_code == 200, response.content
    listed = {item["id"] for item in response.json()["items"]}
    assert estate["a"]["draft_product"].pk in listed
    assert listed.isdisjoint({estate["b"][kind].pk for kind in ("draft_product", "story")})


def test_a_producers_token_never_publishes_or_unpublishes(estate, token_for):
    api = token_for(estate["producer_a"])
    draft, live = estate["a"]["draft_product"], estate["a"]["live_product"]

    response = api.post(f"/pages/{draft.pk}/actions/publish/")
    assert response.status_code == 403
    assert "không được xuất bản" in vietnamese_error(response)
    response = api.patch(f"/pages/{draft.pk}/", {"summary": "Lên trang luôn", "meta": {"action": "publish"}})
    assert response.status_code == 403
    assert api.post(f"/pages/{live.pk}/actions/unpublish/").status_code == 403

    assert not ProductPage.objects.get(pk=draft.pk).live
    assert ProductPage.objects.get(pk=draft.pk).get_latest_revision_as_object().summary != "Lên trang luôn"
    assert ProductPage.objects.get(pk=live.pk).live


@pytest.mark.parametrize(
    "path, body",
    [
        ("/pages/{id}/", None),
        ("/pages/{id}/actions/delete/", None),
        ("/pages/{id}/actions/move/", {"destination_id": 1}),
        ("/pages/{id}/actions/copy/", {}),
        ("/pages/{id}/actions/create_alias/", {}),
        ("/pages/{id}/actions/revert/", {"revision_id": 1}),
    ],
)
def test_deleting_moving_copying_and_reverting_stay_in_the_admin(estate, token_for, path, body):
    draft = estate["a"]["draft_product"]
    for user in (estate["producer_a"], estate["editor"]):
        api = token_for(user)
        url = path.format(id=draft.pk)
        response = api.delete(url) if body is None else api.post(url, body)
        assert response.status_code == 403, (user, url, response.json())
        assert "trang quản trị" in vietnamese_error(response)
    assert ProductPage.objects.filter(pk=draft.pk, path=draft.path).exists()
    assert ProductPage.objects.count() == 4


@pytest.mark.parametrize(
    "field, value",
    [
        ("stars", 5),
        ("decision_number", "999/QĐ-UBND"),
        ("recognised_on", "2025-01-01"),
        ("expires_on", "2030-01-01"),
        ("score_production", 40),
        ("level", "5 sao"),
        ("revoked_on", "2025-01-01"),
        ("revocation_reason", "x"),
    ],
)
def test_a_producers_token_is_refused_any_ocop_rating_field_not_silently_dropped(estate, token_for, field, value):
    api = token_for(estate["producer_a"])
    product = estate["a"]["live_product"]
    revisions_before = product.revisions.count()

    response = api.patch(f"/pages/{product.pk}/", {"summary": "Tóm tắt mới", field: value})

    assert response.status_code in (400, 403)
    assert response.json()["field"] == field
    assert field in vietnamese_error(response)
    assert product.revisions.count() == revisions_before  # nothing written, not even the summary


def test_an_editors_token_may_change_the_rating_a_producers_may_not(estate, token_for):
    product = estate["a"]["draft_product"]
    change = {"decision_number": "777/QĐ-UBND"}
    assert token_for(estate["producer_a"]).patch(f"/pages/{product.pk}/", change).status_code == 403
    response = token_for(estate["editor"]).patch(f"/pages/{product.pk}/", change)
    assert response.status_code == 200, response.json()
    assert ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object().decision_number == "777/QĐ-UBND"
    # The model's own rules hold for editors too: 75 points is not a 5-star product.
    refused = token_for(estate["editor"]).patch(f"/pages/{product.pk}/", {"stars": 5})
    assert refused.status_code == 400 and refused.json()["field"] == "stars"


def test_a_producers_token_submits_its_story_to_the_review_and_it_stays_off_the_site(estate, token_for, client):
    api = token_for(estate["producer_a"])
    story = estate["a"]["story"]

    edited = api.patch(f"/pages/{story.pk}/", {"standfirst": "Ba thế hệ giữ vườn bơ trên đất đỏ."})
    assert edited.status_code == 200, edited.json()
    response = api.post(f"/pages/{story.pk}/actions/submit/")

    assert response.status_code == 200, response.json()
    assert response.json() == {
        "id": story.pk,
        "workflow": "Thẩm định câu chuyện",
        "task": "Thẩm định tính xác thực",
        "status": "in_progress",
        "live": False,
    }
    story = StoryPage.objects.get(pk=story.pk)
    assert story.workflow_in_progress and not story.live
    assert PageLogEntry.objects.filter(page=story, action="wagtail.workflow.start", user=estate["producer_a"]).exists()
    assert client.get(story.url or "/cau-chuyen/").status_code == 404 or story.url is None
    # A second submission while it waits is refused.
    again = api.post(f"/pages/{story.pk}/actions/submit/")
    assert again.status_code == 409 and vietnamese_error(again)


def test_a_producers_token_creates_a_story_draft_always_its_own(estate, token_for, editorial_site):
    api = token_for(estate["producer_a"])
    response = api.post(
        "/pages/",
        {
            "meta": {"type": "stories.StoryPage", "parent_id": editorial_site.stories.pk},
            "title": "Mùa bơ đầu tiên",
            "standfirst": "Năm 2019, hợp tác xã trồng cây bơ đầu tiên.",
            "body": [{"type": "paragraph", "value": "<p>Nội dung.</p>"}],
        },
    )
    assert response.status_code == 201, response.json()
    story = StoryPage.objects.get(pk=response.json()["id"])
    assert story.producer_id == estate["a"]["producer"].pk and not story.live
    assert story.owner == estate["producer_a"]
    logged = set(PageLogEntry.objects.filter(page=story, user=estate["producer_a"]).values_list("action", flat=True))
    assert {"wagtail.create", "wagtail.edit"} <= logged

    publishing = api.post(
        "/pages/",
        {
            "meta": {"type": "stories.StoryPage", "parent_id": editorial_site.stories.pk, "action": "publish"},
            "title": "Lên trang không qua thẩm định",
            "standfirst": "x",
        },
    )
    assert publishing.status_code == 403
    assert not StoryPage.objects.filter(title="Lên trang không qua thẩm định").exists()

    product = api.post(
        "/pages/",
        {
            "meta": {"type": "catalogue.ProductPage", "parent_id": editorial_site.products.pk},
            "title": "Sản phẩm mới",
            "stars": 3,
            "decision_number": "1/QĐ-UBND",
            "recognised_on": "2025-01-01",
        },
    )
    assert product.status_code == 403 and "không được tạo" in vietnamese_error(product), product.json()
    assert not ProductPage.objects.filter(title="Sản phẩm mới").exists()


def test_a_producers_token_cannot_put_another_producers_private_image_in_its_story(estate, token_for):
    api = token_for(estate["producer_a"])
    story = estate["a"]["story"]
    theirs = get_image_model().objects.create(
        title="Ảnh vườn miến dong",
        file=SimpleUploadedFile("vuon.png", _png()),
        collection=producer_collection(estate["b"]["producer"]),
    )
    ours = get_image_model().objects.create(
        title="Ảnh vườn bơ",
        file=SimpleUploadedFile("vuon-bo.png", _png()),
        collection=producer_collection(estate["a"]["producer"]),
    )
    revisions_before = story.revisions.count()

    def body_with(image):
        return {
            "body": [
                {"type": "paragraph", "value": "<p>Vườn của chúng tôi.</p>"},
                {"type": "image", "value": {"image": {"image": image.pk, "alt_text": "", "decorative": True}}},
            ]
        }

    refused = api.patch(f"/pages/{story.pk}/", body_with(theirs))
    assert refused.status_code == 400, refused.json()
    assert "ảnh trong thư mục ảnh của chủ thể mình" in vietnamese_error(refused)
    assert refused.json()["field"].startswith("body")
    assert story.revisions.count() == revisions_before

    accepted = api.patch(f"/pages/{story.pk}/", body_with(ours))
    assert accepted.status_code == 200, accepted.json()


def test_a_write_that_fails_validation_is_a_400_and_nothing_is_half_written(estate, token_for):
    api = token_for(estate["editor"])
    product = estate["a"]["draft_product"]
    revisions_before = product.revisions.count()

    response = api.patch(f"/pages/{product.pk}/", {"summary": "Tóm tắt hợp lệ", "gtin": "12345"})

    assert response.status_code == 400
    body = response.json()
    assert body["field"] == "gtin" and vietnamese_error(response)
    assert product.revisions.count() == revisions_before
    assert ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object().summary != "Tóm tắt hợp lệ"

    malformed = api.patch(f"/pages/{product.pk}/", {"stars": "năm"})
    assert malformed.status_code == 400 and malformed.json()["field"] == "stars"
    unknown = api.patch(f"/pages/{product.pk}/", {"ten_sai": "x"})
    assert unknown.status_code == 400 and unknown.json()["field"] == "ten_sai"


# --- an editor's token: products yes, stories only through the review ------------------------------


def test_an_editors_token_publishes_a_product_with_an_audit_log_entry(estate, token_for, client):
    api = token_for(estate["editor"])
    product = estate["a"]["draft_product"]

    response = api.post(f"/pages/{product.pk}/actions/publish/")

    assert response.status_code == 200, response.json()
    product = ProductPage.objects.get(pk=product.pk)
    assert product.live
    assert PageLogEntry.objects.filter(page=product, action="wagtail.publish", user=estate["editor"]).exists()
    assert client.get(product.url).status_code == 200


def test_an_editors_token_unpublishes_a_product_with_an_audit_log_entry(estate, token_for):
    product = estate["a"]["live_product"]
    response = token_for(estate["editor"]).post(f"/pages/{product.pk}/actions/unpublish/")
    assert response.status_code == 200, response.json()
    assert not ProductPage.objects.get(pk=product.pk).live
    assert PageLogEntry.objects.filter(page=product, action="wagtail.unpublish", user=estate["editor"]).exists()


def test_the_openapi_document_describes_the_token_api_without_a_token(estate):
    schema = Client().get(f"{API}/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert f"{API}/pages/{{page_id}}/actions/submit/" in paths
    docs = Client().get(f"{API}/docs/").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', docs)
    assert assets and all(asset.startswith("/") and not asset.startswith("//") for asset in assets), assets


def test_an_editors_token_never_publishes_a_story_around_its_review(estate, token_for, editorial_site):
    api = token_for(estate["editor"])
    story = estate["a"]["story"]

    direct = api.post(f"/pages/{story.pk}/actions/publish/")
    assert direct.status_code == 403 and "thẩm định" in vietnamese_error(direct)
    by_edit = api.patch(f"/pages/{story.pk}/", {"standfirst": "Sửa và đăng", "meta": {"action": "publish"}})
    assert by_edit.status_code == 403
    created = api.post(
        "/pages/",
        {
            "meta": {"type": "stories.StoryPage", "parent_id": editorial_site.stories.pk, "action": "publish"},
            "title": "Câu chuyện của biên tập viên",
            "standfirst": "x",
            "body": [],
        },
    )
    assert created.status_code == 403

    # Not while it waits for the review either.
    assert token_for(estate["producer_a"]).post(f"/pages/{story.pk}/actions/submit/").status_code == 200
    in_review = api.post(f"/pages/{story.pk}/actions/publish/")
    assert in_review.status_code == 403
    assert not StoryPage.objects.filter(live=True).exists()
    assert not PageLogEntry.objects.filter(action="wagtail.publish", page__in=StoryPage.objects.all()).exists()


def test_an_editors_token_does_not_publish_under_an_unpublished_section(estate, token_for, editorial_site):
    editorial_site.products.unpublish()
    product = estate["a"]["draft_product"]
    response = token_for(estate["editor"]).post(f"/pages/{product.pk}/actions/publish/")
    assert response.status_code == 400
    assert "chưa được xuất bản" in vietnamese_error(response)
    assert not ProductPage.objects.get(pk=product.pk).live


# --- tokens: who they speak for -----------------------------------------------------------------------


def test_a_revoked_expired_unknown_or_missing_token_is_a_401(estate, token_for, settings):
    product = estate["a"]["draft_product"]
    token, plaintext = APIToken.create_token(user=estate["editor"], name="Sắp thu hồi")
    api = TokenClient(plaintext)
    assert api.get(f"/pages/{product.pk}/").status_code == 200

    token.revoke()
    for client in (api, TokenClient(APIToken.generate_token()), TokenClient("sai"), TokenClient(None)):
        response = client.patch(f"/pages/{product.pk}/", {"summary": "x"})
        assert response.status_code == 401
        assert "Bearer" in vietnamese_error(response) and response["WWW-Authenticate"].startswith("Bearer")

    old, plaintext = APIToken.create_token(user=estate["editor"], name="Cũ")
    settings.API_TOKEN_MAX_AGE_DAYS = 30
    APIToken.objects.filter(pk=old.pk).update(created=old.created - __import__("datetime").timedelta(days=31))
    assert TokenClient(plaintext).get(f"/pages/{product.pk}/").status_code == 401

    estate["editor"].is_active = False
    estate["editor"].save()
    _, fresh = APIToken.create_token(user=estate["editor"], name="Tài khoản đã khoá")
    assert TokenClient(fresh).get(f"/pages/{product.pk}/").status_code == 401
    assert ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object().summary != "x"


def test_a_signed_in_session_without_a_token_cannot_read_or_write(estate):
    browser = Client()
    browser.force_login(estate["editor"])
    product = estate["a"]["draft_product"]
    assert browser.get(f"{API}/pages/{product.pk}/").status_code == 401
    response = browser.patch(f"{API}/pages/{product.pk}/", '{"summary": "x"}', content_type="application/json")
    assert response.status_code == 401
    assert browser.post(f"{API}/pages/{product.pk}/actions/publish/").status_code == 401
    assert not ProductPage.objects.get(pk=product.pk).live


def test_nothing_is_read_anonymously_not_even_public_pages(estate):
    anonymous = TokenClient(None)
    for path in ("/pages/", f"/pages/{estate['a']['live_product'].pk}/", "/pages/find/?html_path=/", "/images/"):
        assert anonymous.get(path).status_code == 401, path


def test_snippets_images_documents_sites_and_redirects_are_closed_to_tokens(estate, token_for):
    api = token_for(estate["editor"])
    for path in ("/images/", "/documents/", "/sites/", "/redirects/", "/snippets/tours.tour/"):
        response = api.get(path)
        assert response.status_code in (400, 403), (path, response.status_code)
        assert vietnamese_error(response)
    upload = api.client.post(f"{API}/images/", {"title": "x"}, headers=api.headers)
    assert upload.status_code in (400, 403)
    assert not get_image_model().objects.exists()


def test_a_producers_token_submits_its_product_to_the_editors_and_an_editor_approves_it(estate, token_for):
    api = token_for(estate["producer_a"])
    product = estate["a"]["live_product"]
    assert api.patch(f"/pages/{product.pk}/", {"summary": "Tóm tắt chờ duyệt"}).status_code == 200

    response = api.post(f"/pages/{product.pk}/actions/submit/")

    assert response.status_code == 200, response.json()
    assert response.json()["workflow"] == "Duyệt nội dung" and response.json()["status"] == "in_progress"
    product = ProductPage.objects.get(pk=product.pk)
    assert product.summary != "Tóm tắt chờ duyệt" and product.workflow_in_progress
    # The editor decides: its token publishes the submitted revision.
    assert token_for(estate["editor"]).post(f"/pages/{product.pk}/actions/publish/").status_code == 200
    assert ProductPage.objects.get(pk=product.pk).summary == "Tóm tắt chờ duyệt"


def test_a_story_sent_back_is_edited_and_resubmitted_through_the_api(estate, token_for, review_story):
    api = token_for(estate["producer_a"])
    story = estate["a"]["story"]
    review_story(story, submitter=estate["producer_a"], approve=False)
    assert StoryPage.objects.get(pk=story.pk).current_workflow_state.status == "needs_changes"

    assert api.patch(f"/pages/{story.pk}/", {"standfirst": "Đã bổ sung ảnh vườn."}).status_code == 200
    response = api.post(f"/pages/{story.pk}/actions/submit/")

    assert response.status_code == 200, response.json()
    story = StoryPage.objects.get(pk=story.pk)
    assert story.current_workflow_state.status == "in_progress" and not story.live


def test_a_producers_token_cannot_tell_its_story_about_another_producers_tour(estate, token_for):
    from tours.models import Tour

    theirs = Tour.objects.create(title="Tham quan xưởng miến", producer=estate["b"]["producer"], scenes=[])
    api = token_for(estate["producer_a"])
    story = estate["a"]["story"]
    response = api.patch(
        f"/pages/{story.pk}/",
        {"body": [{"type": "tour", "value": {"tour": theirs.pk}}]},
    )
    assert response.status_code == 400, response.json()
    assert response.json()["field"] == "body.0.tour"
    assert "chuyến tham quan ảo của chủ thể mình" in vietnamese_error(response)
