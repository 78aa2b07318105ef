"""The product listing: filters by place, group and stars, that work without JavaScript."""

import datetime

import pytest
from bs4 import BeautifulSoup

from catalogue.models import ProductCategory, ProductIndexPage
from regions.models import Province


def html(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(page: BeautifulSoup) -> set[str]:
    return {a.get_text(strip=True) for a in page.select(".product-card .card__title a")}


@pytest.fixture
def catalogue(make_product, make_producer):
    """Four products in different places, groups and star ranks, from one producer."""
    producer = make_producer()
    return {
        "coffee": make_product(
            title="Cà phê Lâm Đồng",
            producer=producer,
            origin_province=Province.objects.get(slug="lam-dong"),
            category=ProductCategory.objects.get(slug="ca-phe-ca-cao"),
            stars=4,
        ),
        "tea": make_product(
            title="Chè Thái Nguyên",
            producer=producer,
            origin_province=Province.objects.get(slug="thai-nguyen"),
            category=ProductCategory.objects.get(slug="che-tra"),
            stars=5,
            score_production=38,
            score_marketing=24,
            score_quality=33,
        ),
        "wine": make_product(
            title="Rượu Hà Nội",
            producer=producer,
            origin_province=Province.objects.get(slug="ha-noi"),
            category=ProductCategory.objects.get(slug="do-uong-co-con"),
            stars=3,
            score_production=25,
            score_marketing=15,
            score_quality=20,
        ),
        "rice": make_product(
            title="Gạo Cần Thơ",
            producer=producer,
            origin_province=Province.objects.get(slug="can-tho"),
            category=ProductCategory.objects.get(slug="nong-san-so-che"),
            stars=4,
        ),
    }


def test_listing_shows_every_live_product_with_a_count(client, site_tree, catalogue):
    page = html(client.get(site_tree.products.url))
    assert page.h1.get_text(strip=True) == "Sản phẩm OCOP"
    assert titles(page) == {"Cà phê Lâm Đồng", "Chè Thái Nguyên", "Rượu Hà Nội", "Gạo Cần Thơ"}
    assert "4 sản phẩm" in page.select_one(".results__count").get_text()


def test_filter_form_is_a_plain_get_form(client, site_tree, catalogue):
    form = html(client.get(site_tree.products.url)).select_one("form.filters")
    assert form["method"].lower() == "get"
    assert {field["name"] for field in form.select("select")} >= {"region", "province", "category", "stars"}
    assert form.select_one("button[type=submit]") is not None


def test_listing_filters_by_region(client, site_tree, catalogue):
    page = html(client.get(site_tree.products.url, {"region": "tay-nguyen"}))
    assert titles(page) == {"Cà phê Lâm Đồng"}
    assert "Tây Nguyên" in page.select_one(".chips").get_text()


def test_listing_filters_by_province(client, site_tree, catalogue):
    page = html(client.get(site_tree.products.url, {"province": "ha-noi"}))
    assert titles(page) == {"Rượu Hà Nội"}


def test_listing_filters_by_product_group_including_its_subgroups(client, site_tree, catalogue):
    page = html(client.get(site_tree.products.url, {"category": "thuc-pham"}))
    assert titles(page) == {"Cà phê Lâm Đồng", "Chè Thái Nguyên", "Gạo Cần Thơ"}


def test_listing_filters_by_subgroup(client, site_tree, catalogue):
    page = html(client.get(site_tree.products.url, {"category": "che-tra"}))
    assert titles(page) == {"Chè Thái Nguyên"}


def test_listing_filters_by_stars(client, site_tree, catalogue):
    page = html(client.get(site_tree.products.url, {"stars": "4"}))
    assert titles(page) == {"Cà phê Lâm Đồng", "Gạo Cần Thơ"}
    assert "4 sao" in page.select_one(".chips").get_text()


def test_filters_combine(client, site_tree, catalogue):
    page = html(client.get(site_tree.products.url, {"category": "thuc-pham", "stars": "4", "region": "tay-nguyen"}))
    assert titles(page) == {"Cà phê Lâm Đồng"}


@pytest.mark.parametrize("query", [{"province": "xyz"}, {"region": "mars"}, {"category": "khong-co"}, {"stars": "7"}])
def test_unknown_filter_value_is_a_form_error_not_a_server_error(client, site_tree, catalogue, query):
    response = client.get(site_tree.products.url, query)
    page = html(response)
    alert = page.select_one(".alert--error")
    assert alert is not None
    assert "không hợp lệ" in alert.get_text()
    assert next(iter(query.values())) in alert.get_text()
    assert page.select_one(".field--error") is not None
    # the invalid filter is ignored, so the consumer still sees products
    assert len(titles(page)) == 4


def test_no_results_gives_a_helpful_empty_state(client, site_tree, catalogue):
    page = html(client.get(site_tree.products.url, {"province": "ca-mau"}))
    empty = page.select_one(".empty-state")
    assert "Chưa tìm thấy sản phẩm phù hợp" in empty.get_text()
    assert empty.find("a", href=site_tree.products.url) is not None
    assert not titles(page)


def test_pagination_keeps_the_active_filters(client, site_tree, make_product, make_producer, monkeypatch):
    monkeypatch.setattr(ProductIndexPage, "products_per_page", 2)
    producer = make_producer()
    for n in range(5):
        make_product(title=f"Bốn sao {n}", producer=producer, stars=4)
    make_product(title="Năm sao", producer=producer, stars=5, score_production=38, score_marketing=24, score_quality=33)

    first = html(client.get(site_tree.products.url, {"stars": "4"}))
    assert "5 sản phẩm" in first.select_one(".results__count").get_text()
    next_link = first.select_one(".pagination a[rel=next]")
    assert next_link["href"] == "?stars=4&page=2"
    assert all("stars=4" in a["href"] for a in first.select(".pagination a"))

    second = html(client.get(site_tree.products.url + next_link["href"]))
    assert len(titles(second)) == 2
    assert "Năm sao" not in titles(second)
    assert second.select_one(".pagination [aria-current=page]").get_text(strip=True) == "2"


def test_removing_one_active_filter_keeps_the_others(client, site_tree, catalogue):
    page = html(client.get(site_tree.products.url, {"stars": "4", "region": "tay-nguyen"}))
    remove_links = {a["aria-label"]: a["href"] for a in page.select(".chips a")}
    assert remove_links["Bỏ lọc Hạng sao: 4 sao"] == f"{site_tree.products.url}?region=tay-nguyen"


def test_product_card_never_names_an_unpublished_producer(client, site_tree, make_product, make_producer):
    hidden_producer = make_producer(title="HTX Chưa công khai")
    make_product(title="Mật ong rừng", producer=hidden_producer)
    hidden_producer.unpublish()
    page = html(client.get(site_tree.products.url))
    assert titles(page) == {"Mật ong rừng"}
    assert "HTX Chưa công khai" not in page.get_text()


def test_filter_selects_keep_the_chosen_values_and_escape_labels(client, site_tree):
    from catalogue.filters import PlainSelect

    response = client.get(site_tree.products.url, {"province": "lam-dong", "stars": "4"})
    content = response.content.decode()
    assert '<option value="lam-dong" selected>Lâm Đồng</option>' in content
    assert '<option value="4" selected>4 sao</option>' in content
    assert '<option value="ha-noi">' in content
    widget = PlainSelect(choices=[("a", "<b>x</b>")])
    expected = '<select name="f"><option value="a" selected>&lt;b&gt;x&lt;/b&gt;</option></select>'
    assert widget.render("f", "a") == expected


def test_listing_filters_by_certificate_status(client, site_tree, make_product):
    valid = make_product(title="Chứng nhận còn hạn")
    expired = make_product(title="Chứng nhận quá hạn", recognised_on=datetime.date(2020, 1, 2))
    revoked = make_product(
        title="Chứng nhận bị thu hồi", revoked_on=datetime.date.today(), revocation_reason="Vi phạm chất lượng"
    )
    only_valid = client.get(site_tree.products.url, {"status": "valid"}).content.decode()
    assert valid.title in only_valid
    assert expired.title not in only_valid and revoked.title not in only_valid
    lapsed = client.get(site_tree.products.url, {"status": "lapsed"}).content.decode()
    assert expired.title in lapsed and revoked.title in lapsed
    assert valid.title not in lapsed


@pytest.mark.django_db
def test_active_filters_name_their_choice_in_vietnamese_with_a_link_that_removes_each():
    from catalogue.filters import ProductFilterForm

    form = ProductFilterForm({"stars": "4", "status": "valid", "province": "lam-dong", "page": "3"})
    active = {item["name"]: item for item in form.active_filters}
    assert active["stars"]["value"] == "4 sao"
    assert active["status"]["value"] == "Còn hiệu lực"
    assert active["province"]["value"] == "Lâm Đồng"
    assert active["stars"]["remove_query"] == "status=valid&province=lam-dong"
