"""Content for the API tests: public products, producers and a verified story with everything a
client reads (images, gallery, shops, certifications, scan code, description blocks), and the kinds
of page that must never show (``hidden`` in test_visibility.py)."""

import datetime
import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image

from catalogue.models import Certification, Marketplace, ProductGalleryImage, ProductMarketplaceLink
from images.models import PortalImage
from scans.models import ScanCode

TODAY = datetime.date.today()


def make_image(title="Ảnh sản phẩm", size=(800, 600)) -> PortalImage:
    buffer = io.BytesIO()
    Image.new("RGB", size, (120, 70, 30)).save(buffer, "JPEG")
    return PortalImage.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))


@pytest.fixture
def add_details():
    """Give a product what a full product page has: image, gallery, shop, certification, code, blocks."""

    def add(product, *, images=1):
        product.image = make_image(f"Ảnh {product.slug}")
        product.body = [
            ("paragraph", '<p>Thu hái <b>quả chín</b> <a href="https://example.vn/x" onclick="x()">xem</a>.</p>'),
            ("image", {"image": make_image(f"Khối ảnh {product.slug}"), "caption": "Vườn"}),
            ("quote", {"text": "Chỉ hái quả chín.", "speaker": "Chị Hoa"}),
        ]
        product.certifications.add(Certification.objects.get(slug="vietgap"))
        product.save_revision().publish()
        product.refresh_from_db()
        for number in range(images):
            ProductGalleryImage.objects.create(
                product=product, image=make_image(f"Thư viện {product.slug} {number}"), caption=f"Ảnh {number}"
            )
        ProductMarketplaceLink.objects.create(
            product=product,
            marketplace=Marketplace.objects.get(slug="shopee"),
            url=f"https://shopee.vn/{product.slug}",
        )
        ScanCode.for_product(product)
        return product

    return add


@pytest.fixture
def catalogue_content(make_producer, make_product, make_story, review_story, add_details):
    """Three public products (valid, expired, revoked), two producers, one verified story."""
    producer = make_producer(title="HTX Nông nghiệp Đắk Đam", legal_name="Hợp tác xã Nông nghiệp Đắk Đam")
    producer.intro = f'<p>Hợp tác xã <a linktype="page" id="{producer.pk}">trồng cà phê</a>.</p>'
    producer.save_revision().publish()
    other = make_producer(title="Cơ sở Mật ong Cà Mau", producer_type="household")
    coffee = add_details(make_product(title="Cà phê bột Đắk Đam", producer=producer, gtin="08934567890120", stars=4))
    expired = make_product(
        title="Mật ong rừng U Minh",
        producer=other,
        stars=5,
        score_production=38,
        score_marketing=24,
        score_quality=30,
        recognised_on=TODAY - datetime.timedelta(days=4 * 365),
        expires_on=TODAY - datetime.timedelta(days=30),
    )
    revoked = make_product(
        title="Bánh tráng Tây Ninh",
        producer=other,
        stars=3,
        score_production=25,
        score_marketing=15,
        score_quality=20,
        revoked_on=TODAY - datetime.timedelta(days=3),
        revocation_reason="Vi phạm ghi nhãn.",
    )
    story = make_story(producer, products=[coffee], title="Hành trình cà phê Đắk Đam")
    review_story(story)
    return {
        "producer": producer,
        "other": other,
        "coffee": coffee,
        "expired": expired,
        "revoked": revoked,
        "story": story,
    }


@pytest.fixture
def openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def conforms(openapi):
    """Validates an answer against what the published OpenAPI document says of that operation."""
    import jsonschema_rs

    def check(path: str, response, status: int = 200) -> dict:
        assert response.status_code == status, response.content[:500]
        operation = openapi["paths"][path]["get"]
        schema = operation["responses"][str(status)]["content"]["application/json"]["schema"]
        validator = jsonschema_rs.Draft202012Validator({**schema, "components": openapi["components"]})
        data = response.json()
        errors = [f"{error.instance_path}: {error.message}" for error in validator.iter_errors(data)]
        assert errors == []
        return data

    return check
