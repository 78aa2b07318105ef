"""/api/v1/docs in a real browser: Swagger UI, served by the portal itself, draws every operation of
the OpenAPI document, and the page asks nothing of any other site (no CDN, no online validator)."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.slow]


def test_the_api_docs_draw_every_operation_from_this_site_alone(chromium, live_server, make_product):
    make_product(title="Cà phê bột Đắk Đam")
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/api/v1/docs")
    paths = page.locator(".opblock-summary-path")
    expect(paths.first).to_be_visible()
    shown = set(paths.all_inner_texts())
    shown = {text.replace("\u200b", "").strip() for text in shown}
    for path in ("/api/v1/products/", "/api/v1/products/{product_id}", "/api/v1/regions/", "/api/search/"):
        assert path in shown, shown
    # Try one operation as a developer would: open it, "Try it out", execute, see a 200.
    page.locator("#operations-Sản_phẩm-list_products .opblock-summary").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table tbody .response-col_status").first).to_have_text("200")
    ours = urlsplit(live_server.url).netloc
    assert {urlsplit(url).netloc for url in requests if not url.startswith("data:")} == {ours}
    assert errors == []
    context.close()
