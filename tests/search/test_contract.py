"""The search contract (DESIGN.md), run against both engines: the same questions, the same JSON.

Every test here runs twice, once on the database engine and once on Elasticsearch
(the noida-db test server, or a real cluster when ELASTICSEARCH_URL is set).
"""

import pytest

from catalogue.models import ProductCategory

pytestmark = pytest.mark.django_db

RESULT_KEYS = {"type", "id", "title", "url", "summary", "stars", "province", "region", "image", "highlight"}
FACETS = {"region", "province", "category", "stars", "producer_type", "certification", "type"}


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
