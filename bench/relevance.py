#!/usr/bin/env python
"""Score search relevance on both engines: the labelled set in search/relevance/queries.json.

    .venv/bin/python bench/relevance.py [--engines database,elasticsearch] [--misses]

Builds a throwaway site (fresh SQLite database in a temporary directory) with the demo
catalogue (``load_demo``), indexes it on the database engine and on Elasticsearch (the
noida-db server on a free loopback port, or the cluster named by
``BENCH_ELASTICSEARCH_URL``), asks every query through ``/api/search/`` and prints, per
engine, the share of queries with an expected result in the top 3 and the MRR, by kind
of query, and each miss with ``--misses``. The test suite runs the same set
(tests/search/test_relevance.py).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import secrets
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.search import log, start_noida  # noqa: E402


def resolve(text: str) -> str:
    """``{code:Title}`` is the product's scan code; ``{code-typed:Title}`` as read off the label."""
    from catalogue.models import ProductPage
    from scans.models import CodeKind, ScanCode

    match = re.fullmatch(r"\{(code|code-typed):(.+)\}", text)
    if not match:
        return text
    product = ProductPage.objects.get(title=match.group(2))
    code = ScanCode.objects.get(product=product, kind=CodeKind.PRODUCT).code
    return code.lower().replace("0", "o").replace("1", "l") if match.group(1) == "code-typed" else code


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engines", default="database,elasticsearch", help="comma-separated engines to score")
    parser.add_argument("--misses", action="store_true", help="list every query that missed")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="ocop-bench-relevance-"))
    for name in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
        os.environ.pop(name, None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        PRIVATE_MEDIA_ROOT=str(workdir / "private"),
        ELASTICSEARCH_INDEX_PREFIX="bench-",
        ELASTICSEARCH_TIMEOUT="60",  # score the engine, however slow, instead of falling back
        ELASTICSEARCH_WAIT_FOR_REFRESH="1",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from search import elastic
    from search.relevance import evaluate

    server = None
    reports = []
    try:
        log(f"Loading the demo into {workdir} …")
        call_command("migrate", verbosity=0)
        call_command("load_demo", force=True, image_width=160, stdout=io.StringIO())
        client = Client()
        wanted = args.engines.split(",")
        for engine in wanted:
            if engine == "elasticsearch":
                url = os.environ.get("BENCH_ELASTICSEARCH_URL")
                if not url:
                    server, url = start_noida(workdir)
                settings.ELASTICSEARCH_URL = url
                elastic.rebuild()
            else:
                settings.ELASTICSEARCH_URL = ""
            cache.clear()

            def ask(text: str) -> list[str]:
                data = client.get("/api/search/", {"q": text}, HTTP_HOST="127.0.0.1").json()
                return [result["title"] for result in data["results"]]

            reports.append(evaluate(engine, ask, resolve))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
    for report in reports:
        text = report.summary()
        print(text if args.misses else "\n".join(line for line in text.splitlines() if "MISS" not in line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
