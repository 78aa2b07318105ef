#!/usr/bin/env python
"""Benchmark search: index rebuild time, and API latency on both engines against a trivial view.

    .venv/bin/python bench/search.py [--products 15000] [--rounds 20]

Builds a throwaway site (fresh SQLite database in a temporary directory,
``generate_catalog --products N``), then

1. times ``rebuild_search_index``: the database engine's table, then the
   Elasticsearch index (the noida-db server on a free loopback port, or the
   cluster named by ``BENCH_ELASTICSEARCH_URL``);
2. for each engine, sends a mixed set of queries — free text, facets only,
   near me, autocomplete — in process through Django's test client (the full
   middleware stack, no network), ``--rounds`` times after a warm-up, and the
   same number of requests to the trivial view ``/bench/trivial/`` in the same
   run;
3. prints p50/p95 per kind of query, each also as a ratio to the trivial view's
   p50, and writes the report to ``bench/results/search-latest.md``.

Timings are never asserted: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"

QUERIES = {
    "free text": [
        "q=bo+nui+lua",
        "q=ca+phe",
        "q=mien+dong",
        "q=mat+ong+rung",
        "q=nuoc+mam",
        "q=gao+st25",
        "q=dak+nong",
        "q=tra+shan+tuyet",
        "q=banh+trang&province=tay-ninh",
        "q=yen+sao&stars=5",
    ],
    "typo'd text": [
        "q=bo+nui+luaa",
        "q=hatt+dieu",
        "q=caphe",
        "q=mien+dongg",
        "q=nuocmam",
        "q=tra+shan+tuyett",
        "q=cafe",
    ],
    "facets only": [
        "province=lam-dong",
        "stars=5",
        "region=tay-nguyen&stars=4",
        "category=thuc-pham",
        "producer_type=household&type=product",
        "certification=vietgap&sort=newest",
    ],
    "near me": [
        "lat=12.68&lon=108.05&radius_km=50&sort=distance",
        "lat=21.03&lon=105.85&radius_km=20",
        "lat=10.78&lon=106.70&sort=distance&type=product",
    ],
    "autocomplete": ["bo", "ca+p", "mien+d", "tra+sen", "nuoc+m", "gao+st"],
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_noida(workdir: Path) -> tuple[subprocess.Popen, str]:
    import noida_db

    binary = Path(noida_db.__file__).parent / "noida-db"
    binary.chmod(0o755)
    port = free_port()
    server = subprocess.Popen(
        [str(binary), "start", "--data-dir", str(workdir / "noida"), "--only", "elasticsearch"]
        + ["--elasticsearch-port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return server, url
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("noida-db did not start")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def vocabulary_size() -> tuple[int, float]:
    """How many words the database engine's vocabulary holds, and the memory it takes once loaded."""
    import tracemalloc

    from search import vocabulary

    tracemalloc.start()
    loaded = vocabulary.current()
    loaded.corrections("xxxxx")  # builds its lookup lists too
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return len(loaded.entries), size / 1024 / 1024


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def timed(client, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path, HTTP_HOST="127.0.0.1")
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}: {response.content[:300]!r}")
    return elapsed


def measure_engine(client, engine: str, rounds: int) -> dict[str, list[float]]:
    paths = {
        kind: [("/api/search/suggest/?q=" if kind == "autocomplete" else "/api/search/?") + query for query in queries]
        for kind, queries in QUERIES.items()
    }
    # Warm up: caches, connections, the engine's own caches.
    for kind_paths in paths.values():
        for path in kind_paths:
            timed(client, path)
    first = client.get(paths["free text"][0], HTTP_HOST="127.0.0.1").json()
    if first["engine"] != engine:
        raise SystemExit(f"expected the {engine} engine, got {first['engine']}")
    from django.core.cache import cache

    samples: dict[str, list[float]] = {kind: [] for kind in paths}
    samples["all, answer cached"] = []
    samples["trivial view"] = []
    for _ in range(rounds):
        for kind, kind_paths in paths.items():
            for path in kind_paths:
                # Cold: the cached answers (search:*) are dropped, so the engine works every time.
                cache.clear()
                samples[kind].append(timed(client, path))
                samples["all, answer cached"].append(timed(client, path))
                samples["trivial view"].append(timed(client, "/bench/trivial/"))
    return samples


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=15_000)
    parser.add_argument("--rounds", type=int, default=20, help="rounds of the query mix on the database engine")
    parser.add_argument(
        "--es-rounds",
        type=int,
        default=None,
        help="rounds on Elasticsearch (default: --rounds with a real cluster, 1 with noida-db, which is slow)",
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--engines", default="database,elasticsearch", help="comma-separated engines to measure")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="ocop-bench-search-"))
    for name in list(os.environ):
        if name in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
            del os.environ[name]
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        PRIVATE_MEDIA_ROOT=str(workdir / "private"),
        ELASTICSEARCH_INDEX_PREFIX="bench-",
        # Measure the engine, however slow, instead of falling back to the database.
        ELASTICSEARCH_TIMEOUT="60",
    )
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    server = None
    try:
        log(f"Building the site in {workdir} …")
        call_command("migrate", verbosity=0)
        call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
        started = time.perf_counter()
        call_command("generate_catalog", products=args.products, seed=args.seed, skip_index=True, stdout=sys.stderr)
        generate_seconds = time.perf_counter() - started

        es_url = os.environ.get("BENCH_ELASTICSEARCH_URL")
        if not es_url:
            server, es_url = start_noida(workdir)
        from search import elastic
        from search.indexing import rebuild_entries
        from search.models import SearchEntry

        started = time.perf_counter()
        rebuild_entries()
        table_seconds = time.perf_counter() - started
        settings.ELASTICSEARCH_URL = es_url
        started = time.perf_counter()
        report = elastic.rebuild()
        es_seconds = time.perf_counter() - started
        entries = SearchEntry.objects.visible().count()
        log(f"Indexed {entries} entries: table {table_seconds:.1f} s, Elasticsearch {es_seconds:.1f} s")
        rss_before = rss_mb()
        words, vocabulary_mb = vocabulary_size()

        client = Client()
        results = {}
        emulated = not os.environ.get("BENCH_ELASTICSEARCH_URL")
        es_rounds = args.es_rounds if args.es_rounds is not None else (1 if emulated else args.rounds)
        wanted = set(args.engines.split(","))
        for engine, url, rounds in (("database", "", args.rounds), ("elasticsearch", es_url, es_rounds)):
            if engine not in wanted:
                continue
            settings.ELASTICSEARCH_URL = url
            elastic.mark_up()
            log(f"Measuring the {engine} engine ({rounds} rounds) …")
            results[engine] = measure_engine(client, engine, rounds)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)

    lines = [
        f"# Search benchmark — {time.strftime('%Y-%m-%d %H:%M')}",
        "",
        f"Catalogue: `generate_catalog --products {args.products}` ({generate_seconds:.1f} s); "
        f"{entries:,} index entries (products, producers, stories).",
        "",
        "| rebuild step | seconds |",
        "|---|---|",
        f"| database engine table (`rebuild_entries`) | {table_seconds:.1f} |",
        f"| Elasticsearch bulk into a new index + alias swap | {es_seconds:.1f} ({report['documents']:,} documents) |",
        f"| **full `rebuild_search_index`** | **{table_seconds + es_seconds:.1f}** |",
        "",
        "In-process latency through the full middleware stack (Django test client, no network), "
        f"{args.rounds} rounds of each query after a warm-up, with the cache of answers emptied before "
        "each one (the engine works every time); “all, answer cached” is the same query asked again at "
        "once. Ratios are to the trivial view's p50 measured in the same run, interleaved with the queries.",
        "",
        "| engine | queries | p50 ms | p95 ms | p50 × trivial | p95 × trivial |",
        "|---|---|---|---|---|---|",
    ]
    for engine, samples in results.items():
        baseline = percentile(samples["trivial view"], 50)
        for kind, values in samples.items():
            p50, p95 = percentile(values, 50), percentile(values, 95)
            lines.append(
                f"| {engine} | {kind} ({len(values)}) | {p50:.1f} | {p95:.1f} | "
                f"{p50 / baseline:.1f}× | {p95 / baseline:.1f}× |"
            )
    lines += [
        "",
        f"Vocabulary (typos, run-together words): {words:,} words, {vocabulary_mb:.1f} MB in each process. "
        f"Process RSS: {rss_before:.0f} MB before the first search, {rss_mb():.0f} MB after every query above.",
    ]
    server_name = "the noida-db emulator (a functional stand-in: it scans, so its times say nothing of a real cluster)"
    lines += [
        "",
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, SQLite; Elasticsearch: "
        + (server_name if emulated else "the cluster at BENCH_ELASTICSEARCH_URL")
        + ".",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "search-latest.md").write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
