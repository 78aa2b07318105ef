"""A product's 3D model in a real browser, on a phone-sized screen.

The product page ships the poster and a small script; <model-viewer> is fetched only when the
person opens the model, then shows it (with an AR button for phones that can) without console
errors. Without WebGL the poster and the download link stay.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from demo.content import models3d as demo_models
from images.models import PortalImage
from tours.models import Model3D

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.slow]

VIEWER_BUNDLE = "/static/dist/model-viewer.js"


@pytest.fixture
def product_with_model(make_product):
    product = make_product(title="Bơ núi lửa Krông Nô")
    poster = PortalImage.objects.create(
        title="Quả bơ (mô hình 3D)", file=ImageFile(io.BytesIO(demo_models.poster()), name="bo-3d.jpg")
    )
    model = Model3D(
        title="Quả bơ núi lửa Krông Nô",
        file=ContentFile(demo_models.glb(), name="bo-nui-lua.glb"),
        poster=poster,
        alt="Quả bơ vỏ xanh thẫm, dáng quả lê.",
        credit="Mô hình minh họa",
    )
    model.full_clean()
    model.save()
    product.model3d = model
    product.save_revision().publish()
    return product


def test_the_model_viewer_loads_only_when_opened_and_shows_the_model(product_with_model, phone, screenshot):
    page, log = phone
    page.goto(product_with_model.url)
    assert page.locator("section.model3d img").is_visible()
    assert not any(VIEWER_BUNDLE in url for url in log.requests), "model-viewer must not load with the page"

    page.locator("[data-model3d-open]").click()
    viewer = page.locator("section.model3d model-viewer")
    viewer.wait_for()
    # A function, not an expression: Playwright polls an expression with eval(), which the CSP refuses.
    page.wait_for_function("() => document.querySelector('section.model3d model-viewer').loaded === true")
    assert any(VIEWER_BUNDLE in url for url in log.requests)
    assert viewer.get_attribute("alt") == "Quả bơ vỏ xanh thẫm, dáng quả lê."
    assert "webxr scene-viewer quick-look" == viewer.get_attribute("ar-modes")
    assert page.locator("[data-model3d-status]").text_content() == ""
    assert not page.locator("[data-model3d-open]").is_visible()

    page.locator("section.model3d").scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    assert screenshot(page, "model3d-open").stat().st_size > 10_000
    assert log.errors == []


def test_without_webgl_the_poster_and_download_stay(product_with_model, phone_without_webgl):
    page, log = phone_without_webgl
    page.goto(product_with_model.url)
    page.locator("[data-model3d-open]").click()

    assert "thiếu WebGL" in page.locator("[data-model3d-status]").text_content()
    assert page.locator("section.model3d img").is_visible()
    assert page.locator("section.model3d a[download]").get_attribute("href").endswith(".glb")
    assert not any(VIEWER_BUNDLE in url for url in log.requests)
    assert log.errors == []
