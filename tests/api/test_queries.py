"""An answer costs a fixed number of queries, however many rows it has (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def every_rendition_made_at_once(settings):
    """The warm-up answer makes every rendition, however slow the machine: what is counted is the
    usual answer, not the rendition budget (images/budget.py) running out on a busy CI machine."""
    settings.RENDITION_BUDGET_SECONDS = 600


def queries(client, path, params=None) -> int:
    client.get(path, params)  # renditions are made on the first answer; counted: the usual one
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def grow(make_producer, make_product, make_story, review_story, add_details):
    """Adds n products with everything (images, gallery, shop, certification, code, blocks, a story)."""

    def add(n: int):
        for _ in range(n):
            producer = make_producer()
            product = add_details(make_product(producer=producer), images=2)
            review_story(make_story(producer, products=[product]))

    return add


@pytest.mark.parametrize(
    ("path", "most"),
    [("/api/v1/products/", 22), ("/api/v1/producers/", 12), ("/api/v1/stories/", 16)],
)
def test_a_list_costs_the_same_queries_for_two_rows_and_for_six(client, grow, path, most):
    grow(2)
    small = queries(client, path)
    grow(4)
    large = queries(client, path)
    assert large == small
    assert large <= most


@pytest.mark.parametrize(("kind", "most"), [("products", 20), ("producers", 11), ("stories", 15)])
def test_a_detail_costs_a_few_queries(client, grow, kind, most):
    grow(1)
    first = client.get(f"/api/v1/{kind}/").json()["results"][0]
    assert queries(client, f"/api/v1/{kind}/{first['id']}") <= most


def test_regions_with_every_ward_cost_a_few_queries(client, db):
    assert queries(client, "/api/v1/regions/", {"include": "wards"}) <= 5
