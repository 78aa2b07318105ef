"""What search adds to core's health check and periodic work (``core.extension_points``).
Registered with Wagtail's hooks; imported by ``search/wagtail_hooks.py``.
"""

from wagtail import hooks

from core.extension_points import HEALTH_CHECKS, PERIODIC_TASKS

from . import elastic


@hooks.register(HEALTH_CHECKS)
def search_engine_health():
    """Which engine answers searches; Elasticsearch down is degraded, not failing (the database answers).

    It only asks: it neither opens nor closes the breaker and sends nothing. Missed changes are
    sent by the periodic task, and until then the database engine keeps answering.
    """
    if not elastic.configured():
        return "search", {"engine": "database", "elasticsearch": "not configured"}
    if not elastic.reachable():
        return "search", {"engine": "database", "elasticsearch": "unavailable", "fallback": True}
    if elastic.missed_changes():
        return "search", {"engine": "database", "elasticsearch": "catching up", "fallback": True}
    return "search", {"engine": "elasticsearch" if elastic.available() else "database", "elasticsearch": "ok"}


@hooks.register(PERIODIC_TASKS)
def send_missed_changes(stdout):
    if elastic.configured():
        sent = elastic.recover()
        stdout.write(f"Search index: {sent} missed changes sent to Elasticsearch.")
