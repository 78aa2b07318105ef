"""Filters, ordering and cursor pagination; a bad parameter is a Vietnamese JSON 400 naming it."""

import pytest

from catalogue.models import Certification, ProductPage

pytestmark = pytest.mark.django_db


def titles(client, **params) -> list[str]:
    response = client.get("/api/v1/products/", params)
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


@pytest.fixture
def products(make_product, make_producer):
    household = make_producer(title="Cơ sở Mật ong", producer_type="household")
    made = {
        "coffee": make_product(title="Cà phê bột", stars=4),
        "honey": make_product(
            title="Mật ong", producer=household, stars=5, score_production=38, score_marketing=24, score_quality=30
        ),
        "tea": make_product(title="Trà xanh", stars=3, score_production=25, score_marketing=15, score_quality=20),
    }
    tea = made["tea"]
    tea.origin_province_id = "01"  # Hà Nội
    tea.certifications.add(Certification.objects.get(slug="vietgap"))
    tea.save_revision().publish()
    return made


def test_each_filter_narrows_the_list(client, products):
    assert titles(client, stars=5) == ["Mật ong"]
    assert sorted(titles(client, stars=[3, 5])) == ["Mật ong", "Trà xanh"]
    assert titles(client, province="ha-noi") == ["Trà xanh"]
    assert titles(client, province="01") == ["Trà xanh"]
    assert titles(client, region="dong-bang-song-hong") == ["Trà xanh"]
    assert titles(client, certification="vietgap") == ["Trà xanh"]
    assert titles(client, producer_type="household") == ["Mật ong"]
    assert titles(client, producer=products["honey"].producer_id) == ["Mật ong"]
    assert titles(client, category="thuc-pham", stars=4) == ["Cà phê bột"]


def test_q_asks_the_search_engine_and_keeps_only_public_matches(client, search_engine, products):
    for product in products.values():
        product.save_revision().publish()  # published as an editor would: into the search index
    assert titles(client, q="mat ong") == ["Mật ong"]
    assert titles(client, q="tra xanh", stars=5) == []
    assert titles(client, q="ca phe bot") == ["Cà phê bột"]
    products["coffee"].unpublish()
    assert titles(client, q="ca phe bot") == []


def test_orderings_sort_and_page_by_key(client, products):
    assert titles(client, ordering="title") == ["Cà phê bột", "Mật ong", "Trà xanh"]
    assert titles(client, ordering="-stars") == ["Mật ong", "Cà phê bột", "Trà xanh"]
    ids = [products[name].pk for name in ("coffee", "honey", "tea")]
    assert titles(client, ordering="-id") == ["Trà xanh", "Mật ong", "Cà phê bột"] and ids == sorted(ids)


def walk(client, **params) -> list[str]:
    seen, query = [], {**params, "limit": 2}
    while True:
        data = client.get("/api/v1/products/", query).json()
        seen += [item["title"] for item in data["results"]]
        if not data["next_cursor"]:
            return seen
        assert data["next"].startswith("http://testserver/api/v1/products/?")
        query["cursor"] = data["next_cursor"]


@pytest.mark.parametrize("ordering", ["id", "-id", "title", "-title", "stars", "-stars", "updated_at", "-updated_at"])
def test_the_cursor_walks_every_row_once_in_every_ordering(client, products, make_product, ordering):
    for number in range(4):
        make_product(title=f"Bánh số {number}", stars=4)
    walked = walk(client, ordering=ordering)
    assert sorted(walked) == sorted(ProductPage.objects.values_list("title", flat=True))
    assert len(walked) == len(set(walked)) == 7


def test_a_product_added_or_removed_between_pages_shifts_nothing(client, products, make_product):
    first = client.get("/api/v1/products/", {"limit": 2, "ordering": "title"}).json()
    assert [item["title"] for item in first["results"]] == ["Cà phê bột", "Mật ong"]
    make_product(title="Bánh pía", stars=4)  # sorts before the cursor: not shown, nothing repeated
    make_product(title="Trà sen", stars=4)  # sorts after it: shown
    products["coffee"].unpublish()  # already seen: nothing skipped because of it
    rest = client.get("/api/v1/products/", {"limit": 10, "ordering": "title", "cursor": first["next_cursor"]}).json()
    assert [item["title"] for item in rest["results"]] == ["Trà sen", "Trà xanh"]


@pytest.mark.parametrize(
    ("params", "field", "words"),
    [
        ({"limit": 0}, "limit", "từ 1 đến 100"),
        ({"limit": 101}, "limit", "từ 1 đến 100"),
        ({"limit": "mười"}, "limit", "từ 1 đến 100"),
        ({"stars": 6}, "stars", "3, 4 hoặc 5"),
        ({"stars": "x"}, "stars", "3, 4 hoặc 5"),
        ({"status": "lapsed"}, "status", "valid, expired hoặc revoked"),
        ({"producer_type": "company"}, "producer_type", "cooperative"),
        ({"producer": "-1"}, "producer", "số nguyên dương"),
        ({"producer": "99999999999999999999"}, "producer", "số nguyên dương"),
        ({"updated_since": "hôm qua"}, "updated_since", "ISO 8601"),
        ({"ordering": "price"}, "ordering", "ordering"),
        ({"q": "x" * 201}, "q", "200"),
        ({"province": "dak-nong"}, "province", "nay thuộc Lâm Đồng"),
        ({"province": "atlantis"}, "province", "Không có tỉnh"),
        ({"region": "bac-cuc"}, "region", "Không có vùng"),
        ({"category": "xe-hoi"}, "category", "Không có nhóm"),
        ({"certification": "iso-1"}, "certification", "Không có chứng nhận"),
        ({"cursor": "abc"}, "cursor", "không hợp lệ"),
    ],
)
def test_a_bad_parameter_is_a_vietnamese_400_naming_it(client, products, params, field, words):
    response = client.get("/api/v1/products/", params)
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == field and words in body["error"], body


def test_a_cursor_is_bound_to_its_ordering_and_cannot_be_forged(client, products):
    cursor = client.get("/api/v1/products/", {"limit": 1, "ordering": "title"}).json()["next_cursor"]
    other = client.get("/api/v1/products/", {"limit": 1, "ordering": "-id", "cursor": cursor})
    assert other.status_code == 400 and "ordering=title" in other.json()["error"]
    forged = cursor[:-3] + ("AAA" if not cursor.endswith("AAA") else "BBB")
    assert client.get("/api/v1/products/", {"cursor": forged, "ordering": "title"}).status_code == 400


def test_producers_and_stories_take_their_own_filters(client, products):
    response = client.get("/api/v1/producers/", {"producer_type": "household"})
    assert [item["title"] for item in response.json()["results"]] == ["Cơ sở Mật ong"]
    assert client.get("/api/v1/producers/", {"category": "xe-hoi"}).json()["field"] == "category"
    assert client.get("/api/v1/stories/", {"province": "dak-nong"}).status_code == 400
    assert client.get("/api/v1/regions/", {"include": "xa"}).json()["field"] == "include"
