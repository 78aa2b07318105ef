"""/healthz reports the background worker from its queue (the age of the oldest ready task), and
only reads; the worker runs what is ready and leaves what is deferred."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from webhooks.delivery import send_delivery

pytestmark = pytest.mark.django_db


def queue(run_after=None):
    return send_delivery.using(backend="worker", run_after=run_after).enqueue(0)


def worker_part(client) -> tuple[int, dict, str]:
    response = client.get("/healthz")
    body = response.json()
    return response.status_code, body["worker"], body["status"]


def test_an_empty_queue_is_ok(client):
    assert worker_part(client) == (200, {"status": "ok", "oldest_ready_seconds": 0}, "ok")


def test_a_task_waiting_longer_than_the_limit_makes_the_site_degraded_not_down(client, settings):
    queue()
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=10))
    status, worker, site = worker_part(client)
    assert status == 200
    assert site == "degraded"
    assert worker["status"] == "degraded" and worker["fallback"] is True
    assert 595 <= worker["oldest_ready_seconds"] <= 700


def test_a_fresh_task_or_one_deferred_to_later_is_not_a_delay(client):
    queue()
    queue(run_after=timezone.now() + datetime.timedelta(hours=6))
    DBTaskResult.objects.filter(run_after__lt=timezone.now() + datetime.timedelta(days=1)).update(
        enqueued_at=timezone.now() - datetime.timedelta(days=1)
    )
    assert worker_part(client)[1]["status"] == "ok"


def test_a_deferred_task_counts_from_when_it_became_due(client):
    queue(run_after=timezone.now() - datetime.timedelta(minutes=30))
    _, worker, _ = worker_part(client)
    assert worker["status"] == "degraded"
    assert worker["oldest_ready_seconds"] >= 1800


def test_the_health_check_only_reads(client):
    queue()
    with CaptureQueriesContext(connection) as queries:
        client.get("/healthz")
    writes = [q["sql"] for q in queries if q["sql"].lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []


def test_the_worker_fixture_runs_ready_tasks_and_leaves_deferred_ones(run_background_tasks):
    ready, later = queue(), queue(run_after=timezone.now() + datetime.timedelta(minutes=5))
    assert run_background_tasks() == 1
    assert DBTaskResult.objects.get(pk=ready.id).status == "SUCCESSFUL"
    assert DBTaskResult.objects.get(pk=later.id).status == "READY"
    assert run_background_tasks(now=timezone.now() + datetime.timedelta(minutes=6)) == 1
    assert DBTaskResult.objects.get(pk=later.id).status == "SUCCESSFUL"
