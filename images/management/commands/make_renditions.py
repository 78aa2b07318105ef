"""``manage.py make_renditions [--missing-only]``: make every rendition the public pages show.

After a deploy, a restore, or before a demo: so that no visitor is the first to ask for them.
Runs over the public pages a few at a time (bounded memory whatever the catalogue's size) and
can be run again safely. Without ``--missing-only`` it also re-makes those already made (after a
size's quality or the image library changed).
"""

from django.core.management.base import BaseCommand
from wagtail.models import Page

from core.visibility import public_pages
from images.tasks import make_for_page

CHUNK = 200


class Command(BaseCommand):
    help = "Make the image renditions every public page shows (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing-only", action="store_true", help="Only make what is missing; keep those already made."
        )

    def handle(self, *args, missing_only=False, **options):
        pages = made = 0
        for page in public_pages(Page.objects.order_by("path")).specific().iterator(chunk_size=CHUNK):
            made += make_for_page(page, remake=not missing_only)
            pages += 1
        self.stdout.write(self.style.SUCCESS(f"{made} renditions made for {pages} public pages."))
