"""Time the full open-data exports and measure their peak memory, on the database named by DATABASE_URL.

    DATABASE_URL=sqlite:////tmp/bench-exports.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench-exports.sqlite3 .venv/bin/python bench/exports.py --products 15000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/exports.py --products 150000

The database must be migrated. The catalogue is topped up with ``generate_catalog`` to
``--products`` products (what is already there counts), and the generated pages are removed
again afterwards unless ``--keep``. Use a scratch database, never a production one.

Each file is requested through Django's test client (the real URL, middleware and view; no
gzip, no network) and its stream read to the end, twice: once timed, once under
``tracemalloc`` for the peak of Python allocations while it streams. The process's peak RSS
is reported too (it includes Django, the generator and the first pass).
"""

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

FILES = ("products.csv", "products.jsonl", "producers.csv", "producers.jsonl")


def stream(client, name: str) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.get(f"/api/v1/exports/{name}")
    assert response.status_code == 200, (name, response.status_code)
    size = sum(len(chunk) for chunk in response.streaming_content)
    return size, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=15_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--keep", action="store_true", help="keep the generated pages")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from catalogue.models import ProducerPage, ProductPage
    from demo.generator import clear_generated

    call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
    missing = args.products - ProductPage.objects.count()
    if missing > 0:
        started = time.perf_counter()
        call_command(
            "generate_catalog",
            products=missing,
            seed=args.seed,
            skip_index=True,
            stdout=open(os.devnull, "w"),  # noqa: SIM115
        )
        print(f"generated {missing} products in {time.perf_counter() - started:.1f} s")
    vendor = connection.vendor if connection.vendor != "postgresql" else f"postgresql {connection.pg_version}"
    print(
        f"database: {vendor}; {ProductPage.objects.count()} products, {ProducerPage.objects.count()} producers; "
        f"CPUs: {os.cpu_count()}"
    )

    client = Client(HTTP_HOST="127.0.0.1")
    print("\n| file | rows | size | time | rows/s | peak Python memory while streaming |")
    print("|---|---|---|---|---|---|")
    for name in FILES:
        rows = ProductPage.objects.count() if name.startswith("products") else ProducerPage.objects.count()
        size, seconds = stream(client, name)
        tracemalloc.start()
        stream(client, name)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"| `{name}` | {rows:,} | {size / 1e6:.1f} MB | {seconds:.1f} s | {rows / seconds:,.0f} | "
            f"{peak / 1e6:.1f} MB |"
        )
    # ru_maxrss is in kilobytes on Linux.
    print(f"\npeak RSS of the whole process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")

    if not args.keep and missing > 0:
        removed, producers = clear_generated()
        print(f"removed {removed} generated products and {producers} producers")


if __name__ == "__main__":
    main()
