"""Every response carries a Content-Security-Policy and a Permissions-Policy (core/security_headers.py).

The public site gets the strict policy (no inline or eval'd script, no inline style); the admin the
looser one Wagtail needs; a preview the public one framed by the admin; a 500 the error page's.
That pages work under them, with no violation, is what the browser tests show (tests/browser).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse

from core.security_headers import ContentSecurityPolicyMiddleware, permissions_policy_header
from portal.settings.env import SETTINGS_VARIABLES

pytestmark = pytest.mark.django_db

CSP = "Content-Security-Policy"
PERMISSIONS = "Permissions-Policy"
REPO_ROOT = Path(__file__).resolve().parents[2]


def directives(header: str) -> dict[str, list[str]]:
    """``"default-src 'self'; img-src 'self' data:"`` → ``{"default-src": ["'self'"], "img-src": [...]}``."""
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def features(header: str) -> dict[str, str]:
    return dict(part.strip().split("=", 1) for part in header.split(","))


@pytest.fixture
def public_urls(make_product, site_tree):
    product = make_product(title="Bơ núi lửa Krông Nô")
    return {
        "home page": "/",
        "product page": product.url,
        "product listing": site_tree.products.url,
        "search page": "/tim-kiem/?q=bo",
        "search API": "/api/search/?q=bo",
        "suggest API": "/api/search/suggest/?q=bo",
        "pages API": "/api/v2/pages/",
        "an unknown scan code (404)": "/q/KHONG-CO-MA",
        "a GS1 link to no product (404)": "/01/09506000134352",
        "a missing page (404)": "/khong-co-trang-nay/",
        "a bad API parameter (400)": "/api/v2/pages/?offset=1e40",
        "robots.txt": "/robots.txt",
        "sitemap": "/sitemap.xml",
        "health check": "/healthz",
        "static file": "/static/css/portal.css",
    }


def test_every_kind_of_public_response_carries_the_public_policy_and_the_permissions_policy(client, public_urls):
    expected = client.get("/").headers[CSP]
    for kind, url in public_urls.items():
        response = client.get(url)
        assert response.status_code < 500, kind
        assert response.headers.get(CSP) == expected, kind
        assert response.headers.get(PERMISSIONS) == permissions_policy_header(settings.PERMISSIONS_POLICY), kind


def test_the_public_policy_allows_no_inline_or_evaluated_script_and_no_inline_style(client):
    policy = directives(client.get("/").headers[CSP])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive]
        assert "'unsafe-eval'" not in policy[directive]
        assert not any(source.startswith(("http", "'nonce-")) for source in policy[directive])
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]


def test_a_cached_public_page_has_no_nonce_so_its_copy_matches_every_later_header(client, make_product):
    product = make_product(title="Bơ núi lửa Krông Nô")
    first, second = client.get(product.url), client.get(product.url)
    assert (first.headers["X-Page-Cache"], second.headers["X-Page-Cache"]) == ("miss", "hit")
    for response in (first, second):
        assert "nonce" not in response.headers[CSP]
        assert b"nonce=" not in response.content
    assert second.headers[CSP] == first.headers[CSP]
    assert second.headers[PERMISSIONS] == first.headers[PERMISSIONS]


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/", "/django-admin/login/"])
def test_the_admins_allow_inline_script_and_style_but_no_eval_and_no_nonce(client, url):
    response = client.get(url)
    policy = directives(response.headers[CSP])
    assert policy["script-src"] == ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    # A nonce would make browsers ignore 'unsafe-inline', which Wagtail's own templates need.
    assert "nonce" not in response.headers[CSP]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert PERMISSIONS in response.headers


def test_a_signed_in_editors_admin_pages_carry_the_admin_policy(client, make_user, make_product):
    product = make_product(title="Bơ núi lửa Krông Nô")
    client.force_login(make_user("editor"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[product.pk]))
    assert response.status_code == 200
    assert "'unsafe-inline'" in directives(response.headers[CSP])["script-src"]


def test_a_preview_gets_the_public_policy_framed_by_the_admin(client, make_user, make_product):
    product = make_product(title="Bơ núi lửa Krông Nô")
    client.force_login(make_user("editor"))
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[product.pk]))
    assert response.status_code == 200
    policy = directives(response.headers[CSP])
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_a_500_gets_the_error_pages_policy_no_script_at_all():
    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponseServerError("<h1>Lỗi</h1>"))
    response = middleware(RequestFactory().get("/san-pham/"))
    policy = directives(response.headers[CSP])
    assert policy["default-src"] == ["'none'"]
    assert "script-src" not in policy
    assert policy["style-src"] == ["'unsafe-inline'"]


def test_wagtails_own_document_and_image_policies_are_kept():
    def serve(request):
        response = HttpResponse(b"%PDF-1.4")
        response[CSP] = "default-src 'none'"
        return response

    response = ContentSecurityPolicyMiddleware(serve)(RequestFactory().get("/documents/1/giay-chung-nhan.pdf"))
    assert response.headers[CSP] == "default-src 'none'"


def nonce_page(request):
    template = engines["django"].from_string('<script nonce="{{ request.csp_nonce }}">window.ready = true</script>')
    return HttpResponse(template.render({}, request))


def test_an_inline_script_with_the_nonce_matches_the_header_and_each_request_gets_its_own():
    middleware = ContentSecurityPolicyMiddleware(nonce_page)
    nonces = []
    for _ in range(2):
        response = middleware(RequestFactory().get("/tim-kiem/"))
        nonce = response.content.decode().split('nonce="', 1)[1].split('"', 1)[0]
        assert f"'nonce-{nonce}'" in directives(response.headers[CSP])["script-src"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]
    assert len(nonces[0]) >= 22  # 128 random bits, base64


def test_the_permissions_policy_denies_what_the_portal_does_not_use_and_allows_what_it_does(client):
    policy = features(client.get("/").headers[PERMISSIONS])
    for denied in ("camera", "microphone", "payment", "usb", "serial", "hid", "midi", "display-capture"):
        assert policy[denied] == "()", denied
    # The tour's gyroscope mode, its fullscreen button, the share and copy buttons, AR, "near me".
    for own in (
        "accelerometer",
        "gyroscope",
        "magnetometer",
        "web-share",
        "clipboard-write",
        "xr-spatial-tracking",
        "geolocation",
    ):
        assert policy[own] == "(self)", own
    assert policy["fullscreen"] == '(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'


def settings_in_a_fresh_process(**environment) -> str:
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings.test", **environment)
    code = "from django.conf import settings; print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES'])"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_media_served_from_another_origin_is_allowed_for_images_media_and_fetches():
    policy = settings_in_a_fresh_process(MEDIA_URL="https://anh.ocop.example/media/")
    directives_with_origin = [line for line in policy.split("], ") if "https://anh.ocop.example" in line]
    assert [line.split("'")[1] for line in directives_with_origin] == ["img-src", "media-src", "connect-src"]
    assert "anh.ocop.example" not in settings_in_a_fresh_process()
