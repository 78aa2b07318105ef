from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "portal.media"
    label = "media"
    verbose_name = "Hình ảnh và đa phương tiện"
