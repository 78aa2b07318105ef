"""A stored image whose file is damaged shows as a "not found" placeholder wherever it is drawn:
the admin's image chooser on every form, StreamField image blocks, the public page. Never a 500.

Uploads are checked (test_uploads.py); these files were stored before that, or damaged since.
"""

import io
import json
import logging

import pytest
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

pytestmark = pytest.mark.django_db


def stored_photo(title: str):
    buffer = io.BytesIO()
    Image.new("RGB", (120, 90), "orange").save(buffer, "JPEG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))


def cut_short(image):
    with image.file.storage.open(image.file.name, "rb") as file:
        data = file.read()
    with image.file.storage.open(image.file.name, "wb") as file:
        file.write(data[: len(data) // 3])


def not_an_image(image):
    with image.file.storage.open(image.file.name, "wb") as file:
        file.write(b"\xff\xd8\xff\xe0 not a jpeg after all")


DAMAGE = pytest.mark.parametrize("damage", [cut_short, not_an_image], ids=["cut-short", "not-an-image"])


@pytest.fixture
def editor(client, make_user):
    client.force_login(make_user("superuser"))
    return client


@pytest.fixture
def product_with_photos(make_product):
    """A live product whose cover, gallery and description image are one photo."""
    photo = stored_photo("vai-thieu")
    product = make_product()
    product.image = photo
    product.gallery_images.create(image=photo, caption="Vườn vải")
    product.body = json.dumps([{"type": "image", "value": {"image": {"image": photo.pk, "alt_text": "Vải"}}}])
    product.save_revision().publish()
    return product


@DAMAGE
def test_a_rendition_of_a_damaged_file_is_the_missing_file_placeholder(damage, caplog):
    photo = stored_photo("bo-sap")
    damage(photo)
    with caplog.at_level(logging.WARNING, logger="images.models"), pytest.raises(SourceImageIOError):
        photo.get_rendition("fill-100x100")
    assert f"image {photo.pk}" in caplog.text
    assert not photo.renditions.exists()


@DAMAGE
def test_the_page_editor_opens_with_a_damaged_cover_gallery_and_block_image(editor, product_with_photos, damage):
    damage(product_with_photos.image)
    response = editor.get(f"/admin/pages/{product_with_photos.pk}/edit/")
    assert response.status_code == 200
    assert "vai-thieu" in response.content.decode()


@DAMAGE
def test_the_public_page_draws_the_placeholder(client, product_with_photos, damage):
    damage(product_with_photos.image)
    response = client.get(product_with_photos.url)
    assert response.status_code == 200


@DAMAGE
def test_the_image_chooser_lists_a_damaged_image(editor, damage):
    photo = stored_photo("ca-phe")
    damage(photo)
    response = editor.get("/admin/images/chooser/")
    assert response.status_code == 200
    chosen = editor.get(f"/admin/images/chooser/chosen/{photo.pk}/")
    assert chosen.status_code == 200
    assert chosen.json()["result"]["id"] == str(photo.pk)


@DAMAGE
def test_several_images_chosen_at_once_include_a_damaged_one(editor, damage):
    photos = [stored_photo("ca-phe"), stored_photo("che-shan")]
    damage(photos[0])
    response = editor.get("/admin/images/chooser/chosen-multiple/", {"id": [photo.pk for photo in photos]})
    assert response.status_code == 200
    assert sorted(item["id"] for item in response.json()["result"]) == sorted(str(photo.pk) for photo in photos)
