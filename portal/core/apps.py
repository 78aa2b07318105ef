from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = "Lõi cổng thông tin"

    def ready(self):
        from . import visibility

        visibility.connect()
