"""A shared product link previews as the product's photo with the OCOP star badge.

The preview is a rendition from Wagtail's pipeline (``fill-1200x630|ocopbadge-N``):
1200×630 as Zalo and Facebook ask, the badge drawn in the lower left corner, and
only while the certificate is valid — a shared link never shows expired stars.
"""

import datetime
import io
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image

from images.models import PortalImage, PortalRendition
from images.operations import BADGE_GREEN, STAR_GOLD, star_centres

PHOTO_COLOUR = (200, 60, 40)  # red: nothing like the green badge or its gold stars


@pytest.fixture
def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1200), PHOTO_COLOUR).save(buffer, "JPEG", quality=95)
    return PortalImage.objects.create(title="Nem chua Thanh Hóa", file=ImageFile(buffer, name="nem.jpg"))


def og_image(client, product) -> Image.Image:
    page = BeautifulSoup(client.get(product.url).content, "html.parser")
    url = page.find("meta", attrs={"property": "og:image"})["content"]
    rendition = PortalRendition.objects.get(file__endswith=urlsplit(url).path.rsplit("/", 1)[-1])
    with rendition.file.open("rb") as file:
        return Image.open(io.BytesIO(file.read())).convert("RGB")


# Scores (A production, B marketing, C quality) that earn each rating.
SCORES = {3: (25, 15, 20), 4: (30, 20, 25), 5: (36, 22, 32)}


def rated(stars: int) -> dict:
    production, marketing, quality = SCORES[stars]
    return {"stars": stars, "score_production": production, "score_marketing": marketing, "score_quality": quality}


def near(pixel, colour, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def gold_stars_along(image: Image.Image) -> int:
    """How many of the badge's five star centres are gold."""
    return sum(near(image.getpixel((round(x), round(y))), STAR_GOLD, 50) for x, y in star_centres(image.height))


@pytest.mark.parametrize("stars", [3, 4, 5])
def test_the_preview_is_1200_by_630_with_the_products_stars(client, make_product, photo, stars):
    image = og_image(client, make_product(title="Nem chua", image=photo, **rated(stars)))
    assert image.size == (1200, 630)
    assert gold_stars_along(image) == stars
    assert near(image.getpixel((1100, 80)), PHOTO_COLOUR)  # the photo itself, away from the badge
    assert near(image.getpixel((50, 630 - 50)), BADGE_GREEN)  # the badge's green corner


def test_a_new_rating_gives_a_new_preview_image(client, make_product, photo):
    product = make_product(title="Nem chua", image=photo, **rated(3))
    assert gold_stars_along(og_image(client, product)) == 3
    for field, value in rated(4).items():
        setattr(product, field, value)
    product.save_revision().publish()
    assert gold_stars_along(og_image(client, product)) == 4


def test_an_expired_certificate_previews_without_the_badge(client, make_product, photo):
    product = make_product(title="Nem chua", image=photo, **rated(5))
    product.expires_on = timezone.localdate() - datetime.timedelta(days=1)
    product.save_revision().publish()
    image = og_image(client, product)
    assert image.size == (1200, 630)
    assert gold_stars_along(image) == 0
    assert near(image.getpixel((50, 630 - 50)), PHOTO_COLOUR)
