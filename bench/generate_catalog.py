"""Time ``manage.py generate_catalog`` on the database named by DATABASE_URL.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/generate_catalog.py --products 15000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/generate_catalog.py

The database must be migrated. The generated pages are removed again afterwards
(``--keep`` leaves them). Use a scratch database, never a production one.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=15_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--keep", action="store_true", help="keep the generated pages")
    parser.add_argument(
        "--check-tree", action="store_true", help="also run Page.find_problems() (slow: ~3 ms per page)"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    from catalogue.models import ProducerPage, ProductPage
    from demo.generator import clear_generated

    call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
    vendor = f"{connection.vendor} {'.'.join(map(str, connection.Database.sqlite_version_info)) if connection.vendor == 'sqlite' else connection.pg_version}"  # noqa: E501
    print(f"database: {vendor}, CPUs: {os.cpu_count()}")
    before = ProductPage.objects.count()

    started = time.perf_counter()
    call_command(
        "generate_catalog",
        products=args.products,
        seed=args.seed,
        batch_size=args.batch_size,
        skip_index=True,  # generation alone; bench/search.py times the index
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )
    seconds = time.perf_counter() - started
    added = ProductPage.objects.count() - before
    print(f"generate_catalog --products {args.products}: {seconds:.1f} s, {added / seconds:.0f} products/s")
    print(f"pages: {ProductPage.objects.count()} products, {ProducerPage.objects.count()} producers")
    if args.check_tree:
        started = time.perf_counter()
        problems = Page.find_problems()
        print("tree problems:", "none" if not any(problems) else problems, f"({time.perf_counter() - started:.0f} s)")

    if not args.keep:
        started = time.perf_counter()
        removed, producers = clear_generated()
        print(f"--clear: removed {removed} products and {producers} producers in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
