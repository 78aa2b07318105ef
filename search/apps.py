from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Regional search over the live, public catalogue (issue #4)."""

    name = "search"
    label = "portal_search"
    verbose_name = "Tìm kiếm"
