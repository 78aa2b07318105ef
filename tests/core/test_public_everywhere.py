"""A live page under a page that is not live is public nowhere (issue 13, item 2).

Wagtail's ``live()`` looks at the page alone. Two ways a live product ends up under a
section that is not live, each checked on every surface:

- **republished**: the products section is unpublished (which unpublishes every product
  beneath it), then one product is published again in code (as scheduled publishing or a
  script would: the admin refuses, see the end of this module);
- **under a draft section**: a product published under a products index that was never
  published.

Each surface gets its own test: the page itself, the listings and the home page, search and
its suggestions (and a full rebuild of the index), the headless API (list, detail and
``find/?html_path=``), the sitemap, the scans (``/q/``, its QR images) and GS1 Digital Link
(the redirect and the linkset), a tour hotspot, and the RSS feed for a story under an
unpublished stories index. Publishing such a page in the admin is refused with a message.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from catalogue.models import ProductIndexPage, ProductPage
from core import visibility
from scans.models import ScanCode
from search.models import SearchEntry
from stories.models import StoryPage
from tests.catalogue.test_admin_forms import product_form

pytestmark = pytest.mark.django_db

HIDDEN_TITLE = "Mật ong rừng U Minh Hạ"
HIDDEN_QUERY = "mat ong rung u minh"
GTIN13 = "8934567890120"  # a valid EAN-13


@pytest.fixture
def producer(make_producer):
    producer = make_producer(title="HTX Ong Mật Cà Mau")
    producer.save_revision().publish()  # published as an editor would: in the search index
    return producer


def republished(site_tree, make_product, producer):
    product = make_product(title=HIDDEN_TITLE, slug="mat-ong-rung", producer=producer, featured=True, gtin="0" + GTIN13)
    site_tree.products.unpublish()  # the cascade unpublishes the product too
    product.refresh_from_db()
    assert not product.live
    ProductPage.objects.get(pk=product.pk).save_revision().publish()
    return ProductPage.objects.get(pk=product.pk)


def under_a_draft_section(site_tree, make_product, producer):
    section = site_tree.home.add_child(instance=ProductIndexPage(title="Khu nháp", slug="khu-nhap", live=False))
    product = make_product(
        title=HIDDEN_TITLE,
        slug="mat-ong-rung",
        producer=producer,
        featured=True,
        gtin="0" + GTIN13,
        parent=section,
        live=False,
    )
    ProductPage.objects.get(pk=product.pk).save_revision().publish()
    return ProductPage.objects.get(pk=product.pk)


@pytest.fixture(params=[republished, under_a_draft_section], ids=["republished", "under-a-draft-section"])
def hidden(request, site_tree, make_product, producer):
    product = request.param(site_tree, make_product, producer)
    assert product.live  # live by itself: only its section keeps it from the public
    return product


def test_the_rule_in_one_place(hidden):
    assert not visibility.is_public(hidden)
    assert not visibility.public_pages(ProductPage.objects).filter(pk=hidden.pk).exists()
    assert visibility.has_unpublished_ancestor(hidden)


def test_its_page_answers_404_and_is_never_cached(client, hidden):
    for _ in range(2):  # the second request would be answered by the page cache
        response = client.get(hidden.url)
        assert response.status_code == 404
        assert HIDDEN_TITLE not in response.content.decode()


def test_it_is_in_no_listing(client, site_tree, hidden, producer):
    listing = client.get(site_tree.products.url)
    # Republished: the products section itself is not live, so its listing is gone too.
    assert listing.status_code == (404 if hidden.get_parent().pk == site_tree.products.pk else 200)
    assert HIDDEN_TITLE not in listing.content.decode()
    assert client.get(hidden.get_parent().url).status_code == 404
    producer_page = client.get(producer.url)
    assert producer_page.status_code == 200 and HIDDEN_TITLE not in producer_page.content.decode()


def test_it_is_not_on_the_home_page(client, hidden):
    response = client.get("/")
    assert response.status_code == 200
    assert HIDDEN_TITLE not in response.content.decode()


def _titles(response) -> list[str]:
    assert response.status_code == 200
    data = response.json()
    return [item["title"] for item in data.get("results", data.get("suggestions", []))]


def test_it_is_not_found_by_search_nor_suggested(client, hidden, producer, rebuild_index):
    for step in ("as published", "after a full rebuild"):
        assert HIDDEN_TITLE not in _titles(client.get("/api/search/", {"q": HIDDEN_QUERY})), step
        assert HIDDEN_TITLE not in _titles(client.get("/api/search/suggest/", {"q": "mat ong rung"})), step
        assert producer.title in _titles(client.get("/api/search/", {"q": "htx ong mat ca mau"})), step
        assert not SearchEntry.objects.filter(page_id=hidden.pk, deleted=False).exists(), step
        rebuild_index()


def test_it_is_not_in_the_api(client, hidden):
    listing = client.get("/api/v2/pages/", {"type": "catalogue.ProductPage"})
    assert listing.status_code == 200
    assert HIDDEN_TITLE not in [item["title"] for item in listing.json()["items"]]
    assert HIDDEN_TITLE not in [item["title"] for item in client.get("/api/v2/pages/").json()["items"]]
    assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404
    assert client.get("/api/v2/pages/find/", {"html_path": hidden.url}).status_code == 404


def test_it_is_not_in_the_sitemap(read_sitemap, hidden, producer):
    content = read_sitemap()
    assert producer.slug in content
    assert f"/{hidden.slug}/" not in content


def test_its_scan_code_and_qr_images_are_not_resolved(client, hidden):
    code = ScanCode.for_product(hidden).code
    for _ in range(2):  # the second scan would be answered from the scan cache
        response = client.get(f"/q/{code}")
        assert response.status_code == 404 and "Location" not in response
        assert "Sản phẩm có thể là hàng giả" in response.content.decode()
    for suffix in ("qr.svg", "qr.png"):
        assert client.get(f"/q/{code}/{suffix}").status_code == 404


def test_its_gs1_digital_link_and_linkset_are_not_resolved(client, hidden):
    response = client.get(f"/01/{GTIN13}")
    assert response.status_code == 404 and "Location" not in response
    assert "Sản phẩm có thể là hàng giả" in response.content.decode()
    assert client.get(f"/01/{GTIN13}", {"linkType": "all"}).status_code == 404
    assert client.get(f"/01/{GTIN13}", headers={"Accept": "application/linkset+json"}).status_code == 404


def test_no_tour_hotspot_leads_to_it(hidden):
    from tours.models import _hotspot_json

    hotspot = {"kind": "product", "label": "Mật ong", "yaw": 10, "pitch": -5, "product": hidden}
    assert _hotspot_json(hotspot) is None


def test_the_section_published_again_brings_it_back_everywhere(client, site_tree, hidden):
    section = hidden.get_parent().specific
    section.save_revision().publish()
    assert client.get(hidden.url).status_code == 200
    assert HIDDEN_TITLE in _titles(client.get("/api/search/", {"q": HIDDEN_QUERY}))
    assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 200
    assert client.get(f"/01/{GTIN13}").status_code == 302


# --- stories: the RSS feed ------------------------------------------------------------------------


def _verified_story(make_story, review_story, producer):
    story = make_story(producer, title="Câu chuyện dưới mục nháp")
    review_story(story)
    return StoryPage.objects.get(pk=story.pk)


@pytest.mark.parametrize("order", ["index-unpublished-first", "story-reverified-after"])
def test_a_story_under_an_unpublished_stories_index_is_not_in_the_feed(
    client, editorial_site, make_story, review_story, producer, order
):
    if order == "index-unpublished-first":
        editorial_site.stories.unpublish()
        story = _verified_story(make_story, review_story, producer)
    else:
        story = _verified_story(make_story, review_story, producer)
        editorial_site.stories.unpublish()
        review_story(StoryPage.objects.get(pk=story.pk))  # approved again: published again
        story = StoryPage.objects.get(pk=story.pk)
    assert story.live
    feed = client.get("/feeds/cau-chuyen.xml")
    assert feed.status_code == 200
    assert story.title not in feed.content.decode()
    assert client.get(story.url).status_code == 404


# --- the admin refuses ----------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, django_user_model, site_tree):
    user = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "mat-khau-thu-nghiem")
    client.force_login(user)
    return client


def _refused(response, section_title: str) -> None:
    assert response.status_code == 302
    errors = [str(message) for message in get_messages(response.wsgi_request) if message.level_tag == "error"]
    assert any("chưa được xuất bản" in error and section_title in error for error in errors), errors


def test_the_edit_form_refuses_to_publish_under_an_unpublished_section(admin_client, site_tree, make_product):
    product = make_product(title="Cà phê bột Đắk Đam", slug="ca-phe-bot-dak-dam")
    site_tree.products.unpublish()
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[product.pk]),
        product_form(product.producer, **{"action-publish": "action-publish"}),
    )
    _refused(response, site_tree.products.title)
    assert not ProductPage.objects.get(pk=product.pk).live


def test_the_create_form_refuses_to_publish_under_a_draft_section(admin_client, site_tree, make_producer):
    section = site_tree.home.add_child(instance=ProductIndexPage(title="Khu nháp", slug="khu-nhap", live=False))
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("catalogue", "productpage", section.pk)),
        product_form(make_producer(), **{"action-publish": "action-publish"}),
    )
    _refused(response, "Khu nháp")
    assert not ProductPage.objects.get(slug="ca-phe-bot-dak-dam").live


def test_the_bulk_action_refuses_to_publish_under_an_unpublished_section(admin_client, site_tree, make_product):
    product = make_product(title="Cà phê bột Đắk Đam")
    site_tree.products.unpublish()
    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = admin_client.post(f"{bulk}?id={product.pk}&next=/admin/", {})
    _refused(response, site_tree.products.title)
    assert not ProductPage.objects.get(pk=product.pk).live
    # Publishing the section with it, in the same action, is fine.
    response = admin_client.post(f"{bulk}?id={site_tree.products.pk}&id={product.pk}&next=/admin/", {})
    assert response.status_code == 302
    assert ProductPage.objects.get(pk=product.pk).live


def test_the_listing_asks_as_many_queries_however_many_dark_sections_and_products(
    client, site_tree, make_product, producer
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def listing_queries() -> int:
        cache.clear()  # no page cache, no cached counts: the listing is built again
        with CaptureQueriesContext(connection) as queries:
            response = client.get(site_tree.products.url)
        assert response.status_code == 200 and HIDDEN_TITLE not in response.content.decode()
        return len(queries)

    under_a_draft_section(site_tree, make_product, producer)
    make_product(title="Sản phẩm công khai", producer=producer)
    client.get(site_tree.products.url)  # warm what a running site has warmed
    once = listing_queries()
    for number in range(3):
        section = site_tree.home.add_child(
            instance=ProductIndexPage(title=f"Khu nháp {number}", slug=f"khu-nhap-{number}", live=False)
        )
        make_product(title=f"{HIDDEN_TITLE} {number}", parent=section, producer=producer, featured=True)
        make_product(title=f"Sản phẩm công khai {number}", producer=producer)
    assert listing_queries() == once
