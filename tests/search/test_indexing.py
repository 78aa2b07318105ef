"""The index follows publishing, at once, on both engines.

Publish, unpublish, delete, move, privacy changes and story approval reach the
index as soon as the change is committed; drafts, pages in review, private and
unpublished pages never enter it.
"""

import pytest
from wagtail.models import PageViewRestriction, Workflow

from catalogue.models import ProductIndexPage
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as a committed transaction (Elasticsearch is written on commit)."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


def found(client, text: str) -> list[str]:
    response = client.get("/api/search/", {"q": text})
    assert response.status_code == 200
    return [result["title"] for result in response.json()["results"]]


@pytest.fixture
def producer(make_producer, committed, search_engine):
    producer = make_producer(title="HTX Chè Tân Cương")
    committed(lambda: producer.save_revision().publish())
    producer.refresh_from_db()
    return producer


def publish_new_product(make_product, producer, committed, **kwargs):
    product = make_product(producer=producer, live=False, **kwargs)
    committed(lambda: product.save_revision().publish())
    product.refresh_from_db()
    return product


def test_publishing_makes_a_product_findable_and_unpublishing_removes_it(client, make_product, producer, committed):
    product = publish_new_product(make_product, producer, committed, title="Chè búp Tân Cương")
    assert "Chè búp Tân Cương" in found(client, "che bup tan cuong")
    committed(lambda: product.unpublish())
    assert "Chè búp Tân Cương" not in found(client, "che bup tan cuong")


def test_a_draft_never_enters_the_index_and_a_new_draft_of_a_live_page_changes_nothing(
    client, make_product, producer, committed
):
    draft = make_product(producer=producer, live=False, title="Chè nháp bí mật")
    committed(lambda: draft.save_revision())
    assert not SearchEntry.objects.filter(page_id=draft.pk).exists()
    assert found(client, "che nhap bi mat") == []

    live = publish_new_product(make_product, producer, committed, title="Chè móc câu")
    revision = live.get_latest_revision_as_object()
    revision.title = "Chè đổi tên chưa duyệt"
    committed(lambda: revision.save_revision())
    assert "Chè móc câu" in found(client, "che moc cau")
    assert found(client, "doi ten chua duyet") == []


def test_deleting_a_page_removes_it(client, make_product, producer, committed):
    product = publish_new_product(make_product, producer, committed, title="Chè xanh Tân Cương")
    committed(lambda: product.delete())
    assert found(client, "che xanh tan cuong") == []


def test_a_privacy_change_hides_and_reveals(client, make_product, producer, committed):
    product = publish_new_product(make_product, producer, committed, title="Chè đinh Tân Cương")
    restriction = committed(
        lambda: PageViewRestriction.objects.create(
            page=product, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    )
    assert found(client, "che dinh") == []
    committed(lambda: restriction.delete())
    assert "Chè đinh Tân Cương" in found(client, "che dinh")


def test_moving_under_an_unpublished_section_removes_and_the_url_follows_moves(
    client, make_product, producer, committed, site_tree
):
    product = publish_new_product(make_product, producer, committed, title="Chè nõn tôm")
    section = site_tree.home.add_child(instance=ProductIndexPage(title="Khu lưu trữ", slug="luu-tru", live=False))
    committed(lambda: product.move(section, pos="last-child"))
    assert found(client, "che non tom") == []


def test_renaming_a_producer_reaches_its_products(client, make_product, producer, committed):
    publish_new_product(make_product, producer, committed, title="Chè Thái Nguyên")
    producer.title = "HTX Chè Tân Cương Xanh"
    committed(lambda: producer.save_revision().publish())
    results = client.get("/api/search/", {"q": "che thai nguyen", "type": "product"}).json()["results"]
    assert results[0]["producer"] == "HTX Chè Tân Cương Xanh"
    committed(lambda: producer.unpublish())
    results = client.get("/api/search/", {"q": "che thai nguyen", "type": "product"}).json()["results"]
    assert results[0]["producer"] == ""  # a hidden producer is never named


def test_a_story_is_findable_only_once_its_review_approves_it(client, producer, make_story, review_story, committed):
    from tests.factories import story_body

    story = make_story(producer, title="Hành trình chè Tân Cương", body=story_body("Đồi chè xanh mướt."))
    committed(lambda: Workflow.objects.get(name="Thẩm định câu chuyện").start(story, None))
    assert found(client, "hanh trinh che") == []
    story.refresh_from_db()
    state = story.current_workflow_state
    committed(lambda: state.cancel())
    committed(lambda: review_story(story))
    assert "Hành trình chè Tân Cương" in found(client, "hanh trinh che")
    assert "Hành trình chè Tân Cương" in found(client, "doi che xanh")  # body text is searchable


def test_rebuilding_finds_pages_created_without_signals(client, make_product, producer, rebuild_index):
    # Factories and generate_catalog write pages without publishing signals; a rebuild finds them.
    make_product(producer=producer, title="Chè Shan tuyết")
    assert found(client, "shan tuyet") == []
    rebuild_index()
    assert "Chè Shan tuyết" in found(client, "shan tuyet")
