"""One OpenAPI 3.1 document: the v1 operations, the search routes, the exports, legacy v2."""

import re

import pytest

from api import registry

pytestmark = pytest.mark.django_db


def test_the_document_is_openapi_3_1_with_every_public_route(openapi):
    assert openapi["openapi"].startswith("3.1")
    paths = openapi["paths"]
    for path in (
        "/api/v1/products/",
        "/api/v1/products/{product_id}",
        "/api/v1/producers/",
        "/api/v1/producers/{producer_id}",
        "/api/v1/stories/",
        "/api/v1/stories/{story_id}",
        "/api/v1/regions/",
        "/api/search/",
        "/api/search/suggest/",
    ):
        assert "get" in paths[path], path
    for name in (
        "products.csv",
        "products.jsonl",
        "producers.csv",
        "producers.jsonl",
        "datapackage.json",
        "catalog.jsonld",
    ):
        assert paths[f"/api/v1/exports/{name}"]["get"]["summary"], name
    assert paths["/api/v2/pages/"]["get"]["deprecated"] is True
    # Every operation documents its JSON errors in the one format.
    assert openapi["components"]["schemas"]["Error"]["required"] == ["error"]
    assert "400" in paths["/api/v1/products/"]["get"]["responses"]


def test_an_app_can_add_a_path_item_to_the_document(client):
    registry.register("/api/v1/thu-nghiem", registry.operation("thu_nghiem", "Thử", tag="Thử"))
    try:
        assert "/api/v1/thu-nghiem" in client.get("/api/v1/openapi.json").json()["paths"]
    finally:
        registry.EXTERNAL_PATHS.pop("/api/v1/thu-nghiem")


def test_the_documented_search_routes_keep_their_paths_and_json(client, make_product):
    make_product(title="Cà phê bột Đắk Đam")
    search = client.get("/api/search/", {"q": "ca phe"})
    assert search.status_code == 200 and {"engine", "count", "results", "facets"} <= set(search.json())
    assert "suggestions" in client.get("/api/search/suggest/", {"q": "ca"}).json()


def test_the_docs_page_loads_nothing_from_another_site(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert re.findall(r'(?:src|href)="(?:https?:)?//', html) == []
    assert '"validatorUrl": null' in html


def test_legacy_v2_still_answers(client, make_product):
    product = make_product()
    assert client.get("/api/v2/pages/", {"type": "catalogue.ProductPage"}).json()["meta"]["total_count"] == 1
    assert client.get(f"/api/v2/pages/{product.pk}/").status_code == 200
