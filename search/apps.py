from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Regional search over the live, public catalogue: Elasticsearch, or the database engine."""

    name = "search"
    label = "portal_search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import indexing
        from .models import SearchSynonym
        from .synonyms import synonyms_changed

        indexing.connect()
        for signal in (post_save, post_delete):
            signal.connect(synonyms_changed, sender=SearchSynonym, dispatch_uid=f"search-synonyms-{signal}")
