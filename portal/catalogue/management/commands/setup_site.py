from django.core.management.base import BaseCommand

from portal.catalogue.site_tree import ensure_site_tree


class Command(BaseCommand):
    help = "Create the home page and the product/producer index pages if missing (idempotent)."

    def handle(self, *args, **options):
        tree = ensure_site_tree()
        self.stdout.write(
            self.style.SUCCESS(f"Trang chủ: {tree.home.url} · {tree.products.url} · {tree.producers.url}")
        )
