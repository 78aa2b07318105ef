from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Regional search over the live, public catalogue: Elasticsearch, or the database engine."""

    name = "search"
    label = "portal_search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from . import indexing

        indexing.connect()
