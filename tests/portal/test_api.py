"""The headless API serves products with their rating, producer and region; nothing unpublished."""

import pytest

pytestmark = pytest.mark.django_db

PRODUCT_FIELDS = ",".join(
    ["stars", "score", "level", "expires_on", "certificate_status_label", "producer_summary"]
    + ["province_name", "region_name", "image"]
)


def get_product(client, product):
    response = client.get(f"/api/v2/pages/{product.pk}/", {"fields": PRODUCT_FIELDS})
    assert response.status_code == 200
    return response.json()


def test_a_product_carries_its_rating_producer_and_region(client, make_product):
    product = make_product(title="Bơ núi lửa Krông Nô")
    data = get_product(client, product)
    assert data["meta"]["type"] == "catalogue.ProductPage"
    assert data["stars"] == 4
    assert data["score"] == 75
    assert data["level"] == "Cấp tỉnh"
    assert data["certificate_status_label"] == "Còn hiệu lực"
    assert data["producer_summary"]["title"] == product.producer.title
    assert data["province_name"] == "Lâm Đồng"
    assert data["region_name"] == "Tây Nguyên"


def test_products_can_be_listed_and_filtered_by_type(client, make_product):
    make_product()
    make_product()
    response = client.get("/api/v2/pages/", {"type": "catalogue.ProductPage", "fields": "stars"})
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 2


def test_a_draft_producer_is_not_named_by_its_products(client, make_product):
    product = make_product()
    product.producer.unpublish()
    data = get_product(client, product)
    assert data["producer_summary"] is None


def test_an_unpublished_product_is_not_served(client, make_product):
    product = make_product()
    product.unpublish()
    assert client.get(f"/api/v2/pages/{product.pk}/").status_code == 404
    listing = client.get("/api/v2/pages/", {"type": "catalogue.ProductPage"}).json()
    assert listing["meta"]["total_count"] == 0


def test_the_image_library_is_not_listed_so_a_drafts_images_stay_unlisted(client, make_product):
    product = make_product()
    product.unpublish()
    assert client.get("/api/v2/images/").status_code == 404


def test_a_product_carries_its_image_rendition(client, make_product):
    from wagtail.images.tests.utils import get_test_image_file

    from images.models import PortalImage

    image = PortalImage.objects.create(title="Bơ", file=get_test_image_file())
    product = make_product(image=image)
    data = get_product(client, product)
    assert data["image"]["url"].endswith(".webp")
    # fill-800x600 of a 640×480 test image: 4:3, never upscaled
    assert (data["image"]["width"], data["image"]["height"]) == (640, 480)


@pytest.mark.parametrize(
    "query",
    [
        {"search": '"'},  # a stray quote became the engine's syntax: 500
        {"search": "a\"b 'c"},
        {"search": "\t\n"},  # nothing but whitespace: 500
        {"search": "NEAR(a b) * -c"},
    ],
)
def test_a_search_is_only_words_so_engine_syntax_is_plain_text(client, make_product, query):
    make_product()
    response = client.get("/api/v2/pages/", query)
    assert response.status_code == 200
    assert "items" in response.json()


def test_a_search_finds_by_its_words_when_it_has_punctuation(client, make_product):
    make_product(title="Bơ núi lửa Krông Nô")
    response = client.get("/api/v2/pages/", {"search": '"Krông', "type": "catalogue.ProductPage"})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Bơ núi lửa Krông Nô"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"search": "\x00"}, "search"),  # NUL: 500
        ({"search": "a\x07b"}, "search"),
        ({"search": "x" * 201}, "search"),
        ({"search": "a", "search_operator": "xor"}, "search_operator"),  # 500
        ({"offset": "1e40"}, "offset"),
        ({"offset": "1" + "0" * 30}, "offset"),  # an integer SQLite cannot hold: 500
        ({"offset": "-1"}, "offset"),
        ({"limit": "1e40"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"limit": "٣"}, "limit"),
        ({"locale": "\x00"}, "locale"),  # PostgreSQL refuses a NUL in any text: 500
        ({"type": "catalogue.ProductPage\x00"}, "type"),
    ],
)
def test_a_malformed_parameter_is_a_json_400_in_vietnamese_naming_it(client, site_tree, query, field):
    response = client.get("/api/v2/pages/", query)
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == field
    assert body["error"]


def test_wagtails_own_refusals_use_the_portals_error_format(client, site_tree):
    response = client.get("/api/v2/pages/", {"order": "khong_co_truong_nay"})
    assert response.status_code == 400
    assert response.json()["error"] == "Tham số truy vấn không hợp lệ."


def test_a_control_character_in_find_is_a_json_400_not_a_database_error(client, site_tree):
    response = client.get("/api/v2/pages/find/", {"html_path": "/san-pham/\x00"})
    assert response.status_code == 400
    assert response.json()["field"] == "html_path"
