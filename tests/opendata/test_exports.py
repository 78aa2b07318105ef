"""The open-data files on a generated catalogue of a few thousand products: they validate against
their own ``datapackage.json`` with Frictionless, say the same in CSV and JSONL, stream, and cost
the same few queries whatever their size."""

import csv
import io
import json
import time

import frictionless
import pytest
from django.db import transaction

from catalogue.models import Certification, ProducerPage, ProductPage
from catalogue.site_tree import ensure_site_tree
from core.visibility import public_pages
from demo.generator import generate_catalogue
from opendata.fields import PRODUCER_FIELDS, PRODUCT_FIELDS

N_PRODUCTS = 2000
FILES = ("products.csv", "products.jsonl", "producers.csv", "producers.jsonl")

pytestmark = pytest.mark.slow


def download(client, name: str) -> bytes:
    response = client.get(f"/api/v1/exports/{name}")
    assert response.status_code == 200, name
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture(scope="class")
def catalogue(django_db_setup, django_db_blocker):
    """A generated national-like catalogue with certifications, shared by the class, rolled back after it."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            ensure_site_tree(hostname="testserver")
            generate_catalogue(N_PRODUCTS, seed=14)
            # Some products hold several certifications: the list columns have something to join.
            certifications = list(Certification.objects.all()[:3])
            for product in ProductPage.objects.order_by("pk")[:300]:
                product.certifications.set(certifications[: 1 + product.pk % 3])
            yield
            transaction.set_rollback(True)


@pytest.mark.django_db
class TestOnAGeneratedCatalogue:
    def test_the_files_validate_against_their_data_package_with_frictionless(self, catalogue, client, tmp_path):
        for name in ("datapackage.json", "products.csv", "producers.csv"):
            (tmp_path / name).write_bytes(download(client, name))

        report = frictionless.validate(str(tmp_path / "datapackage.json"))

        errors = [error.message for task in report.tasks for error in task.errors][:10]
        assert report.valid, errors
        assert {task.name: task.stats["rows"] for task in report.tasks} == {
            "products": public_pages(ProductPage.objects).count(),
            "producers": public_pages(ProducerPage.objects).count(),
        }

    def test_every_public_product_and_producer_is_a_row(self, catalogue, client):
        products = json_lines(download(client, "products.jsonl"))
        producers = json_lines(download(client, "producers.jsonl"))

        assert len(products) == N_PRODUCTS
        assert [row["id"] for row in products] == sorted(ProductPage.objects.values_list("pk", flat=True))
        assert {row["id"] for row in producers} == set(ProducerPage.objects.values_list("pk", flat=True))
        assert {row["producer_id"] for row in products} <= {row["id"] for row in producers}
        assert sum(row["product_count"] for row in producers) == N_PRODUCTS

    def test_csv_and_jsonl_say_the_same_thing(self, catalogue, client):
        for dataset, fields in (("products", PRODUCT_FIELDS), ("producers", PRODUCER_FIELDS)):
            raw = download(client, f"{dataset}.csv")
            assert raw.startswith(b"\xef\xbb\xbf"), "the CSV starts with a UTF-8 BOM, for Excel"
            table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
            lines = json_lines(download(client, f"{dataset}.jsonl"))

            assert list(table[0]) == [field.name for field in fields] == list(lines[0])
            assert len(table) == len(lines)
            for row, line in zip(table[:500], lines[:500], strict=True):
                assert row == {name: as_csv(value) for name, value in line.items()}

    def test_a_product_row_reads_like_its_page(self, catalogue, client):
        product = ProductPage.objects.filter(certifications__isnull=False).order_by("pk").first()
        row = next(line for line in json_lines(download(client, "products.jsonl")) if line["id"] == product.pk)

        assert row["name"] == product.title
        assert row["url"] == product.get_full_url()
        assert row["stars"] == product.stars and row["score"] == product.score
        assert row["status"] == product.certificate_status().value
        assert row["status_label"] == product.certificate_status_label
        assert row["recognised_on"] == product.recognised_on.isoformat()
        assert row["province_code"] == product.origin_province_id
        assert row["region_name"] == product.region_name
        assert row["producer_name"] == product.producer.title
        assert row["certifications"] == [c.name for c in product.certifications.order_by("sort_order", "name")]
        assert row["gtin"] == product.gtin
        assert row["updated_at"].endswith("Z")

    def test_the_files_are_streamed_a_batch_at_a_time(self, catalogue, client):
        for name in FILES:
            response = client.get(f"/api/v1/exports/{name}")
            assert response.streaming, f"{name} is streamed, never built in memory"
            assert sum(1 for _ in response.streaming_content) > 2, "written a batch at a time"

    def test_the_whole_catalogue_streams_in_a_few_seconds(self, catalogue, client):
        started = time.perf_counter()
        size = len(download(client, "products.csv"))
        elapsed = time.perf_counter() - started
        assert size > N_PRODUCTS * 300
        assert elapsed < 10, f"{N_PRODUCTS} products took {elapsed:.1f} s"


def json_lines(raw: bytes) -> list[dict]:
    text = raw.decode()
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def as_csv(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


# At most: the freshness aggregate, the site root, the certification names, two for each use of the
# public rule (view restrictions, unpublished sections: products, producers, stories), and the rows
# themselves — one query, read in chunks.
MAX_QUERIES = 10


def stream_costs(client, django_assert_max_num_queries) -> dict[str, int]:
    costs = {}
    for name in FILES:
        with django_assert_max_num_queries(MAX_QUERIES) as queries:
            response = client.get(f"/api/v1/exports/{name}")
            for _ in response.streaming_content:
                pass
        costs[name] = len(queries)
    return costs


@pytest.mark.django_db
def test_a_file_costs_the_same_queries_for_forty_products_as_for_four_hundred(
    site_tree, client, django_assert_max_num_queries
):
    generate_catalogue(40, seed=1)
    small = stream_costs(client, django_assert_max_num_queries)
    generate_catalogue(400, seed=2)
    assert ProductPage.objects.count() == 440

    assert stream_costs(client, django_assert_max_num_queries) == small
