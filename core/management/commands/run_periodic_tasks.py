"""The portal's scheduled work, run every few minutes by cron or a systemd timer.

    */5 * * * *  cd /srv/ocop && .venv/bin/python manage.py run_periodic_tasks

It publishes and unpublishes pages whose go-live/expiry time has come (Wagtail's
``publish_scheduled``), then runs each app's own step (``ocop_periodic_tasks``): scans
write their buffered counts, search sends Elasticsearch the changes it missed. This is
where the portal's background writes happen: a GET (a health check, a figures page) never does.
"""

import logging

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from wagtail import hooks

from core.extension_points import PERIODIC_TASKS

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the portal's periodic work (scheduled publishing, scan counts, search catch-up). Safe at any time."

    def handle(self, *args, **options):
        steps = [lambda stdout: call_command("publish_scheduled", stdout=stdout), *hooks.get_hooks(PERIODIC_TASKS)]
        failed = []
        for step in steps:
            # One step failing (Redis down for the scan flush) must not stop the others.
            try:
                step(self.stdout)
            except Exception:
                logger.exception("Periodic task %r failed", step)
                failed.append(getattr(step, "__name__", repr(step)))
        if failed:
            raise CommandError(f"Periodic tasks failed: {', '.join(failed)} (the others ran).")
        self.stdout.write(self.style.SUCCESS("Periodic tasks done."))
