"""The admin's 360° pickers, server side: the JSON they draw from, and the forms that load them.

The picture behind a tour's hotspot picker (``…/tours/panorama/<pk>/preview.json``) and behind
the Panorama form's initial-view picker (``…/tours/image/<pk>/preview.json``) answer a producer
account for its own panoramas and images only — 404 otherwise, like the rest of the admin —
editors for every one, and nobody who is not logged in. (The pickers themselves, clicked in a
real browser: tests/browser/test_hotspot_picker_browser.py.)
"""

import io
import json
import re
from html import unescape

import pytest
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from accounts.roles import producer_collection
from tours.hotspot_picker import HOTSPOT_SCRIPT, PANORAMA_VIEW_SCRIPT
from tours.models import Panorama, Tour

pytestmark = pytest.mark.django_db


def equirectangular(title, collection=None):
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 1200), (30, 110, 60)).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title=title,
        file=ImageFile(buffer, name="canh-360.jpg"),
        collection=collection or Collection.get_first_root_node(),
    )


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def panorama_url(panorama) -> str:
    return reverse("tours_panorama_preview", args=[panorama.pk])


def image_url(image) -> str:
    return reverse("tours_image_preview", args=[image.pk])


@pytest.fixture
def estates(make_producer):
    """Producers A and B, each with an image in its own collection, a panorama and a tour."""
    result = {}
    for key, name in (("a", "HTX Bơ núi lửa"), ("b", "HTX Miến dong")):
        producer = make_producer(title=name)
        image = equirectangular(f"Ảnh của {name}", producer_collection(producer))
        panorama = Panorama.objects.create(title=f"Cảnh của {name}", image=image, producer=producer, initial_yaw=30)
        tour = Tour.objects.create(
            title=f"Tham quan {name}",
            producer=producer,
            scenes=[{"type": "scene", "value": {"key": "dau", "title": "Đầu", "panorama": panorama.pk}}],
        )
        result[key] = {"producer": producer, "image": image, "panorama": panorama, "tour": tour}
    image = equirectangular("Ảnh toàn cảnh của tỉnh")
    result["editors"] = {"image": image, "panorama": Panorama.objects.create(title="Toàn cảnh", image=image)}
    return result


@pytest.fixture
def producer_a(make_user, estates):
    return logged_in(make_user("producer", producer=estates["a"]["producer"]))


def test_a_producer_gets_its_own_panorama_as_the_viewer_does(producer_a, estates):
    own = estates["a"]["panorama"]
    response = producer_a.get(panorama_url(own))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    data = response.json()
    assert data == json.loads(json.dumps(own.as_json()))
    assert data["initial_view"] == {"yaw": 30, "pitch": 0, "zoom": 50}
    assert [source["width"] for source in data["sources"]] == [2048, 2400]
    assert all(source["url"].startswith("/media/") for source in data["sources"])


def test_a_producer_gets_404_for_another_producers_panorama_and_the_editors(producer_a, estates):
    for other in (estates["b"]["panorama"], estates["editors"]["panorama"]):
        response = producer_a.get(panorama_url(other))
        assert response.status_code == 404
        assert other.title not in response.content.decode()
    assert producer_a.get(reverse("tours_panorama_preview", args=[999_999])).status_code == 404


def test_a_producer_may_aim_at_the_editors_panorama_an_editor_put_in_its_tour(producer_a, estates):
    """The tour form lets it keep that scene; the picker must then open it too."""
    tour, editors = estates["a"]["tour"], estates["editors"]["panorama"]
    tour.scenes = [{"type": "scene", "value": {"key": "toan-canh", "title": "Toàn cảnh", "panorama": editors.pk}}]
    tour.save()
    assert producer_a.get(panorama_url(editors)).status_code == 200
    assert producer_a.get(panorama_url(estates["b"]["panorama"])).status_code == 404


def test_editors_get_every_panorama(make_user, estates):
    editor = logged_in(make_user("editor"))
    for key in ("a", "b", "editors"):
        response = editor.get(panorama_url(estates[key]["panorama"]))
        assert response.status_code == 200
        assert response.json()["id"] == estates[key]["panorama"].pk


def test_nobody_logged_out_gets_a_picture(client, estates):
    for url in (panorama_url(estates["a"]["panorama"]), image_url(estates["a"]["image"])):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))
    assert client.post(panorama_url(estates["a"]["panorama"])).status_code in (302, 405)


def test_the_panorama_forms_picture_is_an_image_the_account_may_choose(producer_a, make_user, estates):
    response = producer_a.get(image_url(estates["a"]["image"]))
    assert response.status_code == 200
    assert [source["width"] for source in response.json()["sources"]] == [2048, 2400]
    assert producer_a.get(image_url(estates["b"]["image"])).status_code == 404
    assert producer_a.get(image_url(estates["editors"]["image"])).status_code == 404

    editor = logged_in(make_user("editor"))
    assert editor.get(image_url(estates["b"]["image"])).status_code == 200


def block_definition(html: str) -> str:
    """The StreamField's block definitions as the page hands them to Wagtail's client-side code."""
    return unescape(html)


def test_the_tour_form_gives_each_hotspot_the_picker(producer_a, estates):
    html = producer_a.get(reverse("wagtailsnippets_tours_tour:edit", args=[estates["a"]["tour"].pk])).content.decode()
    assert re.search(rf'<script src="/static/{re.escape(HOTSPOT_SCRIPT)}(\?v=\w+)?"', html)
    definitions = block_definition(html)
    # The hotspot block is drawn by the picker's definition, told where the viewer and pictures are.
    assert '"_type": "tours.blocks.HotspotBlock"' in definitions
    config = json.loads(re.search(r'"hotspotPicker": (\{.*?"imageUrl": "[^"]*"\})', definitions).group(1))
    assert config == {
        "viewerJs": "/static/dist/hotspot-picker.js",
        "viewerCss": "/static/dist/hotspot-picker.css",
        "panoramaUrl": "/admin/tours/panorama/{pk}/preview.json",
        "imageUrl": "/admin/tours/image/{pk}/preview.json",
    }
    own = estates["a"]["panorama"]
    assert config["panoramaUrl"].replace("{pk}", str(own.pk)) == panorama_url(own)


def test_the_panorama_form_loads_the_initial_view_picker(producer_a, estates):
    html = producer_a.get(reverse("wagtailsnippets_tours_panorama:edit", args=[estates["a"]["panorama"].pk]))
    [tag] = re.findall(rf'<script src="/static/{re.escape(PANORAMA_VIEW_SCRIPT)}[^>]*>', html.content.decode())
    config = json.loads(unescape(re.search(r'data-picker-config="([^"]*)"', tag).group(1)))
    assert config["imageUrl"].replace("{pk}", str(estates["a"]["image"].pk)) == image_url(estates["a"]["image"])
