"""Placing a tour's hotspots in the admin by clicking in the panorama, in a real browser.

An editor, or a producer account with its own tour, opens the tour in Wagtail's admin on a
desktop-sized screen, presses "Chọn vị trí trên ảnh 360°" beside a hotspot's angles, clicks in
the live panorama and saves: the angles saved are where the click was. Also: hotspots added after
the page loaded get the button; the scene's other hotspots are drawn in; the keyboard places a
hotspot; Esc keeps the old position; a scene with no panorama says so; the Panorama form takes
its opening view from the viewer.
"""

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from demo.content import panoramas as demo_pictures
from tours.models import Tour

from .conftest import BrowserLog, _serve_media
from .test_tour_browser import demo_panorama

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.slow]

DESKTOP = {"viewport": {"width": 1400, "height": 1000}, "locale": "vi-VN"}
PICKER = "[data-hotspot-picker-viewer]"
READY = f"{PICKER}[data-viewer-ready]"


@pytest.fixture
def orchard():
    panorama = demo_panorama("Vườn bơ", demo_pictures.orchard)
    panorama.initial_yaw, panorama.initial_pitch = 60, 10
    panorama.save()
    return panorama


@pytest.fixture
def tour(orchard):
    room = demo_panorama("Nhà sơ chế", demo_pictures.packing_room)
    return Tour.objects.create(
        title="Một ngày ở HTX bơ núi lửa Krông Nô",
        scenes=[
            {
                "type": "scene",
                "value": {
                    "key": "vuon-bo",
                    "title": "Vườn bơ",
                    "panorama": orchard.pk,
                    "hotspots": [
                        {"kind": "info", "label": "Đất đỏ bazan", "yaw": -20, "pitch": -15, "text": "Đất giữ ẩm."},
                        {
                            "kind": "scene",
                            "label": "Vào nhà sơ chế",
                            "yaw": 40,
                            "pitch": -8,
                            "target_scene": "nha-so-che",
                        },
                    ],
                },
            },
            {
                "type": "scene",
                "value": {"key": "nha-so-che", "title": "Nhà sơ chế", "panorama": room.pk, "hotspots": []},
            },
        ],
    )


@pytest.fixture
def role():
    return "editor"


@pytest.fixture
def account(role, tour, make_user, make_producer):
    """An editor, or a producer account whose producer owns the tour and its panoramas."""
    if role == "editor":
        return make_user("editor")
    producer = make_producer(title="HTX Bơ núi lửa Krông Nô")
    panoramas = [scene.value["panorama"] for scene in tour.scenes]
    for item in (tour, *panoramas):
        item.producer = producer
        item.save()
    return make_user("producer", producer=producer)


@pytest.fixture
def admin_page(chromium, live_server, account):
    """A desktop-sized page in Chromium, logged into the admin as `account` (through the session cookie)."""
    client = Client()
    client.force_login(account)
    context = chromium.new_context(base_url=live_server.url, **DESKTOP)
    cookie = django_settings.SESSION_COOKIE_NAME
    context.add_cookies([{"name": cookie, "value": client.cookies[cookie].value, "url": live_server.url}])
    context.route(f"**{django_settings.MEDIA_URL}**", _serve_media)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page, BrowserLog(page)
    context.close()


def hotspot(scene: int, index: int) -> str:
    """The form prefix of a hotspot's fields, as Wagtail names them."""
    return f"scenes-{scene}-value-hotspots-{index}-value"


def save(page):
    with page.expect_navigation():
        page.locator("button.action-save").first.click()
    assert "Đã lưu" in page.locator(".messages").text_content()


def field(page, name):
    return page.locator(f'[name="{name}"]')


def value(page, name) -> float:
    return float(field(page, name).input_value())


def view(page) -> tuple[float, float]:
    """Where the open picker looks now (the viewer's own yaw and pitch, in the portal's degrees)."""
    frame = page.locator(PICKER)
    return float(frame.get_attribute("data-view-yaw")), float(frame.get_attribute("data-view-pitch"))


def open_picker(page, prefix: str):
    page.locator(f'[data-hotspot-picker-for="{prefix}"] [data-hotspot-picker]').click()
    page.wait_for_selector(READY)


def wait_until_closed(page):
    """The dialog closes in a task of its own (its "close" event): wait for it to be gone."""
    page.locator("dialog.hotspot-picker").wait_for(state="detached", timeout=5_000)


def click_in_viewer(page, dx: float = 0, dy: float = 0) -> tuple[float, float]:
    """Clicks `dx`, `dy` pixels from the middle of the viewer; returns where, in page pixels."""
    box = page.locator(PICKER).bounding_box()
    x, y = box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2 + dy
    page.mouse.click(x, y)
    return x, y


def wait_until_still(page):
    """Until the view stops moving (the keyboard turns it with some inertia): the same reading
    three times over 450 ms, as a busy machine can skip a frame or two."""
    readings = []
    for _ in range(60):
        page.wait_for_timeout(150)
        readings = [*readings[-2:], view(page)]
        if len(readings) == 3 and len(set(readings)) == 1:
            return readings[-1]
    raise AssertionError("the view never stopped moving")


def turn(page, key: str, milliseconds: int = 600, attempts: int = 5):
    """Turns the view with an arrow key held down, as a person would; returns where it settles.

    On a loaded machine the first key press can land before the viewer listens to the keyboard
    (it starts when the picture is drawn): like a person, press again until the view moves.
    """
    page.locator(PICKER).focus()
    start = view(page)
    for _ in range(attempts):
        page.keyboard.down(key)
        page.wait_for_timeout(milliseconds)
        page.keyboard.up(key)
        settled = wait_until_still(page)
        if angle_between(settled[0], start[0]) > 5:
            return settled
    return settled


def angle_between(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


@pytest.mark.parametrize("role", ["editor", "producer"])
def test_a_hotspot_is_added_and_placed_by_clicking_in_the_panorama(role, tour, orchard, admin_page, screenshot):
    page, log = admin_page
    page.goto(reverse("wagtailsnippets_tours_tour:edit", args=[tour.pk]))
    assert page.locator("[data-hotspot-picker]").count() == 2  # one per hotspot on the page

    # A new hotspot, added after the page loaded: no angle is typed anywhere.
    page.locator('[name="scenes-0-value-panorama"]').wait_for(state="attached")
    page.locator("[data-streamfield-list-add]").nth(2).click()  # after the scene's second hotspot
    new = hotspot(0, 2)
    field(page, f"{new}-label").fill("Cây bơ Booth 7")
    field(page, f"{new}-text").fill("Cây ghép, cho quả từ năm thứ ba.")
    assert field(page, f"{new}-yaw").input_value() == ""

    open_picker(page, new)
    # Nothing placed yet: the picker opens on the panorama's own initial view, the others drawn in.
    assert view(page) == (60.0, 10.0)
    assert page.locator(f"{PICKER} .hotspot-picker__marker--info").count() == 1
    assert page.locator(f"{PICKER} .hotspot-picker__marker--scene").count() == 1
    assert page.locator("[data-hotspot-picker-marker]").count() == 0

    click_in_viewer(page)  # the middle of the view: where the viewer looks
    yaw, pitch = value(page, f"{new}-yaw"), value(page, f"{new}-pitch")
    assert angle_between(yaw, 60) < 1.5 and abs(pitch - 10) < 1.5, (yaw, pitch)
    assert page.locator("[data-hotspot-picker-marker]").count() == 1
    assert page.locator("[data-hotspot-picker-readout]").text_content() == (
        f"Vị trí: hướng {yaw:.1f}°, góc ngẩng {pitch:.1f}°.".replace("-", "−")
    )
    page.wait_for_timeout(300)
    screenshot(page, f"admin-hotspot-picker-{role}")
    page.get_by_role("button", name="Dùng vị trí này").click()
    wait_until_closed(page)
    assert (value(page, f"{new}-yaw"), value(page, f"{new}-pitch")) == (yaw, pitch)

    save(page)
    tour.refresh_from_db()
    hotspots = tour.scenes[0].value["hotspots"]
    assert [(h["label"], h["yaw"], h["pitch"]) for h in hotspots] == [
        ("Đất đỏ bazan", -20, -15),
        ("Vào nhà sơ chế", 40, -8),
        ("Cây bơ Booth 7", yaw, pitch),
    ]
    assert log.errors == []


def test_the_picker_follows_the_view_the_keyboard_and_esc(tour, admin_page):
    page, log = admin_page
    page.goto(reverse("wagtailsnippets_tours_tour:edit", args=[tour.pk]))
    first = hotspot(0, 0)

    open_picker(page, first)
    # It opens where the hotspot is, with its marker there and the scene's other hotspot drawn in.
    assert view(page) == (-20.0, -15.0)
    assert page.locator("[data-hotspot-picker-marker]").count() == 1
    assert page.locator(f"{PICKER} .hotspot-picker__marker--scene").count() == 1

    # Turned to the right with the keyboard, a click in the middle is where the viewer now looks.
    looking = turn(page, "ArrowRight")
    assert angle_between(looking[0], -20) > 5, looking
    click_in_viewer(page)
    yaw, pitch = value(page, f"{first}-yaw"), value(page, f"{first}-pitch")
    assert angle_between(yaw, looking[0]) < 1.5 and abs(pitch - looking[1]) < 1.5, (yaw, pitch, looking)

    # Right of the middle is further right (a larger yaw); the marker is drawn where the click was.
    page.wait_for_timeout(400)  # the viewer takes two clicks within 300 ms for a double click
    x, y = click_in_viewer(page, dx=250, dy=-120)
    right, up = value(page, f"{first}-yaw"), value(page, f"{first}-pitch")
    assert 10 < (right - yaw) % 360 < 90 and up > pitch + 5, (right, up)
    page.wait_for_timeout(200)
    marker = page.locator("[data-hotspot-picker-marker]").bounding_box()
    assert abs(marker["x"] + marker["width"] / 2 - x) < 4 and abs(marker["y"] + marker["height"] / 2 - y) < 4

    # Esc closes the picker and keeps the hotspot where it was.
    page.keyboard.press("Escape")
    wait_until_closed(page)
    assert (value(page, f"{first}-yaw"), value(page, f"{first}-pitch")) == (-20, -15)
    assert page.locator(f'[data-hotspot-picker-for="{first}"] [data-hotspot-picker]').evaluate(
        "button => button === document.activeElement"
    )

    # With the keyboard alone: open, turn, Enter places it in the middle, "Dùng vị trí này" keeps it.
    page.keyboard.press("Enter")
    page.wait_for_selector(READY)
    looking = turn(page, "ArrowLeft")
    page.keyboard.press("Enter")
    yaw, pitch = value(page, f"{first}-yaw"), value(page, f"{first}-pitch")
    assert angle_between(yaw, looking[0]) < 0.2 and abs(pitch - looking[1]) < 0.2
    assert angle_between(yaw, -20) > 5
    page.get_by_role("button", name="Dùng vị trí này").focus()
    page.keyboard.press("Enter")
    wait_until_closed(page)
    assert (value(page, f"{first}-yaw"), value(page, f"{first}-pitch")) == (yaw, pitch)
    assert log.errors == []


def test_a_scene_without_a_panorama_says_so_instead_of_opening(tour, admin_page):
    page, log = admin_page
    page.goto(reverse("wagtailsnippets_tours_tour:edit", args=[tour.pk]))
    page.locator('[name="scenes-1-value-panorama"]').wait_for(state="attached")
    # A third scene, added now: its panorama is not chosen yet; then a hotspot is added to it.
    page.locator("button.c-sf-add-button:not([data-streamfield-list-add])").last.click()
    field(page, "scenes-2-value-key").wait_for()
    page.locator('[data-contentpath="hotspots"]').nth(2).locator("[data-streamfield-list-add]").first.click()
    picker = page.locator(f'[data-hotspot-picker-for="{hotspot(2, 0)}"]')
    picker.locator("[data-hotspot-picker]").click()
    note = picker.locator("[data-hotspot-picker-note]")
    assert "chưa có ảnh 360°" in note.text_content()
    page.wait_for_timeout(500)
    assert page.locator("dialog.hotspot-picker").count() == 0
    assert not any("hotspot-picker.js" in url for url in log.requests if "/dist/" in url)  # nothing loaded
    assert log.errors == []


def test_the_panorama_form_takes_its_opening_view_from_the_viewer(orchard, admin_page, screenshot):
    page, log = admin_page
    page.goto(reverse("wagtailsnippets_tours_panorama:edit", args=[orchard.pk]))
    page.locator("[data-view-picker]").click()
    page.wait_for_selector(READY)
    assert view(page) == (60.0, 10.0)
    looking = turn(page, "ArrowLeft")
    assert angle_between(looking[0], 60) > 5
    zoom = int(page.locator(PICKER).get_attribute("data-view-zoom"))
    assert page.locator("[data-hotspot-picker-readout]").text_content().startswith("Góc nhìn: hướng ")
    screenshot(page, "admin-initial-view-picker")
    looking = wait_until_still(page)
    page.get_by_role("button", name="Dùng góc nhìn này").click()
    wait_until_closed(page)
    assert (value(page, "initial_yaw"), value(page, "initial_pitch")) == looking

    page.locator("[data-view-picker]").scroll_into_view_if_needed()
    screenshot(page, "admin-initial-view-form")
    save(page)
    orchard.refresh_from_db()
    assert (orchard.initial_yaw, orchard.initial_pitch, orchard.initial_zoom) == (*looking, zoom)
    assert log.errors == []
