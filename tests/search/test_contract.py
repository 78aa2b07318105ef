"""The search contract (DESIGN.md), run against both engines: the same questions, the same JSON.

Every test here runs twice, once on the database engine and once on Elasticsearch
(the noida-db test server, or a real cluster when ELASTICSEARCH_URL is set).
"""

import pytest
from wagtail.models import PageViewRestriction, Workflow

from catalogue.models import Certification, ProducerType, ProductCategory
from regions.models import Province

pytestmark = pytest.mark.django_db

RESULT_KEYS = {"type", "id", "title", "url", "summary", "stars", "province", "region", "image", "highlight"}
FACETS = {"region", "province", "category", "stars", "producer_type", "certification", "type"}


class Catalogue:
    pass


@pytest.fixture
def catalogue(search_engine, make_producer, make_product, make_story, review_story, rebuild_index, site_tree):
    """A small national catalogue: Lâm Đồng (ex-Đắk Nông), Thái Nguyên (ex-Bắc Kạn) and Hà Nội."""
    lam_dong, thai_nguyen, ha_noi = (Province.objects.get(slug=s) for s in ("lam-dong", "thai-nguyen", "ha-noi"))
    c = Catalogue()
    c.avocado_coop = make_producer(
        title="HTX Nông nghiệp dịch vụ bơ núi lửa Krông Nô",
        legacy_address="Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông",
        producer_type=ProducerType.COOPERATIVE,
    )
    c.coffee_coop = make_producer(title="HTX Công Bằng Thuận An", producer_type=ProducerType.COOPERATIVE)
    c.tai_hoan = make_producer(
        title="HTX Tài Hoan",
        producer_type=ProducerType.ENTERPRISE,
        province=thai_nguyen,
        ward=thai_nguyen.wards.first(),
        latitude=22.27,
        longitude=105.87,
        legacy_address="Xã Côn Minh, Huyện Na Rì, Tỉnh Bắc Kạn",
    )
    c.tea_house = make_producer(
        title="Hộ kinh doanh trà sen Tây Hồ",
        producer_type=ProducerType.HOUSEHOLD,
        province=ha_noi,
        ward=ha_noi.wards.first(),
        latitude=21.06,
        longitude=105.82,
    )
    fruit = ProductCategory.objects.get(slug="nong-san-tuoi-song")
    coffee = ProductCategory.objects.get(slug="ca-phe-ca-cao")
    processed = ProductCategory.objects.get(slug="thuc-pham-che-bien")
    tea = ProductCategory.objects.get(slug="che-tra")
    c.avocado = make_product(
        title="Bơ núi lửa Krông Nô", producer=c.avocado_coop, category=fruit, summary="Bơ sáp trên đất đỏ bazan."
    )
    c.coffee = make_product(title="Cà phê bột Đắk Đam", producer=c.coffee_coop, category=coffee)
    c.coffee.certifications.add(Certification.objects.get(slug="vietgap"))
    c.coffee.save()  # a parental M2M is written when the page is saved
    c.noodles = make_product(
        title="Miến dong Tài Hoan",
        producer=c.tai_hoan,
        category=processed,
        origin_province=thai_nguyen,
        stars=5,
        score_production=38,
        score_marketing=24,
        score_quality=30,
    )
    c.tea = make_product(
        title="Trà sen Tây Hồ",
        producer=c.tea_house,
        category=tea,
        origin_province=ha_noi,
        stars=3,
        score_production=25,
        score_marketing=15,
        score_quality=20,
    )
    # What must never be found.
    c.draft = make_product(title="Bơ nháp chưa công bố", producer=c.avocado_coop, category=fruit, live=False)
    c.private = make_product(title="Bơ riêng tư có mật khẩu", producer=c.avocado_coop, category=fruit)
    PageViewRestriction.objects.create(page=c.private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    c.story = make_story(c.avocado_coop, products=[c.avocado], title="Bơ núi lửa: mười năm giữ vườn")
    review_story(c.story)
    c.waiting_story = make_story(c.avocado_coop, title="Bơ núi lửa: câu chuyện chờ thẩm định")
    Workflow.objects.get(name="Thẩm định câu chuyện").start(c.waiting_story, None)
    rebuild_index()
    return c


def search(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data) -> list[str]:
    return [result["title"] for result in data["results"]]


def test_the_answer_has_the_contract_shape(client, catalogue, search_engine):
    data = search(client, q="bơ")
    assert data["engine"] == search_engine
    assert {"engine", "count", "page", "results", "facets"} <= set(data)
    assert data["page"] == 1 and data["count"] == len(data["results"])
    assert set(data["facets"]) == FACETS
    for result in data["results"]:
        assert RESULT_KEYS <= set(result)
    product = next(result for result in data["results"] if result["type"] == "product")
    assert product["province"] == "Lâm Đồng" and product["stars"] == 4
    assert product["url"] == catalogue.avocado.url
    assert product["certificate_status"] == "valid"
    for facet in data["facets"].values():
        for item in facet:
            assert set(item) == {"value", "label", "count"}


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("ca phe dak dam", "Cà phê bột Đắk Đam"),
        ("CA PHE ĐAK ĐAM", "Cà phê bột Đắk Đam"),
        ("bo nui lua", "Bơ núi lửa Krông Nô"),
        ("mien dong", "Miến dong Tài Hoan"),
        ("trà sen", "Trà sen Tây Hồ"),
    ],
)
def test_typing_without_diacritics_finds_the_product_first(client, catalogue, typed, expected):
    assert titles(search(client, q=typed))[0] == expected


@pytest.mark.parametrize("typed", ["Đắk Nông", "dak nong", "krong no"])
def test_old_place_names_still_find_products_now_in_lam_dong(client, catalogue, typed):
    found = titles(search(client, q=typed, type="product"))
    assert "Bơ núi lửa Krông Nô" in found
    assert "Trà sen Tây Hồ" not in found


def test_old_bac_kan_address_finds_the_thai_nguyen_noodles(client, catalogue):
    assert "Miến dong Tài Hoan" in titles(search(client, q="bac kan"))


def test_what_is_not_live_and_public_is_never_found(client, catalogue):
    everything = titles(search(client, q="bơ")) + titles(search(client)) + titles(search(client, page=1, sort="name"))
    for hidden in ("Bơ nháp chưa công bố", "Bơ riêng tư có mật khẩu", "Bơ núi lửa: câu chuyện chờ thẩm định"):
        assert hidden not in everything
    suggestions = client.get("/api/search/suggest/", {"q": "bơ"}).json()["suggestions"]
    assert all("nháp" not in item["title"] and "riêng tư" not in item["title"] for item in suggestions)
    assert "Bơ núi lửa: mười năm giữ vườn" in titles(search(client, q="muoi nam giu vuon"))


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"province": "thai-nguyen"}, {"Miến dong Tài Hoan", "HTX Tài Hoan"}),
        ({"stars": "5"}, {"Miến dong Tài Hoan"}),
        ({"stars": ["3", "5"]}, {"Miến dong Tài Hoan", "Trà sen Tây Hồ"}),
        ({"category": "ca-phe-ca-cao"}, {"Cà phê bột Đắk Đam"}),
        ({"certification": "vietgap"}, {"Cà phê bột Đắk Đam"}),
        ({"producer_type": "household"}, {"Trà sen Tây Hồ", "Hộ kinh doanh trà sen Tây Hồ"}),
        ({"type": "story"}, {"Bơ núi lửa: mười năm giữ vườn"}),
        ({"region": "dong-bang-song-hong", "type": "product"}, {"Trà sen Tây Hồ"}),
    ],
)
def test_filters(client, catalogue, params, expected):
    assert set(titles(search(client, **params))) == expected


def test_a_category_group_includes_its_subgroups(client, catalogue):
    group = ProductCategory.objects.get(slug="ca-phe-ca-cao").parent
    assert "Cà phê bột Đắk Đam" in titles(search(client, category=group.slug))


def test_facet_counts_respect_the_other_filters_but_not_their_own(client, catalogue):
    data = search(client, stars="4", type="product")
    assert set(titles(data)) == {"Bơ núi lửa Krông Nô", "Cà phê bột Đắk Đam"}
    stars = {item["value"]: item["count"] for item in data["facets"]["stars"]}
    assert stars == {3: 1, 4: 2, 5: 1}  # its own filter is ignored: the other choices stay visible
    provinces = {item["value"]: item["count"] for item in data["facets"]["province"]}
    assert provinces == {"lam-dong": 2}  # the stars filter applies
    labels = {item["value"]: item["label"] for item in data["facets"]["province"]}
    assert labels["lam-dong"] == "Lâm Đồng"
    types = {item["value"]: item["count"] for item in data["facets"]["type"]}
    assert types == {"product": 2}


def test_near_me_filters_by_radius_and_sorts_by_distance(client, catalogue):
    data = search(client, lat="12.44", lon="107.83", radius_km="30", sort="distance")
    found = titles(data)
    assert "Bơ núi lửa Krông Nô" in found and "Miến dong Tài Hoan" not in found
    distances = [result["distance_km"] for result in data["results"]]
    assert distances == sorted(distances) and distances[0] < 5

    far = search(client, lat="21.03", lon="105.85", sort="distance", type="product")
    assert titles(far)[0] == "Trà sen Tây Hồ"
    assert titles(far)[-1] in {"Bơ núi lửa Krông Nô", "Cà phê bột Đắk Đam"}


@pytest.mark.parametrize(
    "sort, first",
    [("stars", "Miến dong Tài Hoan"), ("name", "Bơ núi lửa Krông Nô")],
)
def test_sorting(client, catalogue, sort, first):
    assert titles(search(client, type="product", sort=sort))[0] == first


def test_newest_puts_the_latest_recognition_first(client, catalogue, django_capture_on_commit_callbacks):
    import datetime

    catalogue.tea.recognised_on = datetime.date.today() - datetime.timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        catalogue.tea.save_revision().publish()
    assert titles(search(client, type="product", sort="newest"))[0] == "Trà sen Tây Hồ"


def test_pages_and_the_page_past_the_end(client, catalogue):
    first = search(client, sort="name")
    assert first["count"] >= 9 and len(first["results"]) == first["count"]  # fits one page of 20
    response = client.get("/api/search/", {"page": 2})
    assert response.status_code == 400
    assert "vượt quá" in response.json()["error"] and response.json()["field"] == "page"


def test_matches_are_highlighted(client, catalogue):
    result = search(client, q="bo nui lua")["results"][0]
    assert "<mark>" in result["highlight"]["title"]
    assert "<script" not in str(result["highlight"])


def test_suggestions_complete_what_is_being_typed(client, catalogue):
    response = client.get("/api/search/suggest/", {"q": "bo nui l"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert suggestions[0] == {"title": "Bơ núi lửa Krông Nô", "url": catalogue.avocado.url, "type": "product"}
    assert client.get("/api/search/suggest/", {"q": ""}).json() == {"suggestions": []}


def test_expired_certificates_are_reported_as_expired(client, catalogue, django_capture_on_commit_callbacks):
    import datetime

    catalogue.tea.recognised_on = datetime.date.today() - datetime.timedelta(days=4 * 365)
    catalogue.tea.expires_on = datetime.date.today() - datetime.timedelta(days=30)
    with django_capture_on_commit_callbacks(execute=True):
        catalogue.tea.save_revision().publish()
    tea = next(r for r in search(client, q="tra sen")["results"] if r["type"] == "product")
    assert tea["certificate_status"] == "expired"
