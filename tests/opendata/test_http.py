"""The files as an HTTP client sees them: validators and 304s, caching headers, a file name, HEAD,
and a fresh copy after any public change."""

import datetime
import socket
from email.utils import parsedate_to_datetime
from unittest import mock

import pytest
from django.utils import timezone

from core import cache as shared_cache
from opendata import freshness

pytestmark = pytest.mark.django_db

ALL_FILES = ("products.csv", "products.jsonl", "producers.csv", "producers.jsonl", "datapackage.json", "catalog.jsonld")
DATA_FILES = ALL_FILES[:4]


@pytest.fixture
def product(make_product):
    return make_product(title="Trà shan tuyết")


def url(name: str) -> str:
    return f"/api/v1/exports/{name}"


@pytest.mark.parametrize("name", ALL_FILES)
def test_each_file_carries_validators_and_a_public_cache_lifetime(client, product, name):
    response = client.get(url(name))

    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert parsedate_to_datetime(response["Last-Modified"])
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "public" in cache_control and "max-age=900" in cache_control


@pytest.mark.parametrize("name", ALL_FILES)
def test_revalidating_an_unchanged_file_is_a_304_without_reading_a_row(
    client, product, name, django_assert_max_num_queries
):
    first = client.get(url(name))

    with django_assert_max_num_queries(1):  # the freshness aggregate only
        by_etag = client.get(url(name), HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(url(name), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert by_etag.status_code == 304 and by_etag["ETag"] == first["ETag"]
    assert by_date.status_code == 304
    assert by_etag.content == b""


def test_each_file_has_its_own_etag(client, product):
    assert len({client.get(url(name))["ETag"] for name in ALL_FILES}) == len(ALL_FILES)


def test_a_public_change_gives_every_file_a_new_etag(client, product, django_capture_on_commit_callbacks):
    before = {name: client.get(url(name))["ETag"] for name in ALL_FILES}

    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Trà shan tuyết cổ thụ"
        product.save_revision().publish()

    for name in ALL_FILES:
        response = client.get(url(name), HTTP_IF_NONE_MATCH=before[name])
        assert response.status_code == 200, name
        assert response["ETag"] != before[name]
    body = b"".join(client.get(url("products.csv")).streaming_content).decode("utf-8-sig")
    assert "Trà shan tuyết cổ thụ" in body


def test_a_change_of_something_many_products_show_gives_a_new_etag(client, product, django_capture_on_commit_callbacks):
    before = client.get(url("products.csv"))["ETag"]

    with django_capture_on_commit_callbacks(execute=True):
        category = product.category
        category.name = "Cà phê và ca cao"
        category.save()

    assert client.get(url("products.csv"), HTTP_IF_NONE_MATCH=before).status_code == 200


def test_pages_written_without_signals_still_change_the_etag(client, product, make_product):
    before = client.get(url("products.csv"))["ETag"]

    make_product(title="Thêm bằng mã, không qua xuất bản")  # factories and the generator send no signal

    assert client.get(url("products.csv"), HTTP_IF_NONE_MATCH=before).status_code == 200


def test_the_version_moves_at_midnight_since_statuses_follow_the_date(product):
    today = freshness.current()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    with mock.patch("opendata.freshness.timezone.localdate", return_value=tomorrow):
        assert freshness.current().version != today.version


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_data_file_downloads_under_its_own_name_and_type(client, product, name):
    response = client.get(url(name))

    assert response.streaming
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    expected = "text/csv" if name.endswith(".csv") else "application/jsonl"
    assert response["Content-Type"] == f"{expected}; charset=utf-8"


@pytest.mark.parametrize("name", DATA_FILES)
def test_head_answers_the_headers_without_reading_a_row(client, product, name, django_assert_max_num_queries):
    full = client.get(url(name))

    with django_assert_max_num_queries(1):
        head = client.head(url(name))

    assert head.status_code == 200 and head.content == b""
    for header in ("ETag", "Last-Modified", "Cache-Control", "Content-Type", "Content-Disposition"):
        assert head[header] == full[header], header


def test_other_methods_and_names_are_refused(client, product):
    assert client.post(url("products.csv")).status_code == 405
    assert client.get(url("products.xlsx")).status_code == 404
    assert client.get(url("../settings.py")).status_code == 404


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_while_the_shared_cache_is_down_files_are_served_fresh_without_validators(settings, client, product):
    shared_cache.reset_breakers()
    settings.REDIS_TIMEOUT = 0.2
    location = f"redis://127.0.0.1:{_closed_port()}/14"
    settings.CACHES = {"default": {"BACKEND": "core.cache.PortalRedisCache", "LOCATION": location}}
    try:
        response = client.get(url("products.csv"), HTTP_IF_MODIFIED_SINCE="Fri, 01 Jan 2100 00:00:00 GMT")

        assert shared_cache.down()
        assert response.status_code == 200
        assert "ETag" not in response and "Last-Modified" not in response
        assert "Trà shan tuyết" in b"".join(response.streaming_content).decode("utf-8-sig")
    finally:
        shared_cache.reset_breakers()


def test_a_browser_saves_the_csv_files_under_the_paths_the_data_package_names(client, product):
    # Saved from /du-lieu-mo/, the files must sit where datapackage.json says, or
    # `frictionless validate datapackage.json` (the page's own advice) cannot find them.
    package = client.get(url("datapackage.json")).json()
    for resource in package["resources"]:
        disposition = client.head(url(resource["path"]))["Content-Disposition"]
        assert disposition == f'attachment; filename="{resource["path"]}"'
