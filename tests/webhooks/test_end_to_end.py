"""An editor publishes in the admin; after the commit the worker sends a signed Standard Webhooks
POST to a real receiver on a loopback port, retried under the same id when the receiver fails."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from standardwebhooks import Webhook

from catalogue.models import ProductPage
from tests.catalogue.test_admin_forms import product_form
from webhooks.models import Delivery, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish_in_admin(editor_client, editorial_site, make_producer, django_capture_on_commit_callbacks):
    def publish(**overrides) -> ProductPage:
        producer = make_producer()
        url = reverse("wagtailadmin_pages:add", args=("catalogue", "productpage", editorial_site.products.pk))
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                url, product_form(producer, **{"action-publish": "action-publish", **overrides})
            )
        assert response.status_code == 302, response.content.decode()[:2000]
        return ProductPage.objects.get(slug=overrides.get("slug", "ca-phe-bot-dak-dam"))

    return publish


def test_an_editor_publishing_a_product_sends_a_signed_product_published_after_the_commit(
    publish_in_admin, subscription, receiver, run_background_tasks
):
    product = publish_in_admin()
    assert receiver.requests == []  # nothing is sent by the web request itself: the worker sends
    assert run_background_tasks() == 1

    [request] = receiver.requests
    event = Webhook(subscription.secret).verify(request.body, request.headers)
    assert request.path == "/hooks/ocop"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["webhook-id"].startswith("msg_")
    assert request.headers["webhook-signature"].startswith("v1,")
    assert event["type"] == "product.published"
    assert datetime.datetime.fromisoformat(event["timestamp"]) <= timezone.now()
    assert event["data"] == {
        "id": product.pk,
        "type": "product",
        "title": "Cà phê bột Đắk Đam",
        "url": "http://testserver/san-pham/ca-phe-bot-dak-dam/",
        "api_url": f"http://testserver/api/v1/products/{product.pk}",
        "updated_at": event["data"]["updated_at"],
        "stars": 4,
        "status": "valid",
        "province": product.origin_province_id,
    }
    assert datetime.datetime.fromisoformat(event["data"]["updated_at"]) == product.last_published_at
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (Delivery.Status.SUCCEEDED, 1, 204)


def test_the_signature_is_hmac_sha256_of_id_timestamp_and_body_with_the_decoded_secret(
    publish_in_admin, subscription, receiver, run_background_tasks
):
    import base64
    import hashlib
    import hmac

    publish_in_admin()
    run_background_tasks()
    [request] = receiver.requests
    key = base64.b64decode(subscription.secret.removeprefix("whsec_"))
    signed = f"{request.headers['webhook-id']}.{request.headers['webhook-timestamp']}.".encode() + request.body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    assert request.headers["webhook-signature"] == f"v1,{expected}"
    assert len(key) == 32


def test_a_receiver_answering_500_gets_the_same_event_again_with_the_same_id_after_the_backoff(
    publish_in_admin, subscription, receiver, run_background_tasks
):
    receiver.answer(500, body=b"Internal error " * 100)
    publish_in_admin()
    assert run_background_tasks() == 1
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (Delivery.Status.PENDING, 1, 500)
    assert delivery.last_error == "HTTP 500: phản hồi lỗi."
    assert len(delivery.response_excerpt) == 200  # only the start of the answer is kept
    assert delivery.next_attempt_at - delivery.last_attempt_at == datetime.timedelta(seconds=30)

    assert run_background_tasks() == 0  # not before its time
    assert run_background_tasks(now=delivery.next_attempt_at + datetime.timedelta(seconds=1)) == 1

    first, second = receiver.requests
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert first.body == second.body
    Webhook(subscription.secret).verify(second.body, second.headers)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (Delivery.Status.SUCCEEDED, 2, 204)
    assert Event.objects.count() == 1


def test_retries_back_off_exponentially_over_about_a_day(
    publish_in_admin, subscription, receiver, run_background_tasks
):
    receiver.answer(503, times=20)
    publish_in_admin()
    delivery = Delivery.objects.get()
    gaps = []
    moment = timezone.now()
    while run_background_tasks(now=moment):
        delivery.refresh_from_db()
        if delivery.next_attempt_at is None:
            break
        gaps.append(delivery.next_attempt_at - delivery.last_attempt_at)
        moment = delivery.next_attempt_at
    assert [gap.total_seconds() for gap in gaps] == [30, 120, 600, 3600, 6 * 3600, 24 * 3600]
    assert delivery.attempts == 7
    assert delivery.status == Delivery.Status.FAILED
    assert len({request.headers["webhook-id"] for request in receiver.requests}) == 1


def test_a_redirect_is_not_followed_and_counts_as_a_failure(
    publish_in_admin, subscription, receiver, run_background_tasks
):
    receiver.answer(302, headers={"location": receiver.url + "/elsewhere"})
    publish_in_admin()
    run_background_tasks()
    assert [request.path for request in receiver.requests] == ["/hooks/ocop"]
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.response_code) == (Delivery.Status.PENDING, 302)
    assert "chuyển hướng" in delivery.last_error


def test_an_unreachable_receiver_is_a_recorded_failure_with_a_retry(
    publish_in_admin, subscription, run_background_tasks
):
    subscription.url = "http://127.0.0.1:9/nobody-listens"
    subscription.save()
    publish_in_admin()
    run_background_tasks()
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.response_code is None
    assert delivery.last_error.startswith("Lỗi kết nối: ConnectionError")


def test_editing_a_public_product_sends_updated_and_unpublishing_sends_its_id_and_url_only(
    publish_in_admin, subscription, receiver, run_background_tasks, django_capture_on_commit_callbacks
):
    product = publish_in_admin()
    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Cà phê bột Đắk Đam thượng hạng"
        product.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        product.unpublish()
    run_background_tasks()

    published, updated, unpublished = receiver.events()
    assert [published["type"], updated["type"], unpublished["type"]] == [
        "product.published",
        "product.updated",
        "product.unpublished",
    ]
    assert updated["data"]["title"] == "Cà phê bột Đắk Đam thượng hạng"
    assert unpublished["data"] == {
        "id": product.pk,
        "type": "product",
        "url": "http://testserver/san-pham/ca-phe-bot-dak-dam/",
    }
    ids = [request.headers["webhook-id"] for request in receiver.requests]
    assert len(set(ids)) == 3  # one event id per change


def test_deleting_a_public_product_sends_deleted_with_its_last_url(
    publish_in_admin, subscription, receiver, run_background_tasks, django_capture_on_commit_callbacks
):
    product = publish_in_admin()
    product_id = product.pk
    with django_capture_on_commit_callbacks(execute=True):
        product.delete()
    run_background_tasks()
    assert receiver.types() == ["product.published", "product.deleted"]
    assert receiver.events()[1]["data"] == {
        "id": product_id,
        "type": "product",
        "url": "http://testserver/san-pham/ca-phe-bot-dak-dam/",
    }


def test_only_the_event_types_a_subscription_asked_for_are_sent(
    publish_in_admin, subscription, receiver, run_background_tasks, django_capture_on_commit_callbacks
):
    subscription.event_types = ["product.unpublished"]
    subscription.save()
    product = publish_in_admin()
    with django_capture_on_commit_callbacks(execute=True):
        product.unpublish()
    run_background_tasks()
    assert receiver.types() == ["product.unpublished"]


def test_a_rolled_back_publication_sends_nothing(
    make_product, subscription, receiver, run_background_tasks, django_capture_on_commit_callbacks
):
    from django.db import transaction

    product = make_product(live=False)
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            product.save_revision().publish()
            raise RuntimeError("the transaction fails after publishing")
        product.refresh_from_db()
        product.title = "Chỉ lưu bản nháp"
        product.save_revision()  # a draft after the rollback: still nothing to announce
    run_background_tasks()
    assert receiver.requests == []
    assert Event.objects.count() == 0
