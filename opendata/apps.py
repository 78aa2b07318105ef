from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "opendata"
    label = "opendata"
    verbose_name = "Dữ liệu mở"

    def ready(self):
        from core import publishing

        from .freshness import content_changed

        # After commit: a request that reads the new time must also read the new data.
        publishing.subscribe(content_changed, after_commit=True)
