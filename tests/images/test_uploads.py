"""An image upload Pillow cannot read to its end is a form error with a Vietnamese reason, never a 500."""

import io
import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from images.forms import UNREADABLE

pytestmark = pytest.mark.django_db


def encoded(image_format: str = "JPEG") -> bytes:
    noise = random.Random(13)
    picture = Image.frombytes("RGB", (256, 192), bytes(noise.randrange(256) for _ in range(256 * 192 * 3)))
    buffer = io.BytesIO()
    picture.save(buffer, image_format)
    return buffer.getvalue()


JPEG = encoded("JPEG")
PNG = encoded("PNG")


def flipped(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user("superuser"))
    return client


def add_image(client, data: bytes, name: str):
    upload = SimpleUploadedFile(name, data, content_type="image/jpeg")
    root = Collection.get_first_root_node()
    return client.post("/admin/images/add/", {"title": "Ảnh thử", "file": upload, "collection": root.pk})


def add_multiple(client, data: bytes, name: str):
    upload = SimpleUploadedFile(name, data, content_type="image/jpeg")
    return client.post("/admin/images/multiple/add/", {"files[]": upload}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (JPEG[: len(JPEG) * 2 // 3], "cut-in-the-pixels.jpg"),  # was stored, then failed at every rendition
        (JPEG[:400], "cut-in-the-header.jpg"),  # was a 500: OSError "Truncated File Read"
        (JPEG[:20], "cut-early.jpg"),  # was a 500: UnidentifiedImageError
        (PNG[: len(PNG) // 2], "cut.png"),
        (flipped(PNG, len(PNG) // 2), "bad-checksum.png"),
    ],
    ids=["jpeg-pixels", "jpeg-header", "jpeg-start", "png-cut", "png-checksum"],
)
def test_a_truncated_or_corrupt_image_is_a_form_error(editor, data, name):
    response = add_image(editor, data, name)
    assert response.status_code == 200  # the form again, not a redirect
    assert UNREADABLE in response.context["form"].errors["file"]
    response = add_multiple(editor, data, name)
    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": UNREADABLE}
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(("data", "name"), [(JPEG, "whole.jpg"), (PNG, "whole.png")])
def test_a_whole_image_is_still_accepted(editor, data, name):
    assert add_image(editor, data, name).status_code == 302
    assert add_multiple(editor, data, name).json()["success"] is True
    assert get_image_model().objects.count() == 2
