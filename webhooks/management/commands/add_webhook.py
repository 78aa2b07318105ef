"""``manage.py add_webhook URL [--events product.published,...] [--description TEXT]``: a new
subscription; prints its secret (``whsec_…``), which the receiver needs to verify signatures."""

from django.core.management.base import BaseCommand, CommandError

from webhooks.addresses import RefusedAddress, check_receiver_url
from webhooks.event_types import EVENT_TYPES, unknown_event_types
from webhooks.models import Subscription


class Command(BaseCommand):
    help = "Subscribe a receiver to the portal's change webhooks and print its signing secret."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument(
            "--events", default="", help=f"comma-separated event types (default: all): {', '.join(EVENT_TYPES)}"
        )
        parser.add_argument("--description", default="")

    def handle(self, url, events, description, **options):
        names = [name.strip() for name in events.split(",") if name.strip()] or list(EVENT_TYPES)
        if unknown := unknown_event_types(names):
            raise CommandError(f"Unknown event types: {', '.join(unknown)}. Known: {', '.join(EVENT_TYPES)}")
        try:
            check_receiver_url(url)
        except RefusedAddress as refusal:
            raise CommandError(str(refusal)) from None
        subscription = Subscription.objects.create(url=url, event_types=names, description=description)
        self.stderr.write(f"Subscription {subscription.pk} to {url}: {', '.join(names)}")
        # The secret alone on stdout, so that a script can capture it.
        self.stdout.write(subscription.secret)
