"""Who may do what, tested through the admin URLs (not by looking at buttons).

Two producers, A and B, each with a live product, a draft product, a producer
page and stories. A producer account of A must reach everything of A that it may
edit, and nothing of B — not even by typing the URL.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accounts.roles import PRODUCERS, producer_collection
from catalogue.models import ProductPage
from stories.models import StoryPage, VerificationEvidence

pytestmark = pytest.mark.django_db


def denied(response) -> bool:
    """Wagtail refuses with 403/404, or by sending the user to the admin home with an error."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response.url in (reverse("wagtailadmin_home"), "/admin/")


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


class Estate:
    """One producer's pages."""

    def __init__(self, producer, live_product, draft_product, story, review_state):
        self.producer = producer
        self.live_product = live_product
        self.draft_product = draft_product
        self.story = story
        self.review_state = review_state


@pytest.fixture
def estates(make_producer, make_product, make_story, make_user, editorial_site):
    from wagtail.models import Workflow

    from stories.roles import STORY_WORKFLOW

    result = {}
    for key, name in (("a", "HTX Bơ núi lửa"), ("b", "HTX Miến dong")):
        producer = make_producer(title=name)
        live_product = make_product(producer=producer, title=f"Sản phẩm công khai {name}")
        draft_product = make_product(producer=producer, title=f"Sản phẩm nháp bí mật {name}", live=False)
        story = make_story(producer, title=f"Câu chuyện đang thẩm định {name}")
        Workflow.objects.get(name=STORY_WORKFLOW).start(story, None)
        story.refresh_from_db()
        review_state = story.current_workflow_task_state
        VerificationEvidence.objects.create(
            review=review_state,
            method="documents",
            checked_on=datetime.date(2025, 3, 1),
            notes="Bản sao quyết định OCOP.",
            file=SimpleUploadedFile("quyet-dinh.pdf", b"%PDF-1.4\n%%EOF\n"),
        )
        result[key] = Estate(producer, live_product, draft_product, story, review_state)
    return result


@pytest.fixture
def users(make_user, estates):
    return {
        "producer_a": make_user("producer", producer=estates["a"].producer),
        "reviewer": make_user("reviewer"),
        "editor": make_user("editor"),
    }


def page_urls(page) -> dict[str, str]:
    """Admin URLs that show or change one page (GET)."""
    revision_id = (page.get_latest_revision() or page.save_revision()).pk
    return {
        "edit": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "view draft": reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        "revision": reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision_id]),
        "history": reverse("wagtailadmin_pages:history", args=[page.pk]),
        "workflow history": reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        "delete": reverse("wagtailadmin_pages:delete", args=[page.pk]),
        "move": reverse("wagtailadmin_pages:move", args=[page.pk]),
        "copy": reverse("wagtailadmin_pages:copy", args=[page.pk]),
        "privacy": reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
    }


# --- producer account × other producer's pages: nothing --------------------------------------


@pytest.mark.parametrize("page_kind", ["producer", "live_product", "draft_product", "story"])
def test_a_producer_reaches_no_view_of_another_producers_page(users, estates, page_kind):
    page = getattr(estates["b"], page_kind)
    client = logged_in(users["producer_a"])
    for action, url in page_urls(page).items():
        response = client.get(url)
        assert denied(response), f"{action} of B's {page_kind}: {response.status_code}"
    preview = client.post(reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), {})
    assert denied(preview)


def test_a_producer_cannot_change_another_producers_page_by_posting(users, estates):
    page = estates["b"].draft_product
    client = logged_in(users["producer_a"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        nested_form_data({"title": "Chiếm trang", "slug": page.slug, "summary": "x", "body": streamfield([])}),
    )
    assert denied(response)
    assert ProductPage.objects.get(pk=page.pk).title == page.title
    assert denied(client.post(reverse("wagtailadmin_pages:delete", args=[page.pk])))
    assert ProductPage.objects.filter(pk=page.pk).exists()


def test_a_producer_never_sees_another_producers_drafts_in_listings_search_or_choosers(users, estates, editorial_site):
    client = logged_in(users["producer_a"])
    secret = estates["b"].draft_product.title
    pages = [
        reverse("wagtailadmin_explore", args=[editorial_site.products.pk]),
        reverse("wagtailadmin_explore", args=[editorial_site.stories.pk]),
        reverse("wagtailadmin_pages:search") + "?q=nháp",
        reverse("wagtailadmin_choose_page_child", args=[editorial_site.products.pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=nháp",
        reverse("wagtailadmin_home"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert secret not in html, url
        assert estates["b"].story.title not in html, url
    # ...while its own draft is there to work on.
    explorer = client.get(reverse("wagtailadmin_explore", args=[editorial_site.products.pk])).content.decode()
    assert estates["a"].draft_product.title in explorer


def test_a_producer_reaches_no_evidence_review_or_image_of_another_producer(users, estates, editorial_site):
    client = logged_in(users["producer_a"])
    evidence = VerificationEvidence.objects.get(review=estates["b"].review_state)
    assert denied(client.get(reverse("story_reviews:evidence_file", args=[evidence.pk])))
    assert denied(client.get(reverse("story_reviews:workspace", args=[estates["b"].review_state.pk])))
    assert denied(client.get(reverse("story_reviews:queue")))
    # Evidence stays with the desk even for the producer's own story.
    own = VerificationEvidence.objects.get(review=estates["a"].review_state)
    assert denied(client.get(reverse("story_reviews:evidence_file", args=[own.pk])))

    image = get_image_model().objects.create(
        title="Ảnh vườn miến dong",
        file=SimpleUploadedFile("vuon.png", _png()),
        collection=producer_collection(estates["b"].producer),
    )
    assert denied(client.get(reverse("wagtailimages:edit", args=[image.pk])))
    assert denied(client.post(reverse("wagtailimages:delete", args=[image.pk])))
    assert get_image_model().objects.filter(pk=image.pk).exists()
    chooser = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert "Ảnh vườn miến dong" not in chooser


def test_evidence_files_need_a_login(client, estates):
    evidence = VerificationEvidence.objects.get(review=estates["a"].review_state)
    response = client.get(reverse("story_reviews:evidence_file", args=[evidence.pk]))
    assert response.status_code == 302 and "/login/" in response.url
    # And no public URL serves them: they live outside MEDIA_ROOT with no base URL.
    with pytest.raises(ValueError):
        evidence.file.url  # noqa: B018


# --- producer account × own pages: edit and submit, never publish -------------------------


def test_a_producer_edits_and_previews_its_own_pages(users, estates):
    client = logged_in(users["producer_a"])
    for page_kind in ("producer", "live_product", "draft_product"):
        page = getattr(estates["a"], page_kind)
        urls = page_urls(page)
        for action in ("edit", "revision", "history", "view draft"):
            assert client.get(urls[action]).status_code == 200, f"{action} of own {page_kind}"
        for action in ("move", "copy", "privacy"):
            assert denied(client.get(urls[action])), f"{action} of own {page_kind}"


def test_a_producer_cannot_publish_unpublish_or_delete_what_is_live(users, estates):
    client = logged_in(users["producer_a"])
    product = estates["a"].live_product
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[product.pk]),
        nested_form_data(
            {
                "title": product.title,
                "slug": product.slug,
                "summary": "Tóm tắt mới của chủ thể.",
                "origin_legacy_address": "",
                "origin_province": product.origin_province_id,
                "origin_ward": "",
                "geographical_indication": "",
                "gtin": "",
                "marketplace_links": inline_formset([]),
                "gallery_images": inline_formset([]),
                "body": streamfield([]),
                "action-publish": "action-publish",
            }
        ),
    )
    assert response.status_code == 302
    product = ProductPage.objects.get(pk=product.pk)
    assert product.summary != "Tóm tắt mới của chủ thể."  # saved as a draft, not published
    assert product.get_latest_revision_as_object().summary == "Tóm tắt mới của chủ thể."

    assert denied(client.get(reverse("wagtailadmin_pages:unpublish", args=[product.pk])))
    assert denied(client.post(reverse("wagtailadmin_pages:unpublish", args=[product.pk])))
    assert denied(client.post(reverse("wagtailadmin_pages:delete", args=[product.pk])))
    assert ProductPage.objects.get(pk=product.pk).live

    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{bulk}?id={estates['a'].draft_product.pk}", {})
    assert not ProductPage.objects.get(pk=estates["a"].draft_product.pk).live


def test_a_producer_cannot_change_the_ocop_rating_of_its_product(users, estates):
    client = logged_in(users["producer_a"])
    product = estates["a"].live_product
    form = client.get(reverse("wagtailadmin_pages:edit", args=[product.pk])).context["form"]
    assert {"stars", "score_production", "decision_number", "expires_on", "producer", "featured"}.isdisjoint(
        form.fields
    )


def test_a_producer_creates_stories_but_not_products_or_producers(users, estates, editorial_site):
    client = logged_in(users["producer_a"])
    add = "wagtailadmin_pages:add"
    assert client.get(reverse(add, args=("stories", "storypage", editorial_site.stories.pk))).status_code == 200
    assert denied(client.get(reverse(add, args=("catalogue", "productpage", editorial_site.products.pk))))
    assert denied(client.get(reverse(add, args=("catalogue", "producerpage", editorial_site.producers.pk))))

    # A new story is always the producer's own, whatever is posted.
    response = client.post(
        reverse(add, args=("stories", "storypage", editorial_site.stories.pk)),
        nested_form_data(
            {
                "title": "Chuyện của chúng tôi",
                "slug": "chuyen-cua-chung-toi",
                "producer": estates["b"].producer.pk,
                "standfirst": "Sapo.",
                "author_name": "",
                "cover_image": "",
                "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
                "product_links": inline_formset([]),
                "action-publish": "action-publish",
            }
        ),
    )
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="chuyen-cua-chung-toi")
    assert story.producer_id == estates["a"].producer.pk and not story.live


def test_a_producer_uploads_into_its_own_collection_only(users, estates):
    client = logged_in(users["producer_a"])
    own = producer_collection(estates["a"].producer)
    other = producer_collection(estates["b"].producer)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Vườn bơ", "file": SimpleUploadedFile("vuon-bo.png", _png()), "collection": own.pk},
    )
    assert response.status_code == 302
    assert get_image_model().objects.get(title="Vườn bơ").collection_id == own.pk
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh lấn sân", "file": SimpleUploadedFile("lan-san.png", _png()), "collection": other.pk},
    )
    # Refused, or (with one collection to choose from) put into the producer's own collection.
    assert not get_image_model().objects.filter(collection=other).exists()
    assert not get_image_model().objects.filter(collection=Collection.get_first_root_node()).exists()


# --- reviewers and editors ----------------------------------------------------------------------


def test_a_reviewer_reviews_stories_but_edits_no_catalogue_page(users, estates):
    client = logged_in(users["reviewer"])
    assert client.get(reverse("story_reviews:workspace", args=[estates["b"].review_state.pk])).status_code == 200
    evidence = VerificationEvidence.objects.get(review=estates["b"].review_state)
    assert client.get(reverse("story_reviews:evidence_file", args=[evidence.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[estates["b"].story.pk])).status_code == 200
    for page in (estates["a"].live_product, estates["a"].producer):
        assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))


def test_an_editor_manages_everything_but_cannot_publish_a_story_around_the_review(users, estates):
    client = logged_in(users["editor"])
    for estate in estates.values():
        for page in (estate.producer, estate.live_product, estate.draft_product, estate.story):
            assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    assert client.get(reverse("story_reviews:workspace", args=[estates["a"].review_state.pk])).status_code == 200

    story = estates["a"].story
    assert not story.permissions_for_user(users["editor"]).can_publish()
    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{bulk}?id={story.pk}", {})
    assert not StoryPage.objects.get(pk=story.pk).live

    product = estates["a"].draft_product
    client.post(f"{bulk}?id={product.pk}", {})
    assert ProductPage.objects.get(pk=product.pk).live


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_producer_cannot_publish_or_read_others_through_the_admin_api(users, estates):
    client = logged_in(users["producer_a"])
    own_draft = estates["a"].draft_product
    response = client.post(f"/admin/api/main/pages/{own_draft.pk}/action/publish/", {}, content_type="application/json")
    assert response.status_code in (400, 403)
    assert not ProductPage.objects.get(pk=own_draft.pk).live
    assert client.get(f"/admin/api/main/pages/{estates['b'].draft_product.pk}/").status_code == 404
    listing = client.get("/admin/api/main/pages/?search=nháp").content.decode()
    assert estates["b"].draft_product.title not in listing


def test_a_producers_product_edit_goes_live_when_an_editor_approves_it(users, estates):
    from wagtail.models import WorkflowState

    product = estates["a"].live_product
    producer = logged_in(users["producer_a"])
    form = producer.get(reverse("wagtailadmin_pages:edit", args=[product.pk])).context["form"]
    data = {name: form[name].value() for name in form.fields if name not in form.formsets}
    data.update(summary="Bơ chín cây, cơm vàng dẻo.", body=streamfield([]))
    data.update(marketplace_links=inline_formset([]), gallery_images=inline_formset([]))
    data = {key: ("" if value is None else value) for key, value in data.items()}
    data["certifications"] = [str(pk) for pk in data.get("certifications") or []]
    data["action-submit"] = "action-submit"
    response = producer.post(reverse("wagtailadmin_pages:edit", args=[product.pk]), nested_form_data(data))
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(product.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert ProductPage.objects.get(pk=product.pk).summary != "Bơ chín cây, cơm vàng dẻo."

    editor = logged_in(users["editor"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[product.pk, "approve", state.current_task_state.pk])
    assert editor.post(url, {}).status_code == 302
    assert ProductPage.objects.get(pk=product.pk).summary == "Bơ chín cây, cơm vàng dẻo."


def test_no_admin_report_shows_a_producer_another_producers_pages(users, estates):
    client = logged_in(users["producer_a"])
    estates["b"].draft_product.save_revision(user=users["editor"], log_action=True)
    for name in ("site_history", "workflow", "workflow_tasks", "aging_pages", "locked_pages", "page_types_usage"):
        url = reverse(f"wagtailadmin_reports:{name}")
        response = client.get(url)
        assert denied(response), url  # reports are for the programme's editors
        html = response.content.decode()
        for estate_page in (estates["b"].draft_product, estates["b"].story):
            assert estate_page.title not in html, f"{estate_page.title} in {url}"
    assert logged_in(users["editor"]).get(reverse("wagtailadmin_reports:site_history")).status_code == 200


def test_an_account_taken_from_its_producer_leaves_the_producers_groups(make_user, make_producer):
    from accounts.models import ProducerAccount

    user = make_user("producer", producer=make_producer())
    assert user.groups.filter(name__startswith=PRODUCERS).count() == 2  # the role and its own producer's
    ProducerAccount.objects.get(user=user).delete()
    assert not user.groups.filter(name__startswith=PRODUCERS).exists()
    assert not user.has_perm("scans.add_scancode")
