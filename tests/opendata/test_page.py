"""``/du-lieu-mo/``: the page that explains the open data, in Vietnamese, with its schema.org
``Dataset`` JSON-LD; and ``catalog.jsonld``, a DCAT-AP catalogue that an RDF parser reads."""

import json

import pytest
import rdflib
from bs4 import BeautifulSoup
from django.utils import timezone
from rdflib import namespace

from opendata.fields import PRODUCER_FIELDS, PRODUCT_FIELDS

pytestmark = pytest.mark.django_db

DATA_FILES = ("products.csv", "products.jsonl", "producers.csv", "producers.jsonl")


@pytest.fixture
def catalogue(make_product, make_producer):
    producer = make_producer(title="HTX Chè Tân Cương")
    producer.save_revision().publish()
    products = [make_product(producer=producer, title=f"Chè búp số {n}") for n in range(3)]
    products[0].save_revision().publish()
    return producer, products


def test_the_page_explains_the_data_in_vietnamese(client, catalogue):
    response = client.get("/du-lieu-mo/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "vi"
    assert soup.h1.get_text() == "Dữ liệu mở sản phẩm OCOP"
    text = soup.get_text(" ", strip=True)
    assert "Giấy phép" in text and "CC BY 4.0" in text
    assert soup.find("a", rel="license")["href"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "3 dòng" in text and "1 dòng" in text  # three products, one producer


def test_the_page_shows_the_last_update_as_a_vietnamese_date_and_time(client, catalogue):
    _, products = catalogue
    products[0].refresh_from_db()
    published = timezone.localtime(products[0].last_published_at)

    text = BeautifulSoup(client.get("/du-lieu-mo/").content, "html.parser").get_text(" ", strip=True)

    assert f"Cập nhật lần cuối: {published:%d/%m/%Y %H:%M}" in text


def test_the_page_links_every_file_with_its_approximate_size(client, catalogue):
    soup = BeautifulSoup(client.get("/du-lieu-mo/").content, "html.parser")
    links = {a.get_text(): a["href"] for a in soup.select("a[download]")}

    assert links == {name: f"http://testserver/api/v1/exports/{name}" for name in DATA_FILES}
    assert "khoảng" in soup.get_text()
    for name in ("datapackage.json", "catalog.jsonld"):
        assert soup.find("a", href=f"http://testserver/api/v1/exports/{name}")


def test_once_a_file_was_produced_the_page_gives_its_real_size(client, catalogue):
    from opendata.summary import human_size

    size = len(b"".join(client.get("/api/v1/exports/products.csv").streaming_content))

    text = BeautifulSoup(client.get("/du-lieu-mo/").content, "html.parser").get_text(" ", strip=True)

    assert f"CSV (UTF-8, có BOM), {human_size(size)}" in text


def test_sizes_read_the_vietnamese_way():
    from opendata.summary import human_size

    assert human_size(1_234_567) == "1,2 MB"
    assert human_size(2_000) == "2 kB"
    assert human_size(35_000_000) == "35 MB"
    assert human_size(512) == "512 B"


def test_the_page_describes_every_field_from_the_same_definitions_as_the_data_package(client, catalogue):
    soup = BeautifulSoup(client.get("/du-lieu-mo/").content, "html.parser")
    package = json.loads(client.get("/api/v1/exports/datapackage.json").content)

    on_the_page = [code.get_text() for code in soup.select("dl.facts dt code")]
    in_the_package = [field["name"] for resource in package["resources"] for field in resource["schema"]["fields"]]
    assert on_the_page == in_the_package == [field.name for field in (*PRODUCT_FIELDS, *PRODUCER_FIELDS)]
    for field in PRODUCT_FIELDS:
        assert field.title in soup.get_text() and field.description in soup.get_text()
    titles = {field["name"]: field["title"] for field in package["resources"][0]["schema"]["fields"]}
    assert titles["stars"] == "Hạng sao"


def test_the_page_carries_a_schema_org_dataset_per_dataset_with_its_downloads(client, catalogue):
    soup = BeautifulSoup(client.get("/du-lieu-mo/").content, "html.parser")

    (script,) = soup.find_all("script", type="application/ld+json")
    datasets = json.loads(script.string)

    assert [item["@type"] for item in datasets] == ["Dataset", "Dataset"]
    assert {item["name"] for item in datasets} == {"Sản phẩm OCOP", "Chủ thể OCOP"}
    for item in datasets:
        assert item["license"] == "http://creativecommons.org/licenses/by/4.0/"
        assert item["inLanguage"] == "vi" and item["isAccessibleForFree"] is True
        assert item["dateModified"].endswith("Z")
        assert {d["@type"] for d in item["distribution"]} == {"DataDownload"}
    urls = {d["contentUrl"]: d["encodingFormat"] for item in datasets for d in item["distribution"]}
    assert urls == {
        f"http://testserver/api/v1/exports/{name}": "text/csv" if name.endswith("csv") else "application/jsonl"
        for name in DATA_FILES
    }


def test_the_dcat_catalogue_parses_and_names_every_distribution(client, catalogue):
    response = client.get("/api/v1/exports/catalog.jsonld")
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"

    graph = rdflib.Graph().parse(data=response.content, format="json-ld")

    (catalog,) = graph.subjects(namespace.RDF.type, namespace.DCAT.Catalog)
    datasets = set(graph.objects(catalog, namespace.DCAT.dataset))
    assert {str(graph.value(d, namespace.DCTERMS.title)) for d in datasets} == {"Sản phẩm OCOP", "Chủ thể OCOP"}
    assert set(graph.subjects(namespace.RDF.type, namespace.DCAT.Dataset)) == datasets
    downloads = {}
    for dataset in datasets:
        assert graph.value(dataset, namespace.DCTERMS.license) == rdflib.URIRef(
            "http://creativecommons.org/licenses/by/4.0/"
        )
        assert graph.value(dataset, namespace.DCTERMS.publisher) is not None
        assert graph.value(dataset, namespace.DCTERMS.modified).datatype == rdflib.XSD.dateTime
        for distribution in graph.objects(dataset, namespace.DCAT.distribution):
            assert (distribution, namespace.RDF.type, namespace.DCAT.Distribution) in graph
            assert str(graph.value(distribution, namespace.DCTERMS.title))
            media_type = str(graph.value(distribution, namespace.DCAT.mediaType))
            downloads[str(graph.value(distribution, namespace.DCAT.downloadURL))] = media_type.rsplit(
                "media-types/", 1
            )[1]
    assert downloads == {
        f"http://testserver/api/v1/exports/{name}": "text/csv" if name.endswith("csv") else "application/jsonl"
        for name in DATA_FILES
    }
    for url in downloads:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200
