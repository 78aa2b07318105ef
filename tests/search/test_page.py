"""The search page for people: works without JavaScript, speaks Vietnamese, shares by URL."""

import pytest
from django.utils.html import strip_tags

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return " ".join(strip_tags(response.content.decode()).split())


@pytest.fixture
def catalogue(make_producer, make_product, rebuild_index):
    coop = make_producer(title="HTX Bơ núi lửa", legacy_address="Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông")
    make_product(title="Bơ núi lửa Krông Nô", producer=coop)
    make_product(title="Bơ nháp chưa công bố", producer=coop, live=False)
    rebuild_index()


def test_results_render_with_stars_province_and_highlight(client, catalogue):
    response = client.get("/tim-kiem/", {"q": "bo nui lua"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "<mark>" in html and "Lâm Đồng" in html
    page = text(response)
    assert "Bơ núi lửa Krông Nô" in page and "nháp" not in page
    assert 'value="bo nui lua"' in html  # the query stays in the box: the URL is shareable


def test_active_filters_show_as_removable_chips(client, catalogue):
    response = client.get(
        "/tim-kiem/", {"q": "bo", "province": "lam-dong", "lat": "12.4", "lon": "107.8", "sort": "distance"}
    )
    chips = response.context["chips"]
    assert {chip["label"] for chip in chips} == {"Lâm Đồng", "Gần vị trí của bạn"}
    near = next(chip for chip in chips if chip["label"] == "Gần vị trí của bạn")
    assert "lat" not in near["remove"] and "sort" not in near["remove"] and "province=lam-dong" in near["remove"]
    assert client.get(f"/tim-kiem/?{near['remove']}").status_code == 200


def test_nothing_found_suggests_what_to_try(client, catalogue):
    response = client.get("/tim-kiem/", {"q": "xyzzy"})
    assert response.status_code == 200
    assert "Không tìm thấy kết quả" in text(response)
    assert "/san-pham/" in response.content.decode()


def test_a_bad_filter_is_a_vietnamese_form_error_not_a_crash(client, catalogue):
    response = client.get("/tim-kiem/", {"stars": "9"})
    assert response.status_code == 400
    assert "3, 4 hoặc 5" in text(response)


def test_the_header_search_box_leads_here(client, catalogue):
    html = client.get("/").content.decode()
    assert 'action="/tim-kiem/"' in html


def test_the_scripts_parts_say_no_search_yet_for_no_parameters_as_the_page_does(client, catalogue):
    nothing = client.get("/api/search/", {"format": "html"}).json()["html"]
    assert nothing["searched"] is False and nothing["count"] == "Tìm thử" and nothing["filtering"] == ""
    filtered = client.get("/api/search/", {"format": "html", "q": "bo", "stars": "4"}).json()["html"]
    assert filtered["searched"] is True
    assert "(đang lọc)" in filtered["filtering"]
    assert 'href="/tim-kiem/?q=bo"' in filtered["clear_filters"]
