"""A story that is not verified and live never reaches the public.

Every kind of hidden story — a draft never submitted, one waiting for review, one
sent back, one whose workflow was cancelled, and an unreviewed edit of a live
story — is checked on every public surface: its URL, the stories list, its
producer's and products' pages, the sitemap, the RSS feed and the API.
"""

import pytest
from wagtail.models import PageViewRestriction, Workflow

from stories.models import StoryPage, UnverifiedStoryError
from stories.roles import STORY_WORKFLOW

pytestmark = pytest.mark.django_db

HIDDEN_TITLE = "Câu chuyện chưa kiểm chứng"
SECRET_SENTENCE = "Điều chưa ai kiểm chứng"


@pytest.fixture
def producer(make_producer):
    return make_producer(title="HTX Có câu chuyện")


@pytest.fixture
def product(make_product, producer):
    return make_product(producer=producer, title="Bơ sáp Krông Nô")


@pytest.fixture
def verified(make_story, review_story, producer, product):
    """A verified, live story of the same producer, to show the surfaces work at all."""
    story = make_story(producer, products=[product], title="Câu chuyện đã kiểm chứng")
    review_story(story)
    return StoryPage.objects.get(pk=story.pk)


def _hidden(make_story, producer, product, **kwargs):
    from tests.factories import story_body

    return make_story(producer, products=[product], title=HIDDEN_TITLE, body=story_body(SECRET_SENTENCE), **kwargs)


def never_submitted(make_story, review_story, producer, product):
    return _hidden(make_story, producer, product)


def waiting_for_review(make_story, review_story, producer, product):
    story = _hidden(make_story, producer, product)
    Workflow.objects.get(name=STORY_WORKFLOW).start(story, None)
    return story


def sent_back(make_story, review_story, producer, product):
    story = _hidden(make_story, producer, product)
    review_story(story, approve=False)
    return story


def cancelled_review(make_story, review_story, producer, product):
    story = _hidden(make_story, producer, product)
    Workflow.objects.get(name=STORY_WORKFLOW).start(story, None)
    story.refresh_from_db()
    story.current_workflow_state.cancel()
    return story


def private_after_review(make_story, review_story, producer, product):
    story = _hidden(make_story, producer, product)
    review_story(story)
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return story


HIDDEN = [
    pytest.param(never_submitted, id="draft"),
    pytest.param(waiting_for_review, id="in-review"),
    pytest.param(sent_back, id="sent-back"),
    pytest.param(cancelled_review, id="cancelled"),
    pytest.param(private_after_review, id="private"),
]


@pytest.fixture(params=HIDDEN)
def hidden(request, make_story, review_story, producer, product, verified):
    return request.param(make_story, review_story, producer, product)


def test_the_hidden_story_url_shows_nothing_of_it(client, hidden):
    response = client.get(f"/cau-chuyen/{hidden.slug}/")
    assert response.status_code in (401, 404) or "password" in response.templates[0].name
    assert SECRET_SENTENCE not in response.content.decode()


def test_the_hidden_story_is_not_listed(client, hidden, verified):
    html = client.get("/cau-chuyen/").content.decode()
    assert verified.title in html and HIDDEN_TITLE not in html


def test_the_hidden_story_is_not_on_its_producer_or_product_page(client, hidden, verified, producer, product):
    for page in (producer, product):
        html = client.get(page.url).content.decode()
        assert verified.title in html and HIDDEN_TITLE not in html, page.url


def test_the_showcase_names_only_the_verified_story_above_the_fold(client, hidden, verified, product):
    from bs4 import BeautifulSoup

    summary = BeautifulSoup(client.get(product.url).content, "html.parser").select_one(".product__summary")
    link = summary.select_one(".product__story a")
    assert link.get_text() == verified.title and link["href"] == verified.url
    assert HIDDEN_TITLE not in summary.get_text()


def test_the_hidden_story_is_not_in_the_sitemap(read_sitemap, hidden, verified):
    sitemap = read_sitemap()
    assert verified.slug in sitemap and hidden.slug not in sitemap


def test_the_hidden_story_is_not_in_the_feed(client, hidden, verified):
    feed = client.get("/feeds/cau-chuyen.xml")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/rss+xml")
    xml = feed.content.decode()
    assert verified.title in xml and HIDDEN_TITLE not in xml


def test_the_hidden_story_is_not_in_the_api(client, hidden, verified):
    listing = client.get("/api/v2/pages/?type=stories.StoryPage&fields=*").json()
    assert [item["title"] for item in listing["items"]] == [verified.title]
    assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404


# --- an edit of a live story -------------------------------------------------------------------


def test_an_unreviewed_edit_of_a_live_story_never_shows(client, read_sitemap, verified, review_story):
    draft = verified.get_latest_revision_as_object()
    draft.standfirst = SECRET_SENTENCE
    draft.save_revision()
    Workflow.objects.get(name=STORY_WORKFLOW).start(verified, None)  # in review now
    assert SECRET_SENTENCE not in client.get(verified.url).content.decode()
    assert SECRET_SENTENCE not in client.get("/cau-chuyen/").content.decode()
    assert SECRET_SENTENCE not in client.get("/feeds/cau-chuyen.xml").content.decode()
    assert SECRET_SENTENCE not in client.get(f"/api/v2/pages/{verified.pk}/").content.decode()


def test_a_story_cannot_go_live_without_an_approved_review_of_that_revision(verified, make_story, producer):
    story = make_story(producer)
    with pytest.raises(UnverifiedStoryError):
        story.save_revision().publish(skip_permission_checks=True)
    assert not StoryPage.objects.get(pk=story.pk).live
    # An approved review of one revision does not cover the next one.
    revision = verified.get_latest_revision_as_object().save_revision()
    with pytest.raises(UnverifiedStoryError):
        revision.publish(skip_permission_checks=True)
    assert StoryPage.objects.get(pk=verified.pk).live_revision_id != revision.pk


def test_unpublishing_a_story_takes_it_off_every_surface(client, verified):
    verified.unpublish()
    assert client.get(verified.url).status_code == 404
    assert verified.title not in client.get("/feeds/cau-chuyen.xml").content.decode()


# --- what a verified story shows and links to ----------------------------------------------------


def test_a_story_never_links_a_draft_product_or_producer(client, make_story, review_story, make_product, producer):
    from tests.factories import story_body

    live_product = make_product(producer=producer, title="Sản phẩm đang bán")
    draft_product = make_product(producer=producer, title="Sản phẩm chưa công bố", live=False)
    body = story_body("Chuyện hai sản phẩm.") + [
        {
            "type": "related_products",
            "value": {"heading": "Sản phẩm", "products": [draft_product.pk, live_product.pk]},
        }
    ]
    story = make_story(producer, products=[live_product, draft_product], body=body)
    review_story(story)
    html = client.get(StoryPage.objects.get(pk=story.pk).url).content.decode()
    assert "Sản phẩm đang bán" in html and "Sản phẩm chưa công bố" not in html

    detail = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert [item["title"] for item in detail["product_summaries"]] == ["Sản phẩm đang bán"]
    related = next(block for block in detail["body"] if block["type"] == "related_products")
    assert [item["title"] for item in related["value"]["products"]] == ["Sản phẩm đang bán"]

    producer.unpublish()
    html = client.get(StoryPage.objects.get(pk=story.pk).url).content.decode()
    assert producer.url not in html if producer.url else True
    assert client.get(f"/api/v2/pages/{story.pk}/").json()["producer_summary"] is None


def test_the_api_carries_the_verification_record(client, verified):
    detail = client.get(f"/api/v2/pages/{verified.pk}/").json()
    record = detail["verification_summary"]
    assert record["verified_by"] == "Ban biên tập Cổng OCOP"
    assert record["methods"] == [
        {
            "method": "site_visit",
            "label": "Đến tận cơ sở sản xuất",
            "checked_on": "2025-03-10",
            "checked_on_display": "10/03/2025",
        }
    ]
    assert "notes" not in str(record) and "Đã đến vườn" not in str(detail)
    assert detail["reading_minutes"] >= 1


def test_the_home_page_shows_only_verified_stories(client, hidden, verified):
    html = client.get("/").content.decode()
    assert verified.title in html and HIDDEN_TITLE not in html
