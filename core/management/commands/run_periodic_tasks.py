"""The portal's scheduled work, run every few minutes by cron or a systemd timer.

    */5 * * * *  cd /srv/ocop && .venv/bin/python manage.py run_periodic_tasks

Today it publishes and unpublishes pages whose go-live/expiry time has come
(Wagtail's ``publish_scheduled``); later capabilities add their own steps here
(certificate expiry in the search index, flushing scan counters).
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the portal's periodic work (scheduled publishing, …). Safe to run at any time."

    def handle(self, *args, **options):
        call_command("publish_scheduled", stdout=self.stdout)
        from scans import counting

        self.stdout.write(f"Scans: {counting.flush()} buffered scans written.")
        from search import elastic

        if elastic.configured() and elastic.ping():
            sent = elastic.catch_up()
            self.stdout.write(f"Search index: {sent} missed changes sent to Elasticsearch.")
        self.stdout.write(self.style.SUCCESS("Periodic tasks done."))
