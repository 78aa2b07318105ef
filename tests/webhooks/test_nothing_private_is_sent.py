"""Only what the public may see is ever sent: the portal's one rule (core/visibility.py).

Drafts, submissions, stories in review or sent back, private pages and pages under an
unpublished section send nothing; a page that stops being public sends its id and URL only.
"""

import pytest
from wagtail.models import PageViewRestriction, Workflow

from catalogue.extensions import CONTENT_WORKFLOW
from stories.roles import STORY_WORKFLOW
from webhooks.models import Event

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Bản nháp bí mật chưa duyệt"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the block as a committed transaction: the after-commit listeners hear it."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def sent(receiver, run_background_tasks):
    def read() -> list[dict]:
        run_background_tasks()
        return receiver.events()

    return read


def assert_nothing_secret(events):
    for event in events:
        assert SECRET_TITLE not in str(event)


def test_a_draft_save_sends_nothing(make_product, subscription, sent, commit):
    with commit():
        product = make_product(live=False, title=SECRET_TITLE)
        product.save_revision()
    assert sent() == []
    assert Event.objects.count() == 0


def test_a_draft_of_a_public_product_sends_nothing_until_it_is_published(make_product, subscription, sent, commit):
    product = make_product(live=False)
    with commit():
        product.save_revision().publish()
    with commit():
        product.title = SECRET_TITLE
        product.save_revision()
    assert [event["type"] for event in sent()] == ["product.published"]
    assert_nothing_secret(sent())


def test_a_product_submitted_for_moderation_sends_nothing(make_product, make_user, subscription, sent, commit):
    product = make_product(live=False, title=SECRET_TITLE)
    product.save_revision()
    with commit():
        Workflow.objects.get(name=CONTENT_WORKFLOW).start(product, make_user("editor"))
    assert sent() == []


def test_a_story_in_review_or_sent_back_sends_nothing_and_is_published_only_once_verified(
    make_product, make_producer, make_story, review_story, subscription, sent, commit
):
    producer = make_producer()
    in_review = make_story(producer, title=SECRET_TITLE)
    sent_back = make_story(producer, title=SECRET_TITLE + " 2")
    verified = make_story(producer, title="Câu chuyện đã thẩm định")
    with commit():
        Workflow.objects.get(name=STORY_WORKFLOW).start(in_review, None)
        review_story(sent_back, approve=False)
    assert sent() == []
    with commit():
        review_story(verified)
    [event] = sent()
    assert event["type"] == "story.published"
    assert event["data"]["id"] == verified.pk
    assert event["data"]["api_url"] == f"http://testserver/api/v1/stories/{verified.pk}"
    assert_nothing_secret([event])


def test_a_page_published_under_an_unpublished_section_sends_nothing_until_the_section_is_published(
    site_tree, make_product, subscription, sent, commit
):
    products = site_tree.products
    with commit():
        products.unpublish()
    product = make_product(live=False, title=SECRET_TITLE)
    with commit():
        product.save_revision().publish()  # scripted: the admin would refuse
    assert sent() == []
    with commit():
        products.save_revision().publish()
    assert [(event["type"], event["data"]["id"]) for event in sent()] == [("product.published", product.pk)]


def test_a_private_page_sends_nothing_and_making_a_public_page_private_sends_unpublished(
    make_product, subscription, sent, commit
):
    product = make_product(live=False)
    with commit():
        product.save_revision().publish()
    with commit():
        PageViewRestriction.objects.create(page=product, restriction_type=PageViewRestriction.PASSWORD, password="x")
    with commit():
        product.title = SECRET_TITLE
        product.save_revision().publish()
    events = sent()
    assert [event["type"] for event in events] == ["product.published", "product.unpublished"]
    assert set(events[1]["data"]) == {"id", "type", "url"}
    assert_nothing_secret(events)


def test_pages_hidden_by_an_unpublished_ancestor_count_as_unpublished(
    site_tree, make_product, make_producer, subscription, sent, commit
):
    product = make_product(live=False)
    producer = make_producer(live=False)
    with commit():
        product.save_revision().publish()
        producer.save_revision().publish()
    with commit():
        site_tree.products.unpublish()
    events = sent()
    assert [(event["type"], event["data"]["id"]) for event in events] == [
        ("product.published", product.pk),
        ("producer.published", producer.pk),
        ("product.unpublished", product.pk),
    ]
    assert events[2]["data"] == {"id": product.pk, "type": "product", "url": events[0]["data"]["url"]}


def test_a_private_section_withdraws_what_lies_below(site_tree, make_producer, subscription, sent, commit):
    producer = make_producer(live=False)
    with commit():
        producer.save_revision().publish()
    with commit():
        PageViewRestriction.objects.create(
            page=site_tree.producers, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    assert [event["type"] for event in sent()] == ["producer.published", "producer.unpublished"]
