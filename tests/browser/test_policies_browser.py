"""The public site and the Wagtail admin work in a real browser under the site's own
Content-Security-Policy and Permissions-Policy, with no violation reported.

``no_policy_violations`` (conftest, autouse) fails every browser test on a violation; these
walks take the browser through what the policies could break: the home page, live search, a
product page with its 360° tour and 3D model open and its "copy link" button, and the admin —
logging in, editing a product (a StreamField block added, the image chooser, the live preview,
saving), and a reviewer's screen for a story in review. The first test shows that the guard
does catch a violation.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Workflow

from demo.content import models3d as demo_models
from demo.content import panoramas as demo_pictures
from images.models import PortalImage
from stories.roles import STORY_WORKFLOW
from tours.models import Model3D, Tour

from .conftest import _serve_media
from .test_tour_browser import demo_panorama

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.slow]

DESKTOP = {"viewport": {"width": 1400, "height": 1000}, "locale": "vi-VN"}
PASSWORD = "mat-khau-thu-nghiem"  # tests/conftest.py: make_user
# A function, not an expression: Playwright polls an expression with eval(), which the policy refuses.
MODEL_LOADED = "() => document.querySelector('section.model3d model-viewer')?.loaded === true"


@pytest.fixture
def product(make_producer, make_product):
    """A product with a cover image, a two-scene tour and a 3D model."""
    producer = make_producer(title="HTX Bơ núi lửa Krông Nô")
    orchard = demo_panorama("Vườn bơ", demo_pictures.orchard)
    room = demo_panorama("Nhà sơ chế", demo_pictures.packing_room)
    scene = {"type": "scene", "value": {"hotspots": []}}
    tour = Tour.objects.create(
        title="Một ngày ở HTX",
        scenes=[
            {**scene, "value": {"key": "vuon-bo", "title": "Vườn bơ", "panorama": orchard.pk, "hotspots": []}},
            {**scene, "value": {"key": "nha-so-che", "title": "Nhà sơ chế", "panorama": room.pk, "hotspots": []}},
        ],
    )
    poster = PortalImage.objects.create(
        title="Quả bơ (mô hình 3D)", file=ImageFile(io.BytesIO(demo_models.poster()), name="bo-3d.jpg")
    )
    model = Model3D(
        title="Quả bơ", file=ContentFile(demo_models.glb(), name="bo.glb"), poster=poster, alt="Quả bơ vỏ xanh."
    )
    model.full_clean()
    model.save()
    product = make_product(title="Bơ núi lửa Krông Nô", producer=producer, image=poster)
    product.tour, product.model3d = tour, model
    product.save_revision().publish()
    return product


def test_the_guard_reports_an_inline_script_and_an_inline_style_that_the_policy_refused(
    product, phone, no_policy_violations
):
    page, _ = phone
    page.goto(product.url)
    page.evaluate(
        """() => {
        const script = document.createElement("script");
        script.textContent = "window.__inlineRan = true";
        document.head.append(script);
        document.body.insertAdjacentHTML("beforeend", '<p style="color: red">injected</p>');
    }"""
    )
    assert page.evaluate("window.__inlineRan") is None, "the policy must refuse an inline script"
    # The reports come through a binding, a moment later: poll for them, with a deadline.
    for _ in range(50):
        if any("script-src" in v for v in no_policy_violations) and any("style-src" in v for v in no_policy_violations):
            break
        page.wait_for_timeout(100)
    reported = list(no_policy_violations)
    no_policy_violations.clear()  # seen: this test is about the guard, not the page
    assert any("script-src" in violation for violation in reported), reported
    assert any("style-src" in violation for violation in reported), reported


def test_home_page_live_search_and_a_product_with_its_tour_model_and_share_button(product, rebuild_index, phone):
    page, log = phone
    rebuild_index()
    response = page.goto("/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    expect(page.get_by_role("heading", level=1, name="Sản phẩm OCOP Việt Nam")).to_be_visible()

    # Live search: suggestions as the visitor types, then the results.
    page.goto("/tim-kiem/")
    box = page.get_by_role("combobox", name="Tìm sản phẩm, chủ thể hoặc câu chuyện")
    box.press_sequentially("bo nui")
    expect(page.get_by_role("option").first).to_contain_text("Bơ núi lửa Krông Nô")
    expect(page.locator("#search-list > li").first).to_contain_text("Bơ núi lửa Krông Nô")

    # The product page: its tour, its 3D model and the "copy link" button.
    page.goto(product.url)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator("[data-tour-open]").click()
    page.wait_for_selector('[data-tour-frame][data-viewer-ready][data-current-scene="vuon-bo"]')
    assert page.locator("[data-tour-frame] canvas").count() == 1
    page.locator("[data-model3d-open]").click()
    page.wait_for_function(MODEL_LOADED)
    page.locator(".share__copy").click()
    expect(page.locator(".share__status")).to_have_text("Đã sao chép liên kết.")
    assert log.errors == []


# --- the admin --------------------------------------------------------------------------------------


@pytest.fixture
def desktop(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, **DESKTOP)
    context.route("**/media/**", _serve_media)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def log_in(page, user):
    """Through the admin's own login form, as a person does."""
    page.goto("/admin/login/")
    page.locator('input[name="username"]').fill(user.username)
    page.locator('input[name="password"]').fill(PASSWORD)
    with page.expect_navigation():
        page.locator('form button[type="submit"]').click()
    assert page.url.endswith("/admin/"), page.url


def test_an_editor_logs_in_edits_a_product_chooses_an_image_previews_and_saves(product, make_user, desktop):
    page = desktop
    log_in(page, make_user("editor"))
    response = page.goto(reverse("wagtailadmin_pages:edit", args=[product.pk]))
    assert "content-security-policy" in response.headers

    # A paragraph block added to the description (StreamField, drawn by Wagtail's scripts).
    body = page.locator('[data-contentpath="body"]')
    body.locator("button.c-sf-add-button").click()
    page.get_by_role("option", name="Đoạn văn").click()
    editor = body.locator('[contenteditable="true"]').first
    editor.click()
    editor.press_sequentially("Quả bơ sáp dẻo, béo.")

    # The image chooser opens in its modal and lists the images.
    chooser = page.locator("#id_image-chooser")
    chooser.locator(".w-dropdown__toggle").click()
    chooser.locator(".w-dropdown [data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    expect(modal.get_by_text("Quả bơ (mô hình 3D)").first).to_be_visible()
    modal.get_by_role("button", name="Đóng").click()
    expect(modal).to_be_hidden()

    # The live preview, in the side panel's frame.
    page.locator('button[data-side-panel-toggle="preview"]').click()
    # (Wagtail loads each preview into a second frame, then swaps it in: the one with an address.)
    preview = page.frame_locator("iframe.w-preview__iframe[src]")
    expect(preview.locator("h1")).to_have_text("Bơ núi lửa Krông Nô", timeout=20_000)

    with page.expect_navigation():
        page.locator("button.action-save").first.click()
    expect(page.locator(".messages")).to_contain_text("Bơ núi lửa Krông Nô")
    product.refresh_from_db()
    draft = product.get_latest_revision_as_object()
    assert "Quả bơ sáp dẻo, béo." in str(draft.body)


def test_a_reviewer_opens_a_story_in_review(make_story, make_user, cooperative_with_story, desktop):
    story, reviewer = cooperative_with_story
    page = desktop
    log_in(page, reviewer)
    page.goto(reverse("story_reviews:workspace", args=[story.current_workflow_task_state.pk]))
    expect(page.locator("h1, h2").filter(has_text=story.title).first).to_be_visible()
    page.goto(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    expect(page.locator("form#page-edit-form")).to_be_visible()


@pytest.fixture
def cooperative_with_story(make_producer, make_product, make_story, make_user):
    producer = make_producer(title="HTX Bơ núi lửa Krông Nô")
    products = [make_product(producer=producer, title="Bơ núi lửa Krông Nô")]
    author = make_user("producer", producer=producer)
    story = make_story(producer, products=products, owner=author, title="Mười năm giữ vườn bơ")
    Workflow.objects.get(name=STORY_WORKFLOW).start(story, author)
    story.refresh_from_db()
    return story, make_user("reviewer")
