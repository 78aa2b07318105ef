from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    """Signed change webhooks (Standard Webhooks 1.0), sent by the background worker."""

    name = "webhooks"
    verbose_name = "Webhook"

    def ready(self):
        from . import events

        events.connect()
