from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The public read API at /api/v1/ (django-ninja): products, producers, stories, regions."""

    name = "api"
    verbose_name = "API công khai v1"

    def ready(self):
        from . import freshness

        freshness.connect()
