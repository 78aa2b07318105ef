"""Which event each change makes: published (first time public) or updated (public before and
after), for products, producers and stories; certificates that expire or are revoked, once each."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from webhooks.events import certificates_passed, remember_public_pages
from webhooks.models import AnnouncedPage, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def events(type_prefix="") -> list[tuple[str, int]]:
    return [
        (event.type, event.payload["data"]["id"])
        for event in Event.objects.order_by("created_at", "id")
        if event.type.startswith(type_prefix)
    ]


def publish(page, commit, **changes):
    with commit():
        for name, value in changes.items():
            setattr(page, name, value)
        page.save_revision().publish()
    page.refresh_from_db()


def test_a_producer_is_published_then_updated_then_deleted(make_producer, subscription, commit):
    producer = make_producer(live=False)
    publish(producer, commit)
    publish(producer, commit, title="Hợp tác xã Đắk Đam (mới)")
    with commit():
        producer.delete()
    assert events() == [
        ("producer.published", producer.pk),
        ("producer.updated", producer.pk),
        ("producer.deleted", producer.pk),
    ]
    published = Event.objects.get(type="producer.published").payload["data"]
    assert set(published) == {"id", "type", "title", "url", "api_url", "updated_at", "producer_type", "province"}
    assert published["api_url"] == f"http://testserver/api/v1/producers/{producer.pk}"


def test_published_again_after_being_withdrawn_is_published_not_updated(make_product, subscription, commit):
    product = make_product(live=False)
    publish(product, commit)
    with commit():
        product.unpublish()
    publish(product, commit)
    assert [name for name, _ in events()] == ["product.published", "product.unpublished", "product.published"]


def test_a_story_edit_published_after_its_review_is_story_updated(
    make_producer, make_story, review_story, subscription, commit
):
    story = make_story(make_producer())
    with commit():
        review_story(story)
    story.refresh_from_db()
    story.title = "Hành trình mới"
    story.save_revision()
    with commit():
        review_story(story)
    assert [name for name, _ in events()] == ["story.published", "story.updated"]


def test_a_published_revocation_sends_certificate_revoked_once(make_product, subscription, commit):
    product = make_product(live=False)
    publish(product, commit)
    today = timezone.localdate()
    publish(product, commit, revoked_on=today, revocation_reason="Vi phạm an toàn thực phẩm")
    publish(product, commit, title="Tên mới sau thu hồi")
    assert [name for name, _ in events()] == [
        "product.published",
        "product.updated",
        "certificate.revoked",
        "product.updated",
    ]
    revoked = Event.objects.get(type="certificate.revoked").payload["data"]
    assert revoked["status"] == "revoked"
    assert revoked["revoked_on"] == today.isoformat()
    assert revoked["revocation_reason"] == "Vi phạm an toàn thực phẩm"
    assert Event.objects.get(type="product.updated", payload__data__title=product.title).payload["data"]["status"] == (
        "revoked"
    )


def test_a_certificate_passing_its_expiry_is_announced_once_by_the_periodic_task(make_product, subscription, commit):
    product = make_product(live=False)
    publish(product, commit)
    product.refresh_from_db()
    day_after = datetime.datetime.combine(
        product.expires_on + datetime.timedelta(days=1), datetime.time(8), tzinfo=timezone.get_current_timezone()
    )
    assert certificates_passed(now=day_after - datetime.timedelta(days=2)) == 0  # not yet
    assert certificates_passed(now=day_after) == 1
    assert certificates_passed(now=day_after + datetime.timedelta(days=1)) == 0  # once
    expired = Event.objects.get(type="certificate.expired").payload
    assert expired["data"]["id"] == product.pk
    assert expired["data"]["status"] == "expired"
    assert expired["data"]["expires_on"] == product.expires_on.isoformat()


def test_a_renewed_certificate_that_expires_again_is_announced_again(make_product, subscription, commit):
    product = make_product(live=False)
    publish(product, commit)
    product.refresh_from_db()
    first_expiry = product.expires_on
    after_first = datetime.datetime.combine(first_expiry, datetime.time(23), tzinfo=datetime.UTC) + datetime.timedelta(
        days=2
    )
    assert certificates_passed(now=after_first) == 1
    publish(product, commit, expires_on=first_expiry + datetime.timedelta(days=365))
    assert certificates_passed(now=after_first + datetime.timedelta(days=400)) == 1


def test_a_certificate_expiring_on_a_private_or_draft_product_is_not_announced(make_product, subscription, commit):
    product = make_product(live=False)
    publish(product, commit)
    with commit():
        product.unpublish()
    product.refresh_from_db()
    later = datetime.datetime.combine(product.expires_on, datetime.time(12), tzinfo=datetime.UTC)
    assert certificates_passed(now=later + datetime.timedelta(days=3)) == 0


def test_run_periodic_tasks_includes_the_certificate_step(db):
    out = io.StringIO()
    call_command("run_periodic_tasks", stdout=out)
    assert "Webhooks: 0 certificate events" in out.getvalue()


def test_pages_public_before_webhooks_existed_are_updated_not_published(make_product, subscription, commit):
    product = make_product()  # live and public, never announced (made before the app, as by the factory)
    assert remember_public_pages() >= 1
    assert AnnouncedPage.objects.get(page_id=product.pk).url.endswith(f"/{product.slug}/")
    publish(product, commit, title="Đổi tên")
    with commit():
        product.delete()
    assert [name for name, _ in events()] == ["product.updated", "product.deleted"]


def test_a_change_nobody_subscribed_to_is_remembered_but_not_recorded_as_an_event(make_product, commit):
    product = make_product(live=False)
    publish(product, commit)
    assert Event.objects.count() == 0
    assert AnnouncedPage.objects.get(page_id=product.pk).public
