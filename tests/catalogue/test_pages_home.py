"""The home page: featured products and ways into the catalogue."""

from bs4 import BeautifulSoup

from regions.models import Province


def html(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_shows_tagline_and_intro(client, site_tree):
    page = html(client.get("/"))
    assert page.h1.get_text(strip=True) == site_tree.home.title
    assert site_tree.home.tagline in page.get_text()
    assert site_tree.home.intro in page.get_text()


def test_home_page_has_landmarks_and_a_skip_link(client, site_tree):
    page = html(client.get("/"))
    assert page.html["lang"] == "vi"
    assert page.header and page.nav and page.main and page.footer
    skip = page.select_one("a.skip-link")
    assert skip["href"] == "#main" and page.main["id"] == "main"
    assert page.find("a", href=site_tree.products.url) is not None


def test_home_page_features_featured_products_only(client, make_product):
    make_product(title="Mật ong bạc hà", featured=True)
    make_product(title="Nước mắm thường", featured=False)
    page = html(client.get("/"))
    featured = {a.get_text(strip=True) for a in page.select(".product-card .card__title a")}
    assert featured == {"Mật ong bạc hà"}


def test_home_page_links_to_the_listing_by_region_group_and_stars(client, site_tree, make_product):
    make_product(origin_province=Province.objects.get(slug="lam-dong"), stars=4)
    page = html(client.get("/"))
    listing = site_tree.products.url
    region_link = page.find("a", href=f"{listing}?region=tay-nguyen")
    assert "Tây Nguyên" in region_link.get_text() and "1 sản phẩm" in region_link.get_text()
    group_link = page.find("a", href=f"{listing}?category=thuc-pham")
    assert "Thực phẩm" in group_link.get_text() and "1 sản phẩm" in group_link.get_text()
    stars_link = page.find("a", href=f"{listing}?stars=4")
    assert "4 sao" in stars_link.get_text() and "1 sản phẩm" in stars_link.get_text()
    assert page.find("a", href=f"{listing}?stars=5") is not None


def test_home_page_counts_products_per_star_rank(client, make_product, make_producer):
    producer = make_producer()
    for _ in range(3):
        make_product(producer=producer, stars=4)
    page = html(client.get("/"))
    assert "3 sản phẩm OCOP" in page.select_one(".hero__count").get_text(" ", strip=True)
    assert "3 sản phẩm" in page.find("a", href=lambda href: href and href.endswith("?stars=4")).get_text()
