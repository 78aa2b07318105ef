"""Only public content, ever: through every endpoint, every filter, ``q``, every cursor and every id.

Each hidden kind — a draft, a page waiting in review, a private page, a live page under an
unpublished section, and for stories one sent back from review — carries the same attributes as
a public twin, so that every filter that finds the twin would find it too if it leaked.
"""

import datetime

import pytest
from wagtail.models import PageViewRestriction, Workflow

from catalogue.extensions import CONTENT_WORKFLOW
from catalogue.models import ProducerIndexPage, ProductIndexPage, ProductPage
from core.visibility import is_public
from stories.models import StoryIndexPage
from stories.roles import STORY_WORKFLOW

pytestmark = pytest.mark.django_db

HIDDEN = "Mật ong bí mật"
HIDDEN_WORDS = "mat ong bi mat"


def draft(site_tree, make, **fields):
    return make(title=HIDDEN, live=False, **fields)


def in_review(site_tree, make, **fields):
    page = make(title=HIDDEN, live=False, **fields)
    page.save_revision()
    Workflow.objects.get(name=CONTENT_WORKFLOW).start(page, None)
    return page


def private(site_tree, make, **fields):
    page = make(title=HIDDEN, **fields)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return page


def under_an_unpublished_section(site_tree, make, **fields):
    kind = {"products": ProductIndexPage, "producers": ProducerIndexPage}[fields.pop("section")]
    section = site_tree.home.add_child(instance=kind(title="Khu nháp", slug="khu-nhap", live=False))
    page = make(title=HIDDEN, parent=section, live=False, **fields)
    type(page).objects.get(pk=page.pk).save_revision().publish()  # live by itself, as a script would make it
    return type(page).objects.get(pk=page.pk)


KINDS = [draft, in_review, private, under_an_unpublished_section]


@pytest.fixture(params=KINDS, ids=lambda kind: kind.__name__)
def hidden_product(request, editorial_site, make_product, catalogue_content):
    fields = {"producer": catalogue_content["producer"], "stars": 4}
    if request.param is under_an_unpublished_section:
        fields["section"] = "products"
    product = request.param(editorial_site, make_product, **fields)
    assert not is_public(product)
    return product


@pytest.fixture(params=KINDS, ids=lambda kind: kind.__name__)
def hidden_producer(request, editorial_site, make_producer, catalogue_content):
    fields = {"section": "producers"} if request.param is under_an_unpublished_section else {}
    producer = request.param(editorial_site, make_producer, **fields)
    assert not is_public(producer)
    return producer


def _all_titles(client, path: str, params: dict) -> list[str]:
    """Every title of a list, page by page with limit=1 (so every cursor is used)."""
    titles, query = [], {**params, "limit": 1}
    for _ in range(50):
        response = client.get(path, query)
        assert response.status_code == 200, response.content
        data = response.json()
        titles += [item["title"] for item in data["results"]]
        if not data["next_cursor"]:
            return titles
        query["cursor"] = data["next_cursor"]
    raise AssertionError("the list did not end")


PRODUCT_FILTERS = [
    {},
    {"province": "lam-dong"},
    {"province": "68"},
    {"region": "tay-nguyen"},
    {"category": "ca-phe-ca-cao"},
    {"category": "thuc-pham"},
    {"stars": 4},
    {"producer_type": "cooperative"},
    {"status": "valid"},
    {"updated_since": "2000-01-01T00:00:00+07:00"},
    {"ordering": "-updated_at"},
    {"ordering": "title"},
    {"ordering": "-stars"},
    {"q": HIDDEN_WORDS},
]


def test_a_hidden_product_is_in_no_list_filter_search_or_cursor_and_its_id_is_404(client, hidden_product):
    public_twin = "Cà phê bột Đắk Đam"
    for params in [*PRODUCT_FILTERS, {"producer": hidden_product.producer_id}]:
        titles = _all_titles(client, "/api/v1/products/", params)
        assert HIDDEN not in titles, params
        if "q" not in params:
            assert public_twin in titles, params  # the filter itself works
    response = client.get(f"/api/v1/products/{hidden_product.pk}")
    assert response.status_code == 404
    assert response.json() == {"error": "Không có sản phẩm công khai với id này."}
    # Nor is it named by its producer or a story.
    producer = client.get(f"/api/v1/producers/{hidden_product.producer_id}").json()
    assert HIDDEN not in [product["title"] for product in producer["products"]]


def test_a_hidden_producer_is_in_no_list_and_is_named_by_none_of_its_products(client, hidden_producer, make_product):
    product = make_product(title="Sản phẩm của chủ thể ẩn", producer=hidden_producer)
    for params in [
        {},
        {"province": "lam-dong"},
        {"region": "tay-nguyen"},
        {"producer_type": "cooperative"},
        {"category": "ca-phe-ca-cao"},
        {"q": HIDDEN_WORDS},
        {"ordering": "-updated_at"},
    ]:
        assert HIDDEN not in _all_titles(client, "/api/v1/producers/", params), params
    assert client.get(f"/api/v1/producers/{hidden_producer.pk}").status_code == 404
    shown = client.get(f"/api/v1/products/{product.pk}").json()
    assert shown["producer"] is None
    assert [
        item["title"] for item in client.get("/api/v1/products/", {"producer": hidden_producer.pk}).json()["results"]
    ] == ["Sản phẩm của chủ thể ẩn"]


def _story_draft(make_story, review_story, producer, product):
    return make_story(producer, products=[product], title=HIDDEN)


def _story_in_review(make_story, review_story, producer, product):
    story = make_story(producer, products=[product], title=HIDDEN)
    Workflow.objects.get(name=STORY_WORKFLOW).start(story, None)
    return story


def _story_sent_back(make_story, review_story, producer, product):
    story = make_story(producer, products=[product], title=HIDDEN)
    review_story(story, approve=False)
    return story


def _story_private(make_story, review_story, producer, product):
    story = make_story(producer, products=[product], title=HIDDEN)
    review_story(story)
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return story


def _story_under_an_unpublished_index(make_story, review_story, producer, product):
    story = make_story(producer, products=[product], title=HIDDEN)
    review_story(story)
    StoryIndexPage.objects.get().unpublish()  # the cascade unpublishes the story too
    return story


@pytest.fixture(
    params=[_story_draft, _story_in_review, _story_sent_back, _story_private, _story_under_an_unpublished_index],
    ids=["draft", "in-review", "sent-back", "private", "under-an-unpublished-section"],
)
def hidden_story(request, make_story, review_story, catalogue_content):
    story = request.param(make_story, review_story, catalogue_content["producer"], catalogue_content["coffee"])
    assert not is_public(story)
    return story


def test_a_story_that_is_not_verified_and_public_is_nowhere(client, hidden_story, catalogue_content):
    story_index_live = StoryIndexPage.objects.get().live
    for params in [
        {},
        {"producer": catalogue_content["producer"].pk},
        {"province": "lam-dong"},
        {"region": "tay-nguyen"},
        {"q": HIDDEN_WORDS},
        {"ordering": "-updated_at"},
    ]:
        titles = _all_titles(client, "/api/v1/stories/", params)
        assert HIDDEN not in titles, params
        if story_index_live and "q" not in params:
            assert "Hành trình cà phê Đắk Đam" in titles, params
    assert client.get(f"/api/v1/stories/{hidden_story.pk}").status_code == 404
    product = client.get(f"/api/v1/products/{catalogue_content['coffee'].pk}").json()
    assert HIDDEN not in [story["title"] for story in product["stories"]]
    producer = client.get(f"/api/v1/producers/{catalogue_content['producer'].pk}").json()
    assert HIDDEN not in [story["title"] for story in producer["stories"]]


def test_an_expired_product_stays_public_and_is_shown_as_expired(client, catalogue_content):
    expired = catalogue_content["expired"]
    titles = _all_titles(client, "/api/v1/products/", {"status": "expired"})
    assert titles == [expired.title]
    assert _all_titles(client, "/api/v1/products/", {"status": "revoked"}) == [catalogue_content["revoked"].title]
    assert expired.title not in _all_titles(client, "/api/v1/products/", {"status": "valid"})


def test_a_cursor_taken_while_a_product_was_public_never_reveals_it_after_it_is_unpublished(client, catalogue_content):
    first = client.get("/api/v1/products/", {"limit": 1}).json()
    assert first["results"][0]["title"] == "Cà phê bột Đắk Đam"
    catalogue_content["expired"].unpublish()
    rest = client.get("/api/v1/products/", {"limit": 10, "cursor": first["next_cursor"]}).json()
    assert [item["title"] for item in rest["results"]] == ["Bánh tráng Tây Ninh"]


def test_a_rich_text_link_to_a_page_that_is_not_public_keeps_its_words_and_loses_its_link(
    client, catalogue_content, make_product
):
    secret = make_product(title=HIDDEN, live=False)
    producer = catalogue_content["producer"]
    producer.intro = f'<p>Xem <a linktype="page" id="{secret.pk}">sản phẩm sắp ra</a>.</p>'
    producer.save_revision().publish()
    intro = client.get(f"/api/v1/producers/{producer.pk}").json()["intro"]
    assert intro == {"html": "<p>Xem sản phẩm sắp ra.</p>", "text": "Xem sản phẩm sắp ra."}
    assert str(secret.pk) not in intro["html"] and ProductPage.objects.filter(pk=secret.pk, live=False).exists()


def test_updated_since_finds_what_was_published_after_it(client, catalogue_content):
    moment = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=1)
    ProductPage.objects.filter(pk=catalogue_content["coffee"].pk).update(last_published_at=moment)
    since = moment.isoformat()
    assert _all_titles(client, "/api/v1/products/", {"updated_since": since}) == ["Cà phê bột Đắk Đam"]
