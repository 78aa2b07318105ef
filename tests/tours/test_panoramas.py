"""360° panoramas: only a real, 2:1, phone-sized equirectangular photo is accepted, each refusal
says why, and a panorama is served at sizes a phone can choose from, behind a light poster."""

import io
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image

from images.models import PortalImage
from tours.models import Panorama
from tours.validation import check_equirectangular

pytestmark = pytest.mark.django_db


def encoded(width: int, height: int, image_format: str = "JPEG") -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 70)).save(buffer, image_format)
    buffer.seek(0)
    return buffer


def uploaded(width: int, height: int) -> PortalImage:
    return PortalImage.objects.create(
        title="Vườn bơ Krông Nô", file=ImageFile(encoded(width, height), name="vuon-bo.jpg")
    )


def refusal(file) -> str:
    with pytest.raises(ValidationError) as caught:
        check_equirectangular(file)
    return caught.value.error_list[0].code


def test_a_two_to_one_photo_of_phone_size_is_accepted():
    assert check_equirectangular(encoded(4000, 2000)) == (4000, 2000)
    assert check_equirectangular(encoded(2016, 1000)) == (2016, 1000)  # a stitcher a few pixels off


@pytest.mark.parametrize(
    ("width", "height", "code"),
    [
        (3000, 2000, "not_two_to_one"),
        (2000, 2000, "not_two_to_one"),
        (1600, 800, "too_small"),
        (8200, 4100, "too_large"),
    ],
)
def test_each_wrong_size_is_refused_with_its_own_reason(width, height, code):
    assert refusal(encoded(width, height, "PNG")) == code


def test_a_file_that_is_not_an_image_is_refused():
    assert refusal(io.BytesIO(b"%PDF-1.7 not a photo")) == "not_an_image"


def test_a_truncated_photo_is_refused():
    whole = encoded(4000, 2000, "PNG").getvalue()
    assert refusal(io.BytesIO(whole[: len(whole) // 2])) == "not_an_image"


def test_a_decompression_bomb_is_refused_from_its_header_without_decoding_it():
    # A PNG header announcing 100,000 × 50,000 pixels: refused before a single row is decoded.
    png = encoded(4000, 2000, "PNG").getvalue()
    ihdr = b"IHDR" + (100_000).to_bytes(4, "big") + (50_000).to_bytes(4, "big") + png[24:29]
    bomb = png[:12] + ihdr + zlib.crc32(ihdr).to_bytes(4, "big") + png[33:]
    assert refusal(io.BytesIO(bomb)) == "too_large"


def test_the_panorama_form_names_the_problem_on_the_image_field():
    panorama = Panorama(title="Sân phơi", image=uploaded(3000, 2000))
    with pytest.raises(ValidationError) as caught:
        panorama.full_clean()
    assert "tỉ lệ 2:1" in caught.value.message_dict["image"][0]


def test_the_initial_view_stays_within_a_sphere():
    panorama = Panorama(title="Sân phơi", image=uploaded(4000, 2000), initial_yaw=200, initial_pitch=-95)
    with pytest.raises(ValidationError) as caught:
        panorama.full_clean()
    assert set(caught.value.message_dict) == {"initial_yaw", "initial_pitch"}


def test_a_panorama_is_served_with_a_poster_and_sizes_no_larger_than_the_original():
    panorama = Panorama.objects.create(
        title="Vườn bơ", image=uploaded(4000, 2000), caption="Vườn bơ sáp", credit="HTX Krông Nô", initial_yaw=-30
    )
    data = panorama.as_json()
    assert data["initial_view"] == {"yaw": -30, "pitch": 0, "zoom": 50}
    assert (data["poster"]["width"], data["poster"]["height"]) == (1200, 600)
    assert [(source["width"], source["height"]) for source in data["sources"]] == [(2048, 1024), (4000, 2000)]
    assert all(source["url"].startswith("/") for source in data["sources"])
