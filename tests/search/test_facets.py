"""A facet is defined once (search/facets.py) and everything follows the table: both engines'
counts and filters, the 400s, the page's filters, and what the page's script receives."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from catalogue.models import Certification, ProducerType
from regions.models import Province
from search.facets import FACETS

pytestmark = pytest.mark.django_db

VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.IGNORECASE)


@pytest.fixture
def catalogue(make_producer, make_product, rebuild_index):
    ha_noi = Province.objects.get(slug="ha-noi")
    coop = make_producer(title="HTX Cà phê Đắk Đam", producer_type=ProducerType.COOPERATIVE)
    household = make_producer(
        title="Hộ trà sen Tây Hồ", producer_type=ProducerType.HOUSEHOLD, province=ha_noi, ward=ha_noi.wards.first()
    )
    coffee = make_product(title="Cà phê bột Đắk Đam", producer=coop)
    coffee.certifications.add(Certification.objects.get(slug="vietgap"))
    coffee.save()  # a parental M2M is written when the page is saved
    make_product(
        title="Cà phê hạt Đắk Đam", producer=coop, stars=5, score_production=38, score_marketing=24, score_quality=30
    )
    make_product(
        title="Trà sen Tây Hồ",
        producer=household,
        origin_province=ha_noi,
        stars=3,
        score_production=25,
        score_marketing=15,
        score_quality=20,
    )
    rebuild_index()


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_every_facet_of_the_table_is_counted_and_filters_alike_on_both_engines(client, search_engine, catalogue):
    everything = api(client)
    assert everything["engine"] == search_engine
    assert list(everything["facets"]) == [facet.name for facet in FACETS]
    for facet in FACETS:
        items = everything["facets"][facet.name]
        assert items, f"nothing counted for {facet.name}"
        for item in items:
            # A value's count is what choosing it finds (no other filter in force).
            assert api(client, **{facet.name: item["value"]})["count"] == item["count"], (facet.name, item)


@pytest.mark.parametrize("facet", FACETS, ids=lambda facet: facet.name)
def test_an_unknown_facet_value_is_a_vietnamese_400(client, site_tree, facet):
    response = client.get("/api/search/", {facet.name: "khong-co-that"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["field"] == facet.name and VIETNAMESE.search(body["error"]), body

    page = client.get("/tim-kiem/", {facet.name: "khong-co-that"})
    assert page.status_code == 400
    assert f"<strong>{facet.label}:</strong>" in page.content.decode()  # the table names the field


def test_the_page_draws_one_filter_per_facet_in_table_order(client, catalogue):
    html = client.get("/tim-kiem/").content.decode()
    assert re.findall(r'<select [^>]*data-facet="([a-z_]+)"', html) == [facet.name for facet in FACETS]
    for facet in FACETS:
        assert f'<label for="search-{facet.name}">{facet.label}</label>' in html
        assert f'<option value="">{facet.all_label}</option>' in html


def test_the_script_knows_no_facet_and_draws_no_card():
    script = (Path(settings.BASE_DIR) / "static" / "js" / "search.js").read_text()
    for facet in FACETS:
        assert f'"{facet.name}"' not in script and f"'{facet.name}'" not in script, facet.name
    for drawn_by_templates in ('"search-card', '"card__', '"chip"', '"stars', '"badge'):
        assert drawn_by_templates not in script
    assert "format" in script and "html" in script  # it asks for the server's parts


def _search_list(html: str) -> str:
    return re.search(r'<ul id="search-list"[^>]*>(.*?)</ul>', html, re.S).group(1)


def test_the_page_and_the_api_draw_result_cards_with_the_same_template(client, catalogue):
    query = {"q": "ca phe", "sort": "name"}
    page = client.get("/tim-kiem/", query)
    answer = client.get("/api/search/", {**query, "format": "html"})
    assert "search/_card.html" in [template.name for template in page.templates]
    assert "search/_card.html" in [template.name for template in answer.templates]
    html = answer.json()["html"]
    assert html["results"] == _search_list(page.content.decode())
    count = answer.json()["count"]
    assert html["results"].count('<article class="card search-card">') == count >= 2
    assert "<mark>" in html["results"]
    assert html["count"] == f"{count} kết quả"


def test_the_html_parts_are_only_added_when_asked_and_keep_the_contract(client, catalogue):
    plain = api(client, q="ca phe")
    assert "html" not in plain
    rich = api(client, q="ca phe", format="html")
    assert {key: value for key, value in rich.items() if key != "html"} == plain
    assert set(rich["html"]) == {
        "searched",
        "count",
        "notice",
        "chips",
        "filtering",
        "clear_filters",
        "results",
        "pagination",
        "filters",
    }
    assert list(rich["html"]["filters"]) == [facet.name for facet in FACETS]


def test_filter_options_and_chips_come_from_the_server_with_every_value_kept(client, catalogue):
    html = api(client, stars=["3", "5"], type="product", format="html")["html"]
    stars = html["filters"]["stars"]
    assert '<option value="5" data-label="5 sao" selected>5 sao (1)</option>' in stars
    assert '<option value="3" data-label="3 sao" selected>3 sao (1)</option>' in stars
    assert '<option value="4" data-label="4 sao">4 sao (1)</option>' in stars
    # Removing one filter keeps both chosen ratings; removing a rating keeps the other.
    assert 'aria-label="Bỏ lọc: Sản phẩm"' in html["chips"]
    assert 'href="?stars=3&amp;stars=5"' in html["chips"]
    assert 'href="?stars=5&amp;type=product"' in html["chips"]


def test_a_chosen_value_without_a_count_stays_chosen_under_its_name(client, catalogue):
    empty = Province.objects.exclude(slug__in=["lam-dong", "ha-noi"]).first()
    html = client.get("/tim-kiem/", {"province": empty.slug, "q": "ca phe"}).content.decode()
    assert f'<option value="{empty.slug}" selected>{empty.short_name}</option>' in html
