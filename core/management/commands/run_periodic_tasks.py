"""The portal's scheduled work, run every few minutes by cron or a systemd timer.

    */5 * * * *  cd /srv/ocop && .venv/bin/python manage.py run_periodic_tasks

It publishes and unpublishes pages whose go-live/expiry time has come (Wagtail's
``publish_scheduled``), then runs each app's own step (``ocop_periodic_tasks``): scans
write their buffered counts, search sends Elasticsearch the changes it missed. This is
where the portal's background writes happen: a GET (a health check, a figures page) never does.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail import hooks

from core.extension_points import PERIODIC_TASKS


class Command(BaseCommand):
    help = "Run the portal's periodic work (scheduled publishing, scan counts, search catch-up). Safe at any time."

    def handle(self, *args, **options):
        call_command("publish_scheduled", stdout=self.stdout)
        for step in hooks.get_hooks(PERIODIC_TASKS):
            step(self.stdout)
        self.stdout.write(self.style.SUCCESS("Periodic tasks done."))
