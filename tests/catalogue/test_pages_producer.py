"""Producer profiles and the producer directory."""

from bs4 import BeautifulSoup


def html(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_producer_index_lists_live_producers(client, site_tree, make_producer):
    make_producer(title="HTX Chè Tân Cương")
    make_producer(title="Cơ sở Mật ong Bạc Hà").unpublish()
    page = html(client.get(site_tree.producers.url))
    names = {a.get_text(strip=True) for a in page.select(".producer-card .card__title a")}
    assert names == {"HTX Chè Tân Cương"}
    assert "1 chủ thể" in page.get_text()


def test_producer_page_shows_who_and_where(client, make_producer):
    producer = make_producer(
        title="HTX Đắk Đam",
        legal_name="Hợp tác xã Nông nghiệp dịch vụ Đắk Đam",
        representative="Nguyễn Văn An",
        founded_year=2015,
        street_address="Thôn 3",
        legacy_address="Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông",
        phone="0912 345 678",
        email="htx@example.vn",
        intro="<p>Trồng cà phê <b>hữu cơ</b>.</p>",
    )
    page = html(client.get(producer.url))
    text = page.get_text(" ", strip=True)
    assert page.h1.get_text(strip=True) == "HTX Đắk Đam"
    assert "Hợp tác xã" in page.select_one(".eyebrow").get_text()  # get_producer_type_display
    assert "Hợp tác xã Nông nghiệp dịch vụ Đắk Đam" in text
    assert "Nguyễn Văn An" in text
    assert "2015" in text
    assert producer.address_display in text
    assert "Địa chỉ cũ: Xã Đắk Drô, Huyện Krông Nô, Tỉnh Đắk Nông" in text
    assert page.find("a", href="tel:0912345678") is not None
    assert page.find("a", href="mailto:htx@example.vn") is not None
    assert page.select_one(".rich-text b").get_text() == "hữu cơ"


def test_producer_page_links_to_openstreetmap_without_embedding_a_map(client, make_producer):
    producer = make_producer(latitude=12.4378, longitude=107.827)
    page = html(client.get(producer.url))
    assert "12.43780, 107.82700" in page.get_text()
    link = page.find("a", href=lambda href: href and href.startswith("https://www.openstreetmap.org/"))
    assert link["href"] == "https://www.openstreetmap.org/?mlat=12.43780&mlon=107.82700#map=13/12.43780/107.82700"
    assert not page.find("iframe")
    assert not page.find("script", src=True)


def test_producer_page_lists_its_live_products(client, make_producer, make_product):
    producer = make_producer()
    make_product(title="Cà phê rang xay", producer=producer)
    make_product(title="Cà phê nhân xanh", producer=producer).unpublish()
    page = html(client.get(producer.url))
    products = {a.get_text(strip=True) for a in page.select(".product-card .card__title a")}
    assert products == {"Cà phê rang xay"}


def test_producer_without_products_says_so(client, make_producer):
    page = html(client.get(make_producer().url))
    assert "chưa có sản phẩm OCOP" in page.select_one(".empty-state").get_text()
