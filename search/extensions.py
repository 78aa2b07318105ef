"""What search adds to core's health check, periodic work and cache recovery (``core.extension_points``).
Registered with Wagtail's hooks; imported by ``search/wagtail_hooks.py``.
"""

from wagtail import hooks

from accounts.roles import EDITORS, grant
from core.extension_points import CACHE_RECOVERED, HEALTH_CHECKS, PERIODIC_TASKS, ROLES

from . import elastic
from .freshness import index_changed
from .models import SearchEntry


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


@hooks.register(CACHE_RECOVERED)
def forget_answers_from_before_the_outage():
    """Redis answers again: changes committed while it was down moved no index version, and a
    change Elasticsearch missed meanwhile could not be flagged. Move the version; flag missed
    changes if any wait to be sent, so the database engine answers until the periodic catch-up.
    """
    index_changed()
    if elastic.configured() and SearchEntry.objects.unsynced().exists():
        elastic._missed()


@hooks.register(ROLES)
def editors_keep_the_synonyms(groups, tree):
    grant(groups[EDITORS], *(f"portal_search.{action}_searchsynonym" for action in ("add", "change", "delete", "view")))
