"""The background worker's health, read from its queue: how long the oldest ready task has waited.

The worker (``manage.py db_worker``) writes no heartbeat, but a worker that is down, stuck or
too slow leaves ready tasks waiting. Degraded, not failing: pages still answer, only webhooks
(and Wagtail's index updates) are late. It only reads.
"""

import datetime

from django.conf import settings
from django.db.models import Min
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max


def worker_health(now: datetime.datetime | None = None) -> tuple[str, dict]:
    now = now or timezone.now()
    backends = [name for name in settings.TASKS if isinstance(task_backends[name], DatabaseBackend)]
    ready = DBTaskResult.objects.ready().filter(backend_name__in=backends)
    # A task queued to run at once waits from when it was queued; a deferred one from its run_after.
    oldest = min(
        filter(
            None,
            (
                ready.filter(run_after=get_date_max()).aggregate(at=Min("enqueued_at"))["at"],
                ready.exclude(run_after=get_date_max()).aggregate(at=Min("run_after"))["at"],
            ),
        ),
        default=None,
    )
    waited = max(0, int((now - oldest).total_seconds())) if oldest else 0
    if waited > settings.WORKER_STALE_SECONDS:
        return "worker", {"status": "degraded", "oldest_ready_seconds": waited, "fallback": True}
    return "worker", {"status": "ok", "oldest_ready_seconds": waited}
