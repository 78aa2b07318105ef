from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    label = "core"
    verbose_name = "Lõi cổng thông tin"

    def ready(self):
        from wagtail.models import Site

        from . import page_cache, publishing, visibility

        publishing.connect()
        # The site's host name is in every canonical and shared link.
        publishing.watch(Site)
        visibility.connect()
        page_cache.connect()
