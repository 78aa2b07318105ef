"""The product showcase a consumer lands on after scanning a package."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from PIL import Image

from catalogue.models import Certification, Marketplace, ProductGalleryImage, ProductMarketplaceLink
from images.models import PortalImage
from regions.models import Ward

TODAY = datetime.date.today()


def html(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def make_image(title="Ảnh sản phẩm", size=(1600, 1200)) -> PortalImage:
    buffer = io.BytesIO()
    Image.new("RGB", size, (120, 70, 30)).save(buffer, "JPEG")
    return PortalImage.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.jpg"))


@pytest.fixture
def coffee(make_product, make_producer):
    producer = make_producer(title="HTX Nông nghiệp Đắk Đam")
    product = make_product(
        title="Cà phê bột Đắk Đam",
        producer=producer,
        summary="Cà phê Robusta rang mộc.",
        stars=4,
        score_production=30,
        score_marketing=20,
        score_quality=25,
        decision_number="1234/QĐ-UBND",
        recognised_on=datetime.date(2025, 3, 14),
        origin_ward=Ward.objects.get(code="24688"),
        origin_legacy_address="Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông",
        geographical_indication="Cà phê Buôn Ma Thuột",
        gtin="08938505974019",
    )
    product.certifications.set(Certification.objects.filter(slug__in=["vietgap", "haccp"]))
    product.save()  # a ParentalManyToManyField is written on save
    ProductMarketplaceLink.objects.create(
        product=product, marketplace=Marketplace.objects.get(slug="shopee"), url="https://shopee.vn/ca-phe-dak-dam"
    )
    return product


def test_product_page_shows_name_stars_and_valid_status(client, coffee):
    page = html(client.get(coffee.url))
    assert page.h1.get_text(strip=True) == "Cà phê bột Đắk Đam"
    stars = page.select_one(".stars")
    assert stars["aria-label"] == "4 sao"
    assert "★★★★☆" in stars.get_text()
    assert "4 sao OCOP" in stars.get_text()
    badge = page.select_one(".badge")
    assert "badge--valid" in badge["class"]
    assert "Còn hiệu lực" in badge.get_text()


def test_product_page_shows_the_certificate_details(client, coffee):
    text = html(client.get(coffee.url)).get_text(" ", strip=True)
    assert "75/100" in text
    assert "30/40" in text and "20/25" in text and "25/35" in text
    assert "Cấp tỉnh" in text
    assert "1234/QĐ-UBND" in text
    assert "14/03/2025" in text  # recognition date, dd/mm/yyyy
    assert "14/03/2028" in text  # expiry, 36 months later


def test_product_page_links_the_live_producer(client, coffee):
    page = html(client.get(coffee.url))
    link = page.find("a", string="HTX Nông nghiệp Đắk Đam")
    assert link is not None
    assert link["href"] == coffee.producer.url


def test_product_page_never_names_or_links_an_unpublished_producer(client, coffee):
    producer_url = coffee.producer.url
    coffee.producer.unpublish()
    page = html(client.get(coffee.url))
    assert "HTX Nông nghiệp Đắk Đam" not in page.get_text()
    assert page.find("a", href=producer_url) is None
    assert "chưa cập nhật" in page.select_one(".product__producer").get_text()


def test_product_page_shows_origin_with_the_old_address(client, coffee):
    text = html(client.get(coffee.url)).get_text(" ", strip=True)
    assert coffee.origin_ward.name in text
    assert "Lâm Đồng" in text
    assert "Tây Nguyên" in text
    assert "Địa chỉ cũ: Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông" in text
    assert "Cà phê Buôn Ma Thuột" in text


def test_product_page_lists_certifications_and_gtin(client, coffee):
    text = html(client.get(coffee.url)).get_text(" ", strip=True)
    assert "VietGAP" in text and "HACCP" in text
    assert "08938505974019" in text


def test_marketplace_link_opens_safely_without_passing_rank(client, coffee):
    page = html(client.get(coffee.url))
    link = page.find("a", href="https://shopee.vn/ca-phe-dak-dam")
    assert link is not None
    assert "Shopee" in link.get_text()
    assert set(link["rel"]) == {"nofollow", "noopener"}
    assert link["target"] == "_blank"


def test_expired_certificate_never_looks_valid(client, make_product):
    recognised = TODAY - datetime.timedelta(days=1200)
    product = make_product(recognised_on=recognised)
    assert product.expires_on < TODAY
    response = client.get(product.url)
    page = html(response)
    text = page.get_text(" ", strip=True)
    assert f"Hết hiệu lực từ {product.expires_on:%d/%m/%Y}" in text
    assert "Còn hiệu lực" not in text
    assert not page.select(".badge--valid")
    assert page.select(".badge--expired")


def test_revoked_certificate_says_so(client, make_product):
    product = make_product(revoked_on=TODAY - datetime.timedelta(days=3), revocation_reason="Vi phạm ghi nhãn")
    page = html(client.get(product.url))
    text = page.get_text(" ", strip=True)
    assert "Đã bị thu hồi" in text
    assert "Vi phạm ghi nhãn" in text
    assert "Còn hiệu lực" not in text
    assert page.select(".badge--revoked") and not page.select(".badge--valid")


def test_product_without_image_shows_a_placeholder_with_its_group(client, make_product):
    product = make_product(image=None)
    page = html(client.get(product.url))
    placeholder = page.select_one(".product__media .placeholder")
    assert placeholder is not None
    assert "Thực phẩm" in placeholder.get_text()


def test_main_product_image_is_responsive_and_not_lazy(client, make_product):
    product = make_product(image=make_image())
    page = html(client.get(product.url))
    picture = page.select_one(".product__media picture")
    sources = picture.find_all("source")
    assert {source["type"] for source in sources} == {"image/avif", "image/webp"}
    assert all(source["srcset"].count("w,") >= 2 for source in sources)  # several widths
    img = picture.img
    assert img["fetchpriority"] == "high"
    assert "loading" not in img.attrs
    assert img["width"] and img["height"]
    assert img["alt"] == product.title
    assert "sizes" in img.attrs


def test_gallery_images_are_lazy_loaded_with_captions(client, make_product):
    product = make_product()
    ProductGalleryImage.objects.create(product=product, image=make_image("vườn"), caption="Vườn cà phê")
    page = html(client.get(product.url))
    figure = page.select_one(".gallery figure")
    assert figure.img["loading"] == "lazy"
    assert figure.figcaption.get_text(strip=True) == "Vườn cà phê"


def test_description_streamfield_blocks_render(client, make_product):
    product = make_product(
        body=[
            ("paragraph", "<p>Thu hái <b>quả chín</b>.</p>"),
            ("quote", {"text": "Chỉ hái quả chín.", "speaker": "Chị Hoa"}),
        ]
    )
    page = html(client.get(product.url))
    assert page.select_one(".block-paragraph b").get_text() == "quả chín"
    quote = page.select_one(".block-quote")
    assert "Chỉ hái quả chín." in quote.blockquote.get_text()
    assert "Chị Hoa" in quote.figcaption.get_text()


def test_product_page_is_served_with_a_bounded_number_of_queries(client, make_product, django_assert_max_num_queries):
    product = make_product()
    client.get(product.url)  # renditions are created on the first view
    with django_assert_max_num_queries(16):
        response = client.get(product.url)
    assert response.status_code == 200


def test_an_unknown_product_slug_is_a_404(client, make_product):
    make_product()
    assert client.get("/san-pham/khong-ton-tai/").status_code == 404


def test_the_showcase_can_be_shared_without_javascript_too(client, make_product):
    product = make_product(title="Bơ núi lửa Krông Nô")
    html = client.get(product.url).content.decode()
    assert "data-share" in html and "facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver" in html
    assert "js/share.js" in html
