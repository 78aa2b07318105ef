"""The index version: one number, moved by every committed change to the index.

Cached answers are keyed by it, so none outlives what it shows. It lives at the
bottom of the app, with no imports from it, because the writers (``elastic``,
``indexing``) and the readers (``service``, the database engine's snapshot) all need it.
"""

from django.core.cache import cache

VERSION_KEY = "search:index-version"


def index_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, None)


def index_changed() -> None:
    """Called once a change is committed (and again once Elasticsearch has it): cached answers expire."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # evicted or never set
        cache.set(VERSION_KEY, 2, None)
