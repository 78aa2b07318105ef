"""Bad input is a clear 400; a missing, dead or slow Elasticsearch never breaks a search."""

import socket
import threading
import time
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from search import elastic
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "params, field, words",
    [
        ({"stars": "6"}, "stars", "3, 4 hoặc 5"),
        ({"stars": "bốn"}, "stars", "3, 4 hoặc 5"),
        ({"province": "atlantis"}, "province", "Không có tỉnh"),
        ({"province": "dak-nong"}, "province", "nay thuộc Lâm Đồng"),
        ({"region": "bac-cuc"}, "region", "Không có vùng"),
        ({"category": "vang-bac"}, "category", "Không có nhóm"),
        ({"certification": "iso-99999"}, "certification", "Không có chứng nhận"),
        ({"producer_type": "cong-ty-ma"}, "producer_type", "Loại hình"),
        ({"type": "video"}, "type", "product, producer hoặc story"),
        ({"radius_km": "10"}, "radius_km", "cần kèm vị trí"),
        ({"lat": "12.4"}, "lon", "Cần cả vĩ độ"),
        ({"lat": "abc", "lon": "107"}, "lat", "phải là một số"),
        ({"lat": "95", "lon": "107"}, "lat", ""),
        ({"lat": "12", "lon": "107", "radius_km": "0"}, "radius_km", ""),
        ({"lat": "12", "lon": "107", "radius_km": "99999"}, "radius_km", ""),
        ({"sort": "distance"}, "sort", "cần vị trí"),
        ({"sort": "gia"}, "sort", "Cách sắp xếp"),
        ({"page": "0"}, "page", ""),
        ({"page": "hai"}, "page", "số nguyên"),
        ({"q": "bơ " * 100}, "q", "Từ khóa quá dài"),
    ],
)
def test_bad_parameters_are_a_400_with_a_json_message(client, site_tree, params, field, words):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["field"] == field and words in body["error"]


def test_odd_bytes_and_unknown_parameters_never_cause_a_500(client, site_tree):
    for query in ("%00", "'; DROP TABLE", "🥑🥑", "<script>alert(1)</script>", "a" * 200, "   ", "\\", "%", "_"):
        response = client.get("/api/search/", {"q": query, "utm_source": "zalo"})
        assert response.status_code == 200, query
        assert "<script>" not in response.content.decode()
    assert client.get("/api/search/suggest/", {"q": "x" * 201}).status_code == 400
    assert client.get("/api/search/?q=%FF%FE").status_code == 200


def test_only_get_is_allowed(client, site_tree):
    assert client.post("/api/search/", {"q": "bơ"}).status_code == 405


# --- fallback ----------------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends: nothing listens


@pytest.fixture
def silent_server():
    """A server that accepts connections and never answers: Elasticsearch hanging."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    connections = []

    def accept():
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            connections.append(connection)

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()
    for connection in connections:
        connection.close()


@pytest.fixture
def indexed_product(make_product, rebuild_index):
    product = make_product(title="Bơ núi lửa Krông Nô")
    rebuild_index()
    return product


@pytest.mark.parametrize("outage", ["down", "slow"])
def test_a_dead_or_slow_elasticsearch_falls_back_to_the_database(
    client, settings, indexed_product, silent_server, outage
):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{_closed_port()}" if outage == "down" else silent_server
    settings.ELASTICSEARCH_TIMEOUT = 0.3
    cache.delete(elastic.BREAKER_KEY)

    started = time.monotonic()
    data = client.get("/api/search/", {"q": "bo nui lua"}).json()
    assert data["engine"] == "database" and data["results"][0]["title"] == "Bơ núi lửa Krông Nô"
    suggestions = client.get("/api/search/suggest/", {"q": "bo nui"}).json()["suggestions"]
    assert suggestions[0]["title"] == "Bơ núi lửa Krông Nô"
    # The breaker is open: later searches do not wait for the dead cluster again.
    assert cache.get(elastic.BREAKER_KEY)
    for _ in range(5):
        assert client.get("/api/search/", {"q": "bo"}).json()["engine"] == "database"
    assert time.monotonic() - started < 5  # one short timeout at most, not one per request

    health = client.get("/healthz").json()
    assert health["search"] == {"engine": "database", "elasticsearch": "unavailable", "fallback": True}
    assert health["status"] == "degraded"


def test_changes_missed_while_elasticsearch_was_down_are_caught_up(
    client, settings, with_elasticsearch, make_product, make_producer, rebuild_index, django_capture_on_commit_callbacks
):
    producer = make_producer()
    rebuild_index()
    assert client.get("/api/search/", {"q": "tra atiso"}).json()["engine"] == "elasticsearch"

    # Elasticsearch goes away; an editor publishes a product.
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{_closed_port()}"
    product = make_product(producer=producer, title="Trà atiso Đà Lạt", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        product.save_revision().publish()
    fallback = client.get("/api/search/", {"q": "tra atiso"}).json()
    assert fallback["engine"] == "database" and fallback["results"][0]["title"] == "Trà atiso Đà Lạt"

    # It comes back. The health check sees it, but only asks; the database engine keeps answering,
    # even after the breaker's time, until the periodic task has sent every change it missed.
    settings.ELASTICSEARCH_URL = with_elasticsearch
    cache.delete(elastic.BREAKER_KEY)  # the breaker's time is over
    health = client.get("/healthz").json()["search"]
    assert health == {"engine": "database", "elasticsearch": "catching up", "fallback": True}
    assert SearchEntry.objects.filter(page_id=product.pk, dirty=True).exists()
    assert client.get("/api/search/", {"q": "tra atiso"}).json()["engine"] == "database"
    call_command("run_periodic_tasks", stdout=StringIO())
    assert not SearchEntry.objects.filter(dirty=True).exists()
    assert client.get("/healthz").json()["search"] == {"engine": "elasticsearch", "elasticsearch": "ok"}
    data = client.get("/api/search/", {"q": "tra atiso"}).json()
    assert data["engine"] == "elasticsearch" and data["results"][0]["title"] == "Trà atiso Đà Lạt"


def test_a_rebuild_swaps_the_alias_and_search_keeps_answering_meanwhile(
    client, with_elasticsearch, indexed_product, monkeypatch
):
    es = elastic.client()
    first_index = list(es.indices.get_alias(name=elastic.alias()))
    answers_during_rebuild = []

    original_bulk = elastic.bulk

    def bulk_and_search(*args, **kwargs):
        answers_during_rebuild.append(client.get("/api/search/", {"q": "bo nui lua"}).json())
        return original_bulk(*args, **kwargs)

    monkeypatch.setattr(elastic, "bulk", bulk_and_search)
    report = elastic.rebuild()
    monkeypatch.undo()

    assert answers_during_rebuild and all(
        answer["engine"] == "elasticsearch" and answer["count"] == 1 for answer in answers_during_rebuild
    )
    assert list(es.indices.get_alias(name=elastic.alias())) == [report["index"]] != first_index
    assert not es.indices.exists(index=first_index[0])
    assert client.get("/api/search/", {"q": "bo nui lua"}).json()["count"] == 1


def test_health_reports_the_database_engine_when_elasticsearch_is_not_configured(client, site_tree, settings):
    settings.ELASTICSEARCH_URL = ""
    health = client.get("/healthz").json()
    assert health["search"] == {"engine": "database", "elasticsearch": "not configured"}
    assert health["status"] == "ok"


def test_a_malformed_slug_gets_a_vietnamese_message(client, site_tree):
    response = client.get("/api/search/", {"region": "Foo bar"})
    assert response.status_code == 400 and "không dấu" in response.json()["error"]
