"""Virtual tours: scenes joined by hotspots, shown on product and producer pages and in the API.

A hotspot must say where it leads; a "go to scene" hotspot must lead to a scene of the same
tour; and a hotspot to a product or story that is not live and public is never served.
"""

import io
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image

from images.models import PortalImage
from tours.blocks import ScenesBlock
from tours.models import Panorama, Tour

pytestmark = pytest.mark.django_db


def panorama(title: str) -> Panorama:
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 1200), (30, 110, 60)).save(buffer, "JPEG")
    image = PortalImage.objects.create(title=title, file=ImageFile(buffer, name="scene.jpg"))
    return Panorama.objects.create(title=title, image=image, caption=f"{title} của hợp tác xã")


def hotspot(kind: str, label: str, **target) -> dict:
    return {
        "type": "item",
        "id": str(uuid.uuid4()),
        "value": {
            "kind": kind,
            "label": label,
            "yaw": target.pop("yaw", 10),
            "pitch": target.pop("pitch", -5),
            "text": target.pop("text", ""),
            "target_scene": target.pop("target_scene", ""),
            "product": target.pop("product", None),
            "story": target.pop("story", None),
        },
    }


def scene(key: str, title: str, pano: Panorama, *hotspots) -> dict:
    return {"type": "scene", "value": {"key": key, "title": title, "panorama": pano.pk, "hotspots": list(hotspots)}}


@pytest.fixture
def orchard_tour(make_product):
    product = make_product(title="Bơ sáp Krông Nô")
    orchard, yard = panorama("Vườn bơ"), panorama("Sân phơi")
    tour = Tour.objects.create(
        title="Một ngày ở HTX Krông Nô",
        scenes=[
            scene(
                "vuon-bo",
                "Vườn bơ",
                orchard,
                hotspot("scene", "Ra sân phơi", target_scene="san-phoi", yaw=90),
                hotspot("product", "Bơ sáp", product=product.pk),
            ),
            scene("san-phoi", "Sân phơi", yard, hotspot("info", "Phơi nắng", text="Bơ được phân loại ở đây.")),
        ],
    )
    product.tour = tour
    product.save_revision().publish()
    return tour, product


def clean_scenes(raw: list):
    block = ScenesBlock()
    return block.clean(block.to_python(raw))


def test_a_go_to_scene_hotspot_must_lead_to_a_scene_of_the_same_tour():
    pano = panorama("Vườn bơ")
    with pytest.raises(ValidationError) as caught:
        clean_scenes([scene("vuon-bo", "Vườn bơ", pano, hotspot("scene", "Sang kho", target_scene="kho"))])
    assert "không có trong chuyến tham quan này" in str(caught.value.block_errors[0])


@pytest.mark.parametrize(
    ("kind", "missing"), [("scene", "target_scene"), ("info", "text"), ("product", "product"), ("story", "story")]
)
def test_every_hotspot_says_where_it_leads(kind, missing):
    pano = panorama("Vườn bơ")
    with pytest.raises(ValidationError) as caught:
        clean_scenes([scene("vuon-bo", "Vườn bơ", pano, hotspot(kind, "Điểm"))])
    hotspot_errors = caught.value.block_errors[0].block_errors["hotspots"].block_errors[0].block_errors
    assert list(hotspot_errors) == [missing]


def test_scene_keys_are_unique_and_plain():
    pano = panorama("Vườn bơ")
    with pytest.raises(ValidationError):
        clean_scenes([scene("vuon-bo", "A", pano), scene("vuon-bo", "B", pano)])
    with pytest.raises(ValidationError):
        clean_scenes([scene("Vườn Bơ", "A", pano)])


def test_the_api_serves_scenes_hotspots_and_rendition_urls(client, orchard_tour):
    tour, product = orchard_tour
    data = client.get(f"/api/v2/pages/{product.pk}/").json()["tour_data"]
    assert data["title"] == "Một ngày ở HTX Krông Nô"
    assert [scene["key"] for scene in data["scenes"]] == ["vuon-bo", "san-phoi"]
    first = data["scenes"][0]
    assert first["panorama"]["poster"]["width"] == 1200
    assert [source["width"] for source in first["panorama"]["sources"]] == [2048, 2400]
    assert first["hotspots"][0] == {
        "kind": "scene",
        "label": "Ra sân phơi",
        "yaw": 90.0,
        "pitch": -5.0,
        "scene": "san-phoi",
    }
    assert first["hotspots"][1]["url"] == product.url
    assert data["scenes"][1]["hotspots"][0]["text"] == "Bơ được phân loại ở đây."


def test_a_hotspot_to_a_hidden_product_is_never_served(client, orchard_tour):
    tour, product = orchard_tour
    hidden = next(h for h in tour.scenes[0].value["hotspots"] if h["kind"] == "product")["product"]
    assert hidden.pk == product.pk
    other = Tour.objects.get(pk=tour.pk)
    product.unpublish()
    labels = [hotspot["label"] for hotspot in other.as_json()["scenes"][0]["hotspots"]]
    assert labels == ["Ra sân phơi"]


def test_the_product_page_shows_the_tour_poster_and_every_scene_without_javascript(client, orchard_tour):
    _, product = orchard_tour
    html = client.get(product.url).content.decode()
    assert "Tham quan 360°: Một ngày ở HTX Krông Nô" in html
    assert "Vườn bơ của hợp tác xã" in html  # the first scene's caption under its poster
    assert html.count('class="tour__scenes"') == 1 and ">Sân phơi</a>" in html


def test_a_verified_story_tells_a_tour_as_a_chapter_in_its_page_and_its_api(
    client, orchard_tour, make_story, review_story
):
    from tests.factories import story_body

    tour, product = orchard_tour
    body = [*story_body(), {"type": "tour", "value": {"tour": tour.pk}}]
    story = make_story(product.producer, products=[product], title="Từ vườn bơ đến thùng hàng", body=body)
    review_story(story)
    story.refresh_from_db()

    assert "Tham quan 360°: Một ngày ở HTX Krông Nô" in client.get(story.url).content.decode()
    chapters = client.get(f"/api/v2/pages/{story.pk}/").json()["body"]
    tour_chapter = next(chapter for chapter in chapters if chapter["type"] == "tour")
    assert [scene["key"] for scene in tour_chapter["value"]["scenes"]] == ["vuon-bo", "san-phoi"]
