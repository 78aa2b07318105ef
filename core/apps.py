from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    label = "core"
    verbose_name = "Lõi cổng thông tin"

    def ready(self):
        from . import page_cache, visibility

        visibility.connect()
        page_cache.connect()
