"""``manage.py generate_catalog --products N [--seed S] [--clear]``."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from demo.generator import clear_generated, generate_catalogue


class Command(BaseCommand):
    help = (
        "Create a realistic synthetic OCOP catalogue across all 34 provinces, following the national "
        "star and producer-type shares. Pages are created live, in bulk (no publishing signals), so the "
        "search index is rebuilt afterwards unless --skip-index."
    )

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=0, help="number of product pages to add")
        parser.add_argument("--seed", type=int, default=None, help="random seed, for a reproducible catalogue")
        parser.add_argument(
            "--clear", action="store_true", help="first delete every page this command generated before"
        )
        parser.add_argument("--batch-size", type=int, default=2000, help="rows per INSERT batch (default 2000)")
        parser.add_argument("--skip-index", action="store_true", help="do not rebuild the search index afterwards")

    def handle(self, *args, products, seed, clear, batch_size, skip_index, **options):
        if products < 0 or batch_size < 1:
            raise CommandError("--products must be ≥ 0 and --batch-size ≥ 1")
        if not products and not clear:
            raise CommandError("Nothing to do: give --products N (and/or --clear)")
        if clear:
            removed_products, removed_producers = clear_generated()
            self.stdout.write(f"Removed {removed_products} generated products and {removed_producers} producers.")
        if products:
            report = generate_catalogue(products, seed=seed, batch_size=batch_size)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Generated {report.products} products of {report.producers} producers "
                    f"({report.certifications} certifications, {report.marketplace_links} marketplace links) "
                    f"in {report.seconds:.1f} s ({report.products_per_second:.0f} products/s)."
                )
            )
        if products:
            from scans.models import ensure_product_codes

            self.stdout.write(f"Scan codes: {ensure_product_codes()} new.")
        if not skip_index:
            call_command("rebuild_search_index", stdout=self.stdout)
