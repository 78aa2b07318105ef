"""Anything that is not live and public never reaches the public site.

Three kinds of hidden product — a draft, a private (password or login) page and
a live page under an unpublished parent — must not appear on the home page, the
listing, their producer's page, the sitemap or the headless API, and their own
URL must not show their content.
"""

import pytest
from wagtail.models import PageViewRestriction

HIDDEN_TITLE = "Sản phẩm chưa công khai"


@pytest.fixture
def producer(make_producer):
    return make_producer(title="HTX Có sản phẩm ẩn")


@pytest.fixture
def visible(make_product, producer):
    """A live public product of the same producer, to show the pages work at all."""
    return make_product(title="Sản phẩm công khai", producer=producer, featured=True)


def draft(make_product, producer, site_tree):
    product = make_product(title=HIDDEN_TITLE, slug="san-pham-nhap", producer=producer, featured=True)
    product.unpublish()
    return product


def password_protected(make_product, producer, site_tree):
    product = make_product(title=HIDDEN_TITLE, slug="san-pham-mat-khau", producer=producer, featured=True)
    PageViewRestriction.objects.create(page=product, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return product


def login_only(make_product, producer, site_tree):
    product = make_product(title=HIDDEN_TITLE, slug="san-pham-dang-nhap", producer=producer, featured=True)
    PageViewRestriction.objects.create(page=product, restriction_type=PageViewRestriction.LOGIN)
    return product


def under_unpublished_parent(make_product, producer, site_tree):
    """A second product section, unpublished; its live child must stay hidden."""
    from catalogue.models import ProductIndexPage

    section = site_tree.home.add_child(instance=ProductIndexPage(title="Khu thử nghiệm", slug="thu-nghiem"))
    product = make_product(title=HIDDEN_TITLE, slug="san-pham-con", producer=producer, featured=True, parent=section)
    section.unpublish()
    return product


HIDDEN = [
    pytest.param(draft, id="draft"),
    pytest.param(password_protected, id="password"),
    pytest.param(login_only, id="login"),
    pytest.param(under_unpublished_parent, id="unpublished-parent"),
]


@pytest.mark.parametrize("hide", HIDDEN)
def test_hidden_product_is_not_featured_on_home(client, site_tree, visible, make_product, producer, hide):
    hide(make_product, producer, site_tree)
    content = client.get("/").content.decode()
    assert visible.title in content
    assert HIDDEN_TITLE not in content


@pytest.mark.parametrize("hide", HIDDEN)
def test_hidden_product_is_not_in_the_listing(client, site_tree, visible, make_product, producer, hide):
    hide(make_product, producer, site_tree)
    response = client.get(site_tree.products.url)
    assert response.status_code == 200
    assert visible.title in response.content.decode()
    assert HIDDEN_TITLE not in response.content.decode()
    assert "1 sản phẩm" in response.content.decode()


@pytest.mark.parametrize("hide", HIDDEN)
def test_hidden_product_is_not_on_its_producer_page(client, site_tree, visible, make_product, producer, hide):
    hide(make_product, producer, site_tree)
    content = client.get(producer.url).content.decode()
    assert visible.title in content
    assert HIDDEN_TITLE not in content


@pytest.mark.parametrize("hide", HIDDEN)
def test_hidden_product_is_not_in_the_sitemap(read_sitemap, site_tree, visible, make_product, producer, hide):
    product = hide(make_product, producer, site_tree)
    content = read_sitemap()
    assert f"http://testserver{visible.url}" in content
    assert f"/{product.slug}/" not in content


@pytest.mark.parametrize("hide", HIDDEN)
def test_hidden_product_is_not_in_the_api(client, site_tree, visible, make_product, producer, hide):
    hide(make_product, producer, site_tree)
    response = client.get("/api/v2/pages/", {"type": "catalogue.ProductPage", "fields": "stars"})
    assert response.status_code == 200
    found = {item["title"] for item in response.json()["items"]}
    assert found == {visible.title}


@pytest.mark.parametrize("hide", HIDDEN)
def test_hidden_product_url_does_not_show_the_product(client, site_tree, make_product, producer, hide):
    product = hide(make_product, producer, site_tree)
    response = client.get(product.url)
    content = response.content.decode()
    assert HIDDEN_TITLE not in content
    if response.status_code == 200:  # only the password form may be shown, and it reveals nothing
        assert "Trang này cần mật khẩu" in content
        assert 'type="application/ld+json"' not in content
        assert 'property="og:' not in content
    else:
        assert response.status_code in (302, 404)


def test_password_page_is_not_indexed(client, site_tree, make_product, producer):
    product = password_protected(make_product, producer, site_tree)
    response = client.get(product.url)
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_login_only_product_redirects_to_login(client, site_tree, make_product, producer):
    product = login_only(make_product, producer, site_tree)
    response = client.get(product.url)
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_unpublishing_a_section_unpublishes_every_page_beneath_it(make_product, producer, site_tree):
    product = under_unpublished_parent(make_product, producer, site_tree)
    product.refresh_from_db()
    assert not product.live


def test_a_live_product_moved_under_an_unpublished_section_is_unpublished(client, make_product, producer, site_tree):
    from catalogue.models import ProductIndexPage

    section = site_tree.home.add_child(instance=ProductIndexPage(title="Lưu trữ", slug="luu-tru"))
    section.unpublish()
    product = make_product(title=HIDDEN_TITLE, slug="se-chuyen", producer=producer)
    product.move(section, pos="last-child")
    product.refresh_from_db()
    assert not product.live
    assert client.get("/luu-tru/se-chuyen/").status_code == 404


def hide_producer_by_unpublishing(producer):
    producer.unpublish()


def hide_producer_behind_a_password(producer):
    PageViewRestriction.objects.create(page=producer, restriction_type=PageViewRestriction.PASSWORD, password="x")


@pytest.mark.parametrize("hide_producer", [hide_producer_by_unpublishing, hide_producer_behind_a_password])
@pytest.mark.parametrize("path", ["/", "/san-pham/", "product"])
def test_a_hidden_producer_is_never_named_on_cards_or_the_product_page(
    client, site_tree, make_product, make_producer, hide_producer, path
):
    producer = make_producer(title="HTX Bí Mật Chưa Duyệt")
    product = make_product(title="Sản phẩm của chủ thể ẩn", producer=producer, featured=True)
    hide_producer(producer)
    content = client.get(product.url if path == "product" else path).content.decode()
    assert product.title in content
    assert producer.title not in content
