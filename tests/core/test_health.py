"""The health check load balancers poll, and robots.txt for crawlers."""

from unittest import mock

import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_healthz_reports_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["cache"] == "ok"
    # Without ELASTICSEARCH_URL the database engine answers searches: nothing is degraded.
    assert body["search"] == {"engine": "database", "elasticsearch": "not configured"}


def test_healthz_reports_degraded_with_503_when_the_cache_raises(client):
    broken_cache = mock.Mock()
    broken_cache.set.side_effect = ConnectionError("redis is down")
    broken_cache.get.side_effect = ConnectionError("redis is down")

    with mock.patch("core.views.cache", broken_cache):
        response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["cache"] == "error"
    assert body["database"] == "ok"
    broken_cache.set.assert_called_once()


def test_healthz_reports_degraded_when_the_cache_loses_writes(client):
    forgetful_cache = mock.Mock()
    forgetful_cache.get.return_value = None

    with mock.patch("core.views.cache", forgetful_cache):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"] == "error"


def test_healthz_reports_degraded_with_503_when_the_database_raises(client):
    with mock.patch("core.views.connection") as connection:
        connection.cursor.side_effect = DatabaseError("connection refused")
        response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["database"] == "error"
    assert body["cache"] == "ok"


def test_healthz_only_answers_get(client):
    response = client.post("/healthz")

    assert response.status_code == 405


def test_robots_txt_disallows_the_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /django-admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_names_the_sitemap_on_the_requesting_host(client):
    response = client.get("/robots.txt", HTTP_HOST="ocop.example.vn")

    assert "Sitemap: http://ocop.example.vn/sitemap.xml" in response.content.decode().splitlines()


def test_favicon_ico_points_browsers_to_the_self_hosted_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].startswith("/static/img/favicon")
    assert client.get(response["Location"]).status_code == 200


def test_pages_are_gzipped_for_clients_that_accept_it(client, make_product):
    product = make_product(summary="Bơ trồng trên đất đỏ bazan của vùng núi lửa Krông Nô.")
    response = client.get(product.url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
