"""GS1 Digital Link: the package's barcode number, as a web address, resolves to the showcase."""

import pytest

from scans.models import CodeKind, ScanCode, ScanDay

pytestmark = pytest.mark.django_db

GTIN13 = "8934567890120"  # a valid EAN-13 (check digit 0)


@pytest.fixture
def product(make_product):
    return make_product(title="Bơ núi lửa Krông Nô", gtin="0" + GTIN13)


@pytest.mark.parametrize("typed", [GTIN13, "0" + GTIN13])
def test_a_gtin_of_any_length_resolves_to_the_showcase_and_counts(client, product, typed):
    response = client.get(f"/01/{typed}")
    assert response.status_code == 302 and response["Location"] == product.url
    assert 'rel="linkset"' in response["Link"]
    assert ScanDay.objects.filter(code__product=product).exists()


def test_a_lot_and_a_serial_carry_the_package(client, product):
    batch = ScanCode.objects.create(product=product, kind=CodeKind.BATCH, lot="L2025")
    item = ScanCode.objects.create(product=product, kind=CodeKind.ITEM, lot="L2025", serial="000123")
    assert client.get(f"/01/{GTIN13}/10/L2025")["Location"] == f"{product.url}?ma={batch.code}"
    assert client.get(f"/01/{GTIN13}/10/L2025/21/000123")["Location"] == f"{product.url}?ma={item.code}"
    assert (
        client.get(f"/01/{GTIN13}/10/L2025?linkType=gs1:traceability")["Location"] == f"{product.url}?ma={batch.code}"
    )
    # An unknown lot still leads to the product; there is just no traceability link for it.
    assert client.get(f"/01/{GTIN13}/10/KHAC")["Location"] == product.url
    assert client.get(f"/01/{GTIN13}/10/KHAC?linkType=gs1:traceability").status_code == 404


def test_link_types_route_the_request(client, product):
    response = client.get(f"/01/{GTIN13}", {"linkType": "gs1:certificationInfo"})
    assert response["Location"] == product.url + "#rating-heading"
    assert client.get(f"/01/{GTIN13}", {"linkType": "https://gs1.org/voc/pip"})["Location"] == product.url
    assert client.get(f"/01/{GTIN13}", {"linkType": "gs1:recipeInfo"}).status_code == 400


def test_the_linkset_is_served_on_request(client, product):
    for response in (
        client.get(f"/01/{GTIN13}", {"linkType": "all"}),
        client.get(f"/01/{GTIN13}", headers={"Accept": "application/linkset+json"}),
    ):
        assert response.status_code == 200 and response["Content-Type"] == "application/linkset+json"
        entry = response.json()["linkset"][0]
        assert entry["anchor"].endswith(f"/01/{GTIN13}")
        assert entry["https://gs1.org/voc/pip"][0]["href"].endswith(product.url)
        assert "https://gs1.org/voc/certificationInfo" in entry and "https://gs1.org/voc/defaultLink" in entry


@pytest.mark.parametrize(
    "path, status",
    [("/01/8934567890121", 400), ("/01/89345678901", 400), ("/01/abc", 400), ("/01/4006381333931", 404)],
)
def test_bad_or_unknown_gtins_get_a_clear_page(client, product, path, status):
    response = client.get(path)
    assert response.status_code == status and "Location" not in response


def test_a_hidden_product_is_not_resolved(client, product):
    product.unpublish()
    assert client.get(f"/01/{GTIN13}").status_code == 404
    assert client.get(f"/01/{GTIN13}", {"linkType": "all"}).status_code == 404


def test_the_resolver_describes_itself(client, site_tree):
    data = client.get("/.well-known/gs1resolver").json()
    assert data["supportedPrimaryKeys"] == ["gtin"] and "gs1:pip" in data["supportedLinkTypes"]
