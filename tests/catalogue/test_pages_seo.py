"""What search engines and link previews (Zalo, Facebook) read from every public page."""

import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.template.loader import render_to_string
from PIL import Image

from images.models import PortalImage


def html(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def meta(page: BeautifulSoup, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def json_ld(page: BeautifulSoup) -> dict:
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


@pytest.fixture
def product(make_product):
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1200), (20, 90, 40)).save(buffer, "JPEG")
    image = PortalImage.objects.create(title="Chè", file=ImageFile(buffer, name="che.jpg"))
    return make_product(title="Chè Tân Cương", summary="Chè búp xanh Thái Nguyên.", image=image)


def test_product_page_has_title_description_and_canonical(client, product):
    page = html(client.get(product.url))
    assert page.title.get_text() == "Chè Tân Cương – OCOP Việt Nam"
    assert meta(page, "description") == product.get_meta_description()
    assert page.find("link", rel="canonical")["href"] == f"http://testserver{product.url}"


def test_seo_title_replaces_the_default_title(client, make_product):
    product = make_product(title="Chè", seo_title="Chè Tân Cương Thái Nguyên 5 sao")
    page = html(client.get(product.url))
    assert page.title.get_text() == "Chè Tân Cương Thái Nguyên 5 sao"


def test_product_page_has_open_graph_tags_for_link_previews(client, product):
    page = html(client.get(product.url))
    assert meta(page, "og:title") == "Chè Tân Cương"
    assert meta(page, "og:description") == product.get_meta_description()
    assert meta(page, "og:type") == "product"
    assert meta(page, "og:url") == f"http://testserver{product.url}"
    assert meta(page, "og:locale") == "vi_VN"
    image_url = meta(page, "og:image")
    assert image_url.startswith("http://testserver/")
    assert ".fill-1200x630" in image_url
    assert meta(page, "twitter:card") == "summary_large_image"


def test_page_without_image_has_no_og_image_and_a_small_card(client, make_product):
    page = html(client.get(make_product(image=None).url))
    assert meta(page, "og:image") is None
    assert meta(page, "twitter:card") == "summary"


def test_product_json_ld_is_a_schema_org_product(client, product):
    data = json_ld(html(client.get(product.url)))
    assert data["@type"] == "Product"
    assert data["name"] == "Chè Tân Cương"
    assert data["url"] == f"http://testserver{product.url}"


def test_producer_json_ld_is_a_schema_org_organization(client, make_producer):
    producer = make_producer(title="HTX Chè Tân Cương")
    page = html(client.get(producer.url))
    data = json_ld(page)
    assert data["@type"] == "Organization"
    assert data["name"] == "HTX Chè Tân Cương"
    assert meta(page, "og:type") == "profile"


def test_home_json_ld_is_a_website(client, site_tree):
    page = html(client.get("/"))
    assert json_ld(page)["@type"] == "WebSite"
    assert page.title.get_text() == site_tree.home.seo_title


def test_json_ld_cannot_break_out_of_its_script_element(client, make_product):
    title = "Trà </script><script>alert(1)</script> <!-- & -->"
    product = make_product(title=title, slug="tra-xss")
    response = client.get(product.url)
    raw = response.content.decode()
    script_body = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script_body and ">" not in script_body
    assert json.loads(script_body)["name"] == title


def test_pages_use_only_the_self_hosted_stylesheet_and_deferred_self_hosted_scripts(client, make_product):
    page = html(client.get(make_product().url))
    stylesheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert stylesheets == ["/static/css/portal.css"]
    # Nothing third-party, nothing that blocks rendering: the showcase's share control only.
    scripts = page.find_all("script", src=True)
    assert [script["src"] for script in scripts] == ["/static/js/share.js"]
    assert all(script.has_attr("defer") for script in scripts)


@pytest.mark.parametrize("index", ["products", "producers"])
def test_index_pages_have_a_meta_description(client, site_tree, index):
    page = getattr(site_tree, index)
    page.search_description = ""
    page.intro = "Lọc theo vùng, tỉnh, nhóm sản phẩm và hạng sao."
    page.save_revision().publish()
    description = meta(html(client.get(page.url)), "description")
    assert description == f"{page.title}: {page.intro}"
    page.intro = ""
    page.save_revision().publish()
    description = meta(html(client.get(page.url)), "description")
    assert description.startswith(page.title) and "OCOP" in description


def test_meta_description_fallback_is_cut_at_a_word(site_tree):
    site_tree.products.search_description = ""
    site_tree.products.intro = "sản phẩm " * 40
    text = site_tree.products.get_meta_description()
    assert len(text) <= 160 and text.endswith("phẩm…")


def test_a_long_product_summary_is_cut_at_a_word_in_the_description(make_product):
    product = make_product(title="Cà phê bột Đắk Đam", summary="Cà phê Robusta rang mộc trên đất bazan " * 6)
    text = product.get_meta_description()
    assert len(text) <= 160
    assert text.endswith("…") and not text.endswith(" …")
    assert text[:-1].split()[-1] in product.summary.split()


def test_pages_name_a_self_hosted_icon(client, make_product):
    # without one, browsers ask for /favicon.ico and log a 404 on every first visit
    icon = html(client.get(make_product().url)).find("link", rel="icon")
    assert icon["href"].startswith("/static/img/favicon")
    assert client.get(icon["href"]).status_code == 200


def test_robots_txt_points_to_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_sitemap_lists_live_product_pages(read_sitemap, product):
    assert f"http://testserver{product.url}" in read_sitemap()


def test_sitemap_index_splits_a_large_catalogue_into_pages(client, read_sitemap, product, monkeypatch):
    from core.sitemaps import PortalSitemap

    monkeypatch.setattr(PortalSitemap, "limit", 2)
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-pages.xml?p=2" in index.replace("&amp;", "&")
    assert f"http://testserver{product.url}" in read_sitemap()


def test_unknown_url_gets_a_helpful_vietnamese_404(client, site_tree):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == "vi"
    assert "Không tìm thấy trang" in page.h1.get_text()
    assert page.find("a", href="/") is not None
    assert page.find("a", href=site_tree.products.url) is not None
    assert meta(page, "robots") == "noindex"


def test_500_page_renders_without_the_database():
    # no ``db`` fixture: pytest-django makes any database query here an error
    rendered = render_to_string("500.html")
    page = BeautifulSoup(rendered, "html.parser")
    assert page.html["lang"] == "vi"
    assert "sự cố" in page.h1.get_text()


def test_product_json_ld_carries_its_certification_and_gs1_digital_link(client, make_product):
    import datetime

    product = make_product(title="Cà phê bột Đắk Đam", gtin="08934567890120")
    data = json_ld(html(client.get(product.url)))
    certification = data["hasCertification"]
    assert certification["@type"] == "Certification" and certification["name"] == "OCOP 4 sao"
    assert certification["certificationStatus"] == "https://schema.org/CertificationActive"
    assert certification["validFrom"] == product.recognised_on.isoformat()
    assert certification["expires"] == product.expires_on.isoformat()
    assert certification["issuedBy"]["name"] == "UBND tỉnh Lâm Đồng"
    assert data["hasGS1DigitalLink"].endswith("/01/08934567890120")

    product.expires_on = datetime.date.today() - datetime.timedelta(days=1)
    product.recognised_on = product.expires_on - datetime.timedelta(days=3 * 365)
    product.save_revision().publish()
    expired = json_ld(html(client.get(product.url)))["hasCertification"]
    assert expired["certificationStatus"] == "https://schema.org/CertificationInactive"
