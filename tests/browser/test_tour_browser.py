"""A virtual tour in a real browser, on a phone-sized screen.

The product page ships a poster and a small script; the 360° viewer is fetched only when the
person opens the tour, draws without console errors, and moves to the next scene through a
hotspot, by touch or by keyboard. Without WebGL the poster and scene list stay.
"""

import io

import pytest
from django.core.files.images import ImageFile
from playwright.sync_api import expect

from demo.content import panoramas as demo_pictures
from images.models import PortalImage
from tours.models import Panorama, Tour

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.slow]

VIEWER_BUNDLE = "/static/dist/tour-viewer.js"


def demo_panorama(title: str, draw) -> Panorama:
    """A panorama from the demo's generated equirectangular pictures, uploaded like any image."""
    image = PortalImage.objects.create(title=title, file=ImageFile(io.BytesIO(draw()), name=f"{title}.jpg"))
    return Panorama.objects.create(title=title, image=image, caption=f"{title} của hợp tác xã", credit="HTX Krông Nô")


@pytest.fixture
def product_with_tour(make_product):
    product = make_product(title="Bơ núi lửa Krông Nô")
    orchard = demo_panorama("Vườn bơ", demo_pictures.orchard)
    room = demo_panorama("Nhà sơ chế", demo_pictures.packing_room)
    tour = Tour.objects.create(
        title="Một ngày ở HTX bơ núi lửa Krông Nô",
        scenes=[
            {
                "type": "scene",
                "value": {
                    "key": "vuon-bo",
                    "title": "Vườn bơ",
                    "panorama": orchard.pk,
                    "hotspots": [
                        {
                            "kind": "scene",
                            "label": "Vào nhà sơ chế",
                            "yaw": 40,
                            "pitch": -8,
                            "target_scene": "nha-so-che",
                        },
                        {"kind": "info", "label": "Đất đỏ bazan", "yaw": -20, "pitch": -15, "text": "Đất giữ ẩm."},
                    ],
                },
            },
            {
                "type": "scene",
                "value": {
                    "key": "nha-so-che",
                    "title": "Nhà sơ chế",
                    "panorama": room.pk,
                    "hotspots": [
                        {"kind": "scene", "label": "Ra vườn bơ", "yaw": -120, "pitch": -8, "target_scene": "vuon-bo"}
                    ],
                },
            },
        ],
    )
    product.tour = tour
    product.save_revision().publish()
    return product


def open_tour(page):
    page.locator("[data-tour-open]").click()
    page.wait_for_selector("[data-tour-frame][data-viewer-ready]")
    page.wait_for_selector('[data-tour-frame][data-current-scene="vuon-bo"]')


INSIDE_THE_VIEWER = """selector => {
    const frame = document.querySelector("[data-tour-frame]").getBoundingClientRect();
    const element = document.querySelector(selector);
    if (!element || element.style.display === "none") return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.left >= frame.left && box.right <= frame.right
        && box.top >= frame.top && box.bottom <= frame.bottom - 48;  // clear of the navbar
}"""


def turn_until_visible(page, selector: str, key: str = "ArrowRight", presses: int = 80):
    """Turns the view with the keyboard, as a person would, until `selector` is wholly in view."""
    page.locator("[data-tour-frame]").focus()
    for _ in range(presses):
        if page.evaluate(INSIDE_THE_VIEWER, selector):
            return page.locator(selector)
        page.keyboard.press(key)
        page.wait_for_timeout(60)
    raise AssertionError(f"{selector} never came into view")


def test_the_viewer_loads_only_when_the_tour_is_opened_and_walks_to_the_second_scene(
    product_with_tour, phone, screenshot
):
    page, log = phone
    page.goto(product_with_tour.url)
    assert page.locator(".tour__frame img").is_visible()
    assert not any(VIEWER_BUNDLE in url for url in log.requests), "the viewer must not load with the page"

    open_tour(page)
    assert any(VIEWER_BUNDLE in url for url in log.requests)
    assert page.locator("[data-tour-frame] canvas").count() == 1
    assert page.locator("[data-tour-status]").text_content() == "Đang xem: Vườn bơ"

    turn_until_visible(page, '[data-hotspot-scene="nha-so-che"]').click()
    page.wait_for_selector('[data-tour-frame][data-current-scene="nha-so-che"]')
    assert page.locator("[data-tour-status]").text_content() == "Đang xem: Nhà sơ chế"
    assert page.locator("[data-tour-caption]").text_content().startswith("Nhà sơ chế của hợp tác xã")
    assert page.locator('a[data-scene="nha-so-che"][aria-current]').count() == 1

    page.locator("section.tour").scroll_into_view_if_needed()
    page.wait_for_timeout(2500)  # the fade between scenes and the scroll, so that the shot shows the new scene
    assert screenshot(page, "tour-second-scene").stat().st_size > 10_000
    assert log.errors == []


def test_the_tour_works_with_the_keyboard_alone(product_with_tour, phone):
    page, log = phone
    page.emulate_media(reduced_motion="reduce")
    page.goto(product_with_tour.url)
    page.locator("[data-tour-open]").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-tour-frame][data-current-scene="vuon-bo"]')

    turn_until_visible(page, '[data-hotspot-scene="nha-so-che"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-tour-frame][data-current-scene="nha-so-che"]')

    # The page's scene list moves inside the open viewer rather than leaving the page.
    page.locator('a[data-scene="vuon-bo"]').click()
    page.wait_for_selector('[data-tour-frame][data-current-scene="vuon-bo"]')
    assert page.url.endswith(product_with_tour.url)
    assert log.errors == []


def test_without_webgl_the_poster_caption_and_scene_list_stay(product_with_tour, phone_without_webgl):
    page, log = phone_without_webgl
    page.goto(product_with_tour.url)
    page.locator("[data-tour-open]").click()

    # "Loading" first, then the verdict once the WebGL check has run.
    expect(page.locator("[data-tour-status]")).to_contain_text("thiếu WebGL")
    assert page.locator(".tour__frame img").is_visible()
    assert page.locator("[data-tour-caption]").text_content().startswith("Vườn bơ của hợp tác xã")
    assert page.locator("a[data-scene]").count() == 2
    assert not any(VIEWER_BUNDLE in url for url in log.requests)
    assert log.errors == []
