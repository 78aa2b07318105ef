"""The API as a good HTTP citizen: revalidation, caching headers, CORS, limits, JSON errors."""

import pytest
from django.utils.http import http_date
from wagtail.models import APIToken

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(make_product):
    return make_product(title="Cà phê bột Đắk Đam")


@pytest.mark.parametrize("path", ["/api/v1/products/", "/api/v1/products/{id}", "/api/v1/regions/"])
def test_an_unchanged_answer_is_a_304_on_if_none_match(client, product, path):
    path = path.format(id=product.pk)
    first = client.get(path)
    assert first.status_code == 200
    assert first["ETag"].startswith('"') and first["Cache-Control"] == "public, max-age=60"
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_change_gives_a_new_etag_and_a_200(client, product):
    first = client.get("/api/v1/products/")
    product.title = "Cà phê bột Đắk Đam (mới)"
    product.save_revision().publish()
    again = client.get("/api/v1/products/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and again["ETag"] != first["ETag"]


def test_if_modified_since_is_answered_from_the_last_public_change(client, product, django_capture_on_commit_callbacks):
    first = client.get(f"/api/v1/products/{product.pk}")
    modified = first["Last-Modified"]
    assert client.get(f"/api/v1/products/{product.pk}", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    # A list loses a row when a page leaves the public site: that is a change too.
    with django_capture_on_commit_callbacks(execute=True):  # as the change's transaction commits
        product.unpublish()
    listing = client.get("/api/v1/products/", HTTP_IF_MODIFIED_SINCE=modified)
    assert listing.status_code == 200 and listing.json()["results"] == []


def test_an_old_if_modified_since_gets_the_answer(client, product):
    response = client.get("/api/v1/products/", HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert response.status_code == 200


def test_errors_are_json_never_cached_and_never_a_stack_trace(client, db):
    for path, status in [
        ("/api/v1/products/999999", 404),
        ("/api/v1/products/abc", 404),
        ("/api/v1/nothing-here", 404),
        ("/api/v1/products/?limit=1000", 400),
    ]:
        response = client.get(path)
        assert response.status_code == status, path
        assert response["Content-Type"].startswith("application/json")
        assert response["Cache-Control"] == "no-store"
        assert set(response.json()) <= {"error", "field"}
        assert "Traceback" not in response.content.decode()


def test_a_write_method_is_a_json_405(client, db):
    response = client.post("/api/v1/products/", {})
    assert response.status_code == 405
    assert response.json() == {"error": "Phương thức không được hỗ trợ: API này chỉ đọc (GET)."}
    assert "GET" in response["Allow"]


def test_cors_answers_the_listed_origins_only_and_only_under_api(client, settings, product):
    settings.CORS_ALLOWED_ORIGINS = ["https://cho.example.vn"]
    allowed = client.get("/api/v1/products/", HTTP_ORIGIN="https://cho.example.vn")
    assert allowed["Access-Control-Allow-Origin"] == "https://cho.example.vn"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    other = client.get("/api/v1/products/", HTTP_ORIGIN="https://la.example.com")
    assert "Access-Control-Allow-Origin" not in other
    page = client.get("/", HTTP_ORIGIN="https://cho.example.vn")
    assert "Access-Control-Allow-Origin" not in page
    preflight = client.options(
        "/api/v1/products/", HTTP_ORIGIN="https://cho.example.vn", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 200 and preflight["Access-Control-Allow-Origin"] == "https://cho.example.vn"


def test_a_client_over_its_rate_gets_a_json_429_with_retry_after(client, settings, db):
    settings.API_RATE_LIMIT = "3/m"
    statuses = [client.get("/api/v1/regions/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v1/regions/")
    assert refused.json() == {"error": "Quá nhiều yêu cầu: xin thử lại sau."}
    assert 1 <= int(refused["Retry-After"]) <= 61
    # Another client address has its own window.
    assert client.get("/api/v1/regions/", REMOTE_ADDR="10.1.2.3").status_code == 200


def test_writing_x_forwarded_for_does_not_escape_the_limit(client, settings, db):
    settings.API_RATE_LIMIT = "2/m"
    statuses = [client.get("/api/v1/regions/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(3)]
    assert statuses == [200, 200, 429]


def test_a_token_is_counted_on_its_own_and_its_answers_are_private(client, settings, django_user_model):
    settings.API_RATE_LIMIT = "1/m"
    settings.API_TOKEN_RATE_LIMIT = "3/m"
    user = django_user_model.objects.create_user("ung-dung", password="mat-khau-thu-nghiem")
    _, token = APIToken.create_token(user=user, name="chợ")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    statuses = [client.get("/api/v1/regions/", **headers).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    answer = client.get("/api/v1/regions/", REMOTE_ADDR="10.9.9.9", **headers)
    assert answer.status_code == 429  # the token's window, whatever the address
    assert client.get("/api/v1/regions/").status_code == 200  # the address's own window is untouched
    settings.API_TOKEN_RATE_LIMIT = "100/m"
    private = client.get("/api/v1/regions/", REMOTE_ADDR="10.9.9.8", **headers)
    assert private["Cache-Control"] == "private, no-cache"


def test_an_unknown_or_revoked_token_is_a_json_401(client, django_user_model):
    user = django_user_model.objects.create_user("ung-dung", password="mat-khau-thu-nghiem")
    instance, revoked = APIToken.create_token(user=user, name="cũ")
    instance.revoke()
    for token in ["khong-phai-ma-that", APIToken.generate_token(), revoked]:
        response = client.get("/api/v1/regions/", HTTP_AUTHORIZATION=f"Bearer {token}")
        assert response.status_code == 401, token
        assert response.json() == {"error": "Mã truy cập (token) không hợp lệ hoặc đã bị thu hồi."}


def test_a_control_character_in_any_parameter_is_a_vietnamese_400(client, db):
    for params in [{"q": "ca\x00phe"}, {"province": "lam\x1bdong"}, {"cursor": "\x00"}, {"x\x00y": "1"}]:
        response = client.get("/api/v1/products/", params)
        assert response.status_code == 400, params
        assert "ký tự không hợp lệ" in response.json()["error"]


def test_head_answers_the_headers_of_the_get_without_its_body(client, product):
    get = client.get("/api/v1/products/")
    head = client.head("/api/v1/products/")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get["ETag"] and head["Content-Length"] == str(len(get.content))
