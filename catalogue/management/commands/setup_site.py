from django.core.management.base import BaseCommand

from accounts.roles import ensure_roles
from catalogue.site_tree import ensure_site_tree


class Command(BaseCommand):
    help = "Create the page tree skeleton, the editorial roles and the review workflows if missing (idempotent)."

    def handle(self, *args, **options):
        tree = ensure_site_tree()
        ensure_roles(tree)
        self.stdout.write(
            self.style.SUCCESS(
                " · ".join([f"Trang chủ: {tree.home.url}", *(section.url for section in tree.all_sections())])
            )
        )
