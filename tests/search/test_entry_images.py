"""A card image whose file is missing or unreadable leaves the entry without an image, logged with the
page; any other failure while making the rendition is a fault and is not swallowed."""

import io
import logging

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db import OperationalError
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Page

from search.entries import entry_fields

pytestmark = pytest.mark.django_db


def photo(title: str):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(buffer, "JPEG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))


@pytest.fixture
def product_with_image(make_product):
    product = make_product()
    product.image = photo("bo-sap")
    product.save_revision().publish()
    return product


def test_a_readable_image_gives_the_card_its_rendition(product_with_image):
    assert entry_fields(product_with_image)["card"]["image"].endswith(".webp")


def missing(image):
    image.renditions.all().delete()
    image.file.storage.delete(image.file.name)


def corrupt(image):
    image.renditions.all().delete()
    with image.file.storage.open(image.file.name, "wb") as file:
        file.write(b"\xff\xd8\xff\xe0 not a jpeg after all")


@pytest.mark.parametrize("damage", [missing, corrupt], ids=["missing-file", "corrupt-file"])
def test_an_unreadable_file_leaves_the_card_without_an_image_and_says_which_page(product_with_image, damage, caplog):
    damage(product_with_image.image)
    cache.clear()  # Wagtail keeps renditions in a cache too
    product = Page.objects.get(pk=product_with_image.pk)
    with caplog.at_level(logging.WARNING, logger="search.entries"):
        fields = entry_fields(product)
    assert fields["card"]["image"] == ""
    assert fields["title"] == product.title  # the page is still indexed
    (record,) = [record for record in caplog.records if record.name == "search.entries"]
    assert f"page {product.pk}" in record.getMessage()
    assert record.exc_info is not None


@pytest.mark.parametrize("fault", [OperationalError("database is locked"), TypeError("a bug"), KeyError("x")])
def test_any_other_failure_is_not_swallowed(product_with_image, monkeypatch, fault):
    def broken(self, *args, **kwargs):
        raise fault

    monkeypatch.setattr(get_image_model(), "get_rendition", broken)
    with pytest.raises(type(fault)):
        entry_fields(product_with_image)
