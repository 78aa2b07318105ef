"""What search adds to core's health check and periodic work (``core.extension_points``).
Registered with Wagtail's hooks; imported by ``search/wagtail_hooks.py``.
"""

import logging

from django.conf import settings
from wagtail import hooks

from core.extension_points import HEALTH_CHECKS, PERIODIC_TASKS

from . import elastic

logger = logging.getLogger(__name__)


@hooks.register(HEALTH_CHECKS)
def search_engine_health():
    """Which engine answers searches; Elasticsearch down is degraded, not failing (the database answers).

    It only reads: missed changes are sent by the periodic task, never by a health check.
    """
    if not elastic.configured():
        return "search", {"engine": "database", "elasticsearch": "not configured"}
    try:
        elastic.client(timeout=settings.ELASTICSEARCH_TIMEOUT).info()
    except elastic.ERRORS as error:
        elastic.mark_down(error)
        return "search", {"engine": "database", "elasticsearch": "unavailable", "fallback": True}
    elastic.mark_up()
    return "search", {"engine": "elasticsearch", "elasticsearch": "ok"}


@hooks.register(PERIODIC_TASKS)
def send_missed_changes(stdout):
    if elastic.configured() and elastic.ping():
        sent = elastic.catch_up()
        stdout.write(f"Search index: {sent} missed changes sent to Elasticsearch.")
