#!/usr/bin/env python
"""Benchmark the portal's public pages against a trivial Django view, in one run.

    .venv/bin/python bench/run.py [--products 15000] [--duration 10] [--connections 8]

Builds a throwaway site (fresh database, demo content, optionally a synthetic
national-scale catalogue), serves it with gunicorn on 127.0.0.1 using the
production-like ``bench.settings``, loads a trivial view (the baseline), a live
product page and the product listing for the same fixed time each, and reports
requests/s and p50/p95 latency as ratios to the baseline. Also times
``generate_catalog``. Results: a Markdown report on stdout and in
``bench/results/latest.md``; progress goes to stderr. See docs/benchmarks.md.

Safety: every request goes to 127.0.0.1 only; every loop is bounded in time and
count; gunicorn is stopped on exit, on error and on Ctrl-C/SIGTERM; the
project's own ``db.sqlite3`` is never touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import math
import os
import platform
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
RESULTS = BENCH / "results"
HOST = "127.0.0.1"  # the only host this script ever talks to
SETTINGS = "bench.settings"
TRIVIAL_PATH = "/bench/trivial/"
DEFAULT_PRODUCTS = 15_000

# Variables the project's settings read: a developer's shell must not point the
# benchmark at their own database, Redis or Elasticsearch.
sys.path.insert(0, str(REPO))
from portal.settings.env import SETTINGS_VARIABLES as PROJECT_VARIABLES  # noqa: E402

# Asked of the benchmark database through `manage.py shell`: which pages to load.
DISCOVER_PAGES = """
import json
from catalogue.models import ProductIndexPage, ProductPage

def url_path(page):
    parts = page.get_url_parts() if page is not None else None
    return parts[2] if parts else None

products = ProductPage.objects.live().public()
first_two = list(products.order_by("path")[:2])
codes = []
try:  # the scans app (issue 5): each product's own code
    from scans.models import ScanCode

    codes = [ScanCode.for_product(product).code for product in first_two]
except ImportError:
    pass
print("BENCH_PAGES " + json.dumps({
    "product": url_path(first_two[0] if first_two else None),
    "product_id": first_two[0].pk if first_two else None,
    "product_province": first_two[0].origin_province.slug if first_two else None,
    "listing": url_path(ProductIndexPage.objects.live().public().first()),
    "live_products": products.count(),
    "scan_codes": codes,
}))
"""

# After the burst: move the buffered counts into the database, then read what one code got.
COUNT_SCANS = """
import json, os
from django.db.models import Sum
from scans import counting
from scans.models import ScanDay

counting.flush()
total = ScanDay.objects.filter(code__code=os.environ["BENCH_CODE"]).aggregate(total=Sum("count"))["total"] or 0
print("BENCH_SCANS " + json.dumps({"counted": total}))
"""


# Queries per request for each benchmarked path, rendered in-process (second, warm request).
COUNT_QUERIES = """
import json, os
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.settings.env import SETTINGS_VARIABLES

client = Client(HTTP_HOST="127.0.0.1")
counts = {}
for path in json.loads(os.environ["BENCH_PATHS"]):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    counts[path] = len(queries) if status in (200, 302) else None
print("BENCH_QUERIES " + json.dumps(counts))
"""


class BenchError(RuntimeError):
    """A step failed: the message says which and why."""


def log(message: str) -> None:
    stamp = time.strftime("%H:%M:%S")
    print(f"[bench {stamp}] {message}", file=sys.stderr, flush=True)


def tail(path: Path, lines: int = 25) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


# --- The throwaway site ------------------------------------------------------------


@dataclass
class Site:
    workdir: Path
    env: dict[str, str]
    database_label: str
    steps: list[tuple[str, float]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    commands: set[str] = field(default_factory=set)
    generate_seconds: float | None = None
    redis_url: str | None = None
    products_requested: int = 0

    def manage(
        self, *args: str, timeout: float, name: str | None = None, extra_env: dict | None = None
    ) -> subprocess.CompletedProcess:
        """Run a management command with the benchmark settings; output goes to a log file."""
        name = name or args[0]
        logfile = self.workdir / f"{name}.log"
        started = time.perf_counter()
        with logfile.open("w") as out:
            try:
                result = subprocess.run(
                    [sys.executable, "manage.py", *args],
                    cwd=REPO,
                    env={**self.env, **(extra_env or {})},
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    timeout=timeout,
                    check=False,
                )
            except subprocess.TimeoutExpired as exc:
                raise BenchError(f"manage.py {' '.join(args)} took more than {timeout:.0f} s") from exc
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            raise BenchError(f"manage.py {' '.join(args)} failed (exit {result.returncode}):\n{tail(logfile)}")
        result.stdout = logfile.read_text(errors="replace")
        result.elapsed = elapsed
        return result

    def step(self, label: str, *args: str, timeout: float) -> float:
        log(f"{label}…")
        result = self.manage(*args, timeout=timeout)
        self.steps.append((label, result.elapsed))
        log(f"{label}: {result.elapsed:.1f} s")
        return result.elapsed


def make_env(database_url: str, workdir: Path, secret_key: str, redis_url: str | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in PROJECT_VARIABLES}
    if redis_url:
        # Production's shape: the shared cache, the page cache and the scan buffer in Redis. All load
        # comes from one address, so the per-client scan limits are lifted: every scan is counted.
        env.update(REDIS_URL=redis_url, SCAN_COUNT_RATE="1000000/s", SCAN_BLOCK_RATE="1000000/s")
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS,
        SECRET_KEY=secret_key,
        DATABASE_URL=database_url,
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="WARNING",
        # All load comes from one address: the public API's per-client limit is lifted too.
        API_RATE_LIMIT="100000000/m",
        PYTHONUNBUFFERED="1",
        PYTHONWARNINGS="ignore",
    )
    return env


def check_database_url(url: str) -> None:
    """Refuse the project's own development database: the benchmark rewrites its content."""
    if url.startswith("sqlite"):
        path = urlsplit(url).path
        target = Path(path[1:] if path.startswith("//") else path).resolve()
        if target == (REPO / "db.sqlite3").resolve():
            raise BenchError("refusing to benchmark on the project's db.sqlite3: give a throwaway database")


def prepare_redis(url: str) -> str | None:
    """The benchmark's own Redis database, emptied; None (with a note) when Redis does not answer."""
    if urlsplit(url).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise BenchError("the benchmark only uses a Redis on this machine")
    if url == os.environ.get("REDIS_URL"):
        raise BenchError("refusing to empty the project's own REDIS_URL: give the benchmark its own database")
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        client.ping()
    except Exception as exc:  # noqa: BLE001 - any failure means: measure without Redis
        log(f"Redis at {url} does not answer ({exc}); measuring with the local-memory cache")
        return None
    client.flushdb()
    return url


def list_commands(site: Site) -> set[str]:
    output = site.manage("help", "--commands", timeout=120, name="help-commands").stdout
    return {line.strip() for line in output.splitlines() if line.strip() and " " not in line.strip()}


def command_options(site: Site, command: str) -> str:
    return site.manage("help", command, timeout=120, name=f"help-{command}").stdout


def build_site(site: Site, products: int, seed: int, generate_timeout: float) -> None:
    site.step("migrate", "migrate", "--noinput", timeout=900)
    site.commands = list_commands(site)

    if "load_demo" in site.commands:
        args = ["load_demo"]
        if "--force" in command_options(site, "load_demo"):
            args.append("--force")
        site.step(f"manage.py {' '.join(args)}", *args, timeout=1800)
    else:
        site.notes.append("`load_demo` does not exist yet: no demo content (only the empty site tree).")
        if "setup_site" in site.commands:
            site.step("manage.py setup_site", "setup_site", timeout=300)

    site.products_requested = products
    if products > 0:
        if "generate_catalog" in site.commands:
            args = ["generate_catalog", "--products", str(products)]
            options = command_options(site, "generate_catalog")
            if "--seed" in options:
                args += ["--seed", str(seed)]
            if "--skip-index" in options:
                args += ["--skip-index"]  # generation alone; bench/search.py times the index
            site.generate_seconds = site.step(f"manage.py {' '.join(args)}", *args, timeout=generate_timeout)
        else:
            site.notes.append(f"`generate_catalog` does not exist yet: --products {products} was skipped.")

    site.step("collectstatic", "collectstatic", "--noinput", timeout=900)


def discover_pages(site: Site) -> dict:
    try:
        output = site.manage("shell", "--verbosity=0", "-c", DISCOVER_PAGES, timeout=300, name="discover").stdout
    except BenchError as exc:
        log(f"could not ask the database for pages ({exc}); will try the API")
        return {}
    for line in reversed(output.splitlines()):
        if line.startswith("BENCH_PAGES "):
            return json.loads(line.removeprefix("BENCH_PAGES "))
    return {}


def scan_burst(site: Site, port: int, code: str, scans: int, connections: int) -> dict:
    """Send exactly `scans` scans of one code at once, flush the buffer, and read what was counted."""
    log(f"scan burst: {scans:,} scans of /q/{code} over {connections} connections")
    result = python_load(port, f"/q/{code}", 900, connections, max_requests=scans, expect=302)
    output = site.manage(
        "shell", "--verbosity=0", "-c", COUNT_SCANS, timeout=600, name="count-scans", extra_env={"BENCH_CODE": code}
    ).stdout
    counted = next(
        json.loads(line.removeprefix("BENCH_SCANS "))["counted"]
        for line in reversed(output.splitlines())
        if line.startswith("BENCH_SCANS ")
    )
    redirected = result.statuses.get(302, 0)
    log(f"scan burst: {redirected:,} redirected, {counted:,} counted in {result.seconds:.1f} s")
    return {
        "sent": scans,
        "redirected": redirected,
        "counted": counted,
        "seconds": result.seconds,
        "errors": result.errors,
        "statuses": result.statuses,
        "connections": connections,
    }


def count_queries(site: Site, paths: list[str]) -> dict[str, int | None]:
    try:
        output = site.manage(
            "shell",
            "--verbosity=0",
            "-c",
            COUNT_QUERIES,
            timeout=600,
            name="count-queries",
            extra_env={"BENCH_PATHS": json.dumps(paths)},
        ).stdout
    except BenchError as exc:
        log(f"could not count queries per request ({exc})")
        return {}
    for line in reversed(output.splitlines()):
        if line.startswith("BENCH_QUERIES "):
            return json.loads(line.removeprefix("BENCH_QUERIES "))
    return {}


# --- gunicorn ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Gunicorn:
    def __init__(self, site: Site, workers: int):
        self.site = site
        self.workers = workers
        self.port = free_port()
        self.logfile = site.workdir / "gunicorn.log"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> None:
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(self.workers),
            "--env",
            f"DJANGO_SETTINGS_MODULE={SETTINGS}",
            "--chdir",
            str(REPO),
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ]
        log(f"starting gunicorn on {HOST}:{self.port} with {self.workers} workers")
        with self.logfile.open("w") as out:
            # Its own process group, so stop() can reach the workers too.
            self.process = subprocess.Popen(
                command, cwd=REPO, env=self.site.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn exited with {self.process.returncode}:\n{tail(self.logfile)}")
            try:
                status, _ = fetch(self.port, TRIVIAL_PATH, timeout=2)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.25)
        raise BenchError(f"gunicorn did not answer {TRIVIAL_PATH} within {timeout:.0f} s:\n{tail(self.logfile)}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        log("stopping gunicorn")
        process.terminate()  # graceful: the master stops its workers
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(timeout=5)


# --- Load --------------------------------------------------------------------------------


def fetch(port: int, path: str, timeout: float = 30) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@dataclass
class Measurement:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    non_2xx: int
    errors: int
    rps_override: float | None = None  # the median over rounds, see combine()
    statuses: dict[int, int] = field(default_factory=dict)  # the Python generator only

    @property
    def rps(self) -> float:
        if self.rps_override is not None:
            return self.rps_override
        return self.requests / self.seconds if self.seconds else 0.0


def percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def python_load(
    port: int, path: str, seconds: float, connections: int, max_requests: int, expect: int = 200
) -> Measurement:
    """A small closed-loop load generator: `connections` threads, each one request at a time.

    Bounded by both `seconds` and `max_requests`. Python's GIL makes it the
    bottleneck for very fast views, so prefer wrk (see docs/benchmarks.md).
    """
    lock = threading.Lock()
    issued = 0
    deadline = time.perf_counter() + seconds
    per_thread = [{"latencies": [], "non_2xx": 0, "errors": 0, "statuses": {}} for _ in range(connections)]

    def worker(out: dict) -> None:
        nonlocal issued
        connection = None
        while time.perf_counter() < deadline:
            with lock:
                if issued >= max_requests:
                    break
                issued += 1
            started = time.perf_counter()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(HOST, port, timeout=30)
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                out["latencies"].append(time.perf_counter() - started)
                out["statuses"][response.status] = out["statuses"].get(response.status, 0) + 1
                if response.status != expect:
                    out["non_2xx"] += 1
                if response.will_close:  # gunicorn's sync workers close after each response
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException):
                out["errors"] += 1
                if connection is not None:
                    connection.close()
                    connection = None
        if connection is not None:
            connection.close()

    threads = [threading.Thread(target=worker, args=(out,), daemon=True) for out in per_thread]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    elapsed = time.perf_counter() - started
    latencies = sorted(value for out in per_thread for value in out["latencies"])
    return Measurement(
        requests=len(latencies),
        seconds=elapsed,
        p50_ms=percentile(latencies, 50) * 1000,
        p95_ms=percentile(latencies, 95) * 1000,
        p99_ms=percentile(latencies, 99) * 1000,
        non_2xx=sum(out["non_2xx"] for out in per_thread),
        errors=sum(out["errors"] for out in per_thread),
        statuses={
            status: sum(out["statuses"].get(status, 0) for out in per_thread)
            for status in sorted({status for out in per_thread for status in out["statuses"]})
        },
    )


def wrk_load(wrk: str, port: int, path: str, seconds: float, connections: int, threads: int) -> Measurement:
    command = [
        wrk,
        f"-t{min(threads, connections)}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--latency",
        "--timeout",
        "30s",
        "-s",
        str(BENCH / "wrk_report.lua"),
        f"http://{HOST}:{port}{path}",
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=False)
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"wrk did not finish within {seconds + 60:.0f} s") from exc
    for line in result.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            data = json.loads(line.removeprefix("BENCH_JSON "))
            return Measurement(
                requests=data["requests"],
                seconds=data["duration_us"] / 1e6,
                p50_ms=data["p50_us"] / 1000,
                p95_ms=data["p95_us"] / 1000,
                p99_ms=data["p99_us"] / 1000,
                non_2xx=data["errors_status"],
                errors=sum(data[key] for key in ("errors_connect", "errors_read", "errors_write", "errors_timeout")),
            )
    raise BenchError(f"wrk gave no result (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")


def wrk_version(wrk: str) -> str:
    result = subprocess.run([wrk, "--version"], capture_output=True, text=True, timeout=10, check=False)
    first = (result.stdout or result.stderr).strip().splitlines()
    return first[0].split(" [")[0] if first else "wrk"


@dataclass
class Target:
    name: str
    path: str | None
    note: str = ""
    expect: int = 200  # the redirect answers 302
    size_bytes: int | None = None
    queries: int | None = None
    result: Measurement | None = None


def measure(targets: list[Target], port: int, args, wrk: str | None, gunicorn: Gunicorn) -> None:
    """Check, warm up, then load each target; with --rounds R the URLs are interleaved R times
    (so a burst of other activity on the machine hits every URL alike) and medians are kept."""
    live = []
    for target in targets:
        if target.path is None:
            continue
        status, body = fetch(port, target.path, timeout=120)  # a first render may build image renditions
        if status != target.expect:
            target.note = f"skipped: HTTP {status}"
            log(f"{target.name} {target.path} answered HTTP {status}; gunicorn log:\n{tail(gunicorn.logfile, 15)}")
            continue
        target.size_bytes = len(body)
        live.append(target)
    rounds: dict[str, list[Measurement]] = {target.path: [] for target in live}
    for number in range(1, args.rounds + 1):
        for target in live:
            label = f"{target.name} {target.path}" + (f" (round {number}/{args.rounds})" if args.rounds > 1 else "")
            if args.warmup > 0:
                log(f"{label}: warm-up {args.warmup:g} s")
                python_load(port, target.path, args.warmup, args.connections, args.max_requests, expect=target.expect)
            log(f"{label}: measuring {args.duration:g} s")
            if wrk:
                result = wrk_load(wrk, port, target.path, args.duration, args.connections, args.threads)
            else:
                result = python_load(
                    port, target.path, args.duration, args.connections, args.max_requests, expect=target.expect
                )
            log(f"{label}: {result.rps:.1f} req/s, p50 {result.p50_ms:.1f} ms, p95 {result.p95_ms:.1f} ms")
            rounds[target.path].append(result)
    for target in live:
        target.result = combine(rounds[target.path])


def combine(results: list[Measurement]) -> Measurement:
    """One round as is; several: the median of each figure, totals of the counts."""
    if len(results) == 1:
        return results[0]
    median_rps = statistics.median(result.rps for result in results)
    seconds = sum(result.seconds for result in results)
    return Measurement(
        requests=sum(result.requests for result in results),
        seconds=seconds,
        p50_ms=statistics.median(result.p50_ms for result in results),
        p95_ms=statistics.median(result.p95_ms for result in results),
        p99_ms=statistics.median(result.p99_ms for result in results),
        non_2xx=sum(result.non_2xx for result in results),
        errors=sum(result.errors for result in results),
        rps_override=median_rps,
    )


def api_page_path(port: int, page_type: str) -> str | None:
    """Fallback discovery through the headless API: the first live page of a type."""
    try:
        status, body = fetch(port, f"/api/v2/pages/?type={page_type}&limit=1&fields=-title")
        items = json.loads(body).get("items", []) if status == 200 else []
    except (OSError, ValueError):
        return None
    if not items:
        return None
    return urlsplit(items[0].get("meta", {}).get("html_url") or "").path or None


def api_targets(pages: dict) -> list[Target]:
    """The public read API (/api/v1/): a full page of 100 products, one product, a filtered list."""
    product_id, province = pages.get("product_id"), pages.get("product_province")
    return [
        Target("API: `/api/v1/products/?limit=100`", "/api/v1/products/?limit=100"),
        Target(
            "API: `/api/v1/products/{id}`",
            f"/api/v1/products/{product_id}" if product_id else None,
            note="" if product_id else "no live product found",
        ),
        Target(
            "API: filtered list (province, stars 4–5, valid, by update time, 100)",
            f"/api/v1/products/?province={province}&stars=4&stars=5&status=valid&ordering=-updated_at&limit=100"
            if province
            else None,
            note="" if province else "no live product found",
        ),
    ]


# --- Report --------------------------------------------------------------------------------


def ratio(value: float, baseline: float) -> str:
    if not baseline or math.isnan(value) or math.isnan(baseline):
        return "–"
    return f"{value / baseline:.2f}×"


def format_size(size: int | None) -> str:
    if size is None:
        return "–"
    return f"{size} B" if size < 1024 else f"{size / 1024:.1f} KB"


def git_revision() -> str:
    try:
        revision = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return f"{revision}{' (uncommitted changes)' if dirty else ''}" if revision else "unknown"


def versions() -> str:
    found = []
    for package in ("Django", "wagtail", "gunicorn"):
        try:
            found.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(found)


def report(site: Site, targets: list[Target], args, tool: str, pages: dict, burst: dict | None = None) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"# OCOP Portal benchmark — {now}",
        "",
        f"- commit: {git_revision()}",
        f"- machine: {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; {versions()}",
        f"- server: gunicorn, {args.workers} sync workers, `{SETTINGS}` (DEBUG off, whitenoise, "
        + ("Redis cache (page cache and scan buffer on)" if site.redis_url else "local-memory cache, no page cache")
        + f", database search), database: {site.database_label}",
        f"- load: {tool}, {args.connections} connections, {args.duration:g} s per URL after a "
        f"{args.warmup:g} s warm-up"
        + (f", {args.rounds} interleaved rounds (medians)" if args.rounds > 1 else "")
        + "; client and server share the machine "
        f"(1-min load average at the end: {os.getloadavg()[0]:.2f})",
    ]
    live = pages.get("live_products")
    catalogue = f"- catalogue: {live:,} live products" if live is not None else "- catalogue: unknown size"
    if site.generate_seconds is not None:
        rate = site.products_requested / site.generate_seconds if site.generate_seconds else 0
        catalogue += (
            f"; `generate_catalog --products {site.products_requested}` took "
            f"**{site.generate_seconds:.1f} s** ({rate:,.0f} products/s)"
        )
    lines.append(catalogue)
    lines.append("- set-up: " + ", ".join(f"{label} {seconds:.1f} s" for label, seconds in site.steps))
    lines += [
        "",
        "| page | path | size | SQL queries | req/s | req/s ÷ baseline | p50 ms | p50 ÷ baseline "
        "| p95 ms | p95 ÷ baseline | p99 ms | p99 ÷ baseline | requests | errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    baseline = targets[0].result
    for target in targets:
        result = target.result
        if result is None:
            lines.append(
                f"| {target.name} | {target.path or '–'} | – | – | – | – | – | – | – | – | – | – | – | {target.note} |"
            )
            continue
        size = format_size(target.size_bytes)
        errors = result.errors + result.non_2xx
        lines.append(
            f"| {target.name} | `{target.path}` | {size} | {'–' if target.queries is None else target.queries} | "
            f"{result.rps:,.1f} | "
            f"{ratio(result.rps, baseline.rps) if baseline else '–'} | {result.p50_ms:.1f} | "
            f"{ratio(result.p50_ms, baseline.p50_ms) if baseline else '–'} | {result.p95_ms:.1f} | "
            f"{ratio(result.p95_ms, baseline.p95_ms) if baseline else '–'} | {result.p99_ms:.1f} | "
            f"{ratio(result.p99_ms, baseline.p99_ms) if baseline else '–'} | {result.requests:,} | {errors:,} |"
        )
    if burst:
        lost = burst["redirected"] - burst["counted"]
        lines += [
            "",
            f"Scan burst: {burst['sent']:,} scans of one code over {burst['connections']} connections in "
            f"{burst['seconds']:.1f} s ({burst['sent'] / burst['seconds']:,.0f}/s); "
            f"{burst['redirected']:,} redirected (HTTP statuses {burst['statuses']}, {burst['errors']} connection "
            f"errors), **{burst['counted']:,} counted after the flush: {lost:,} lost**.",
        ]
    notes = list(site.notes) + [f"{t.name}: {t.note}" for t in targets if t.note and t.result is None]
    if notes:
        lines += ["", "Notes:", *[f"- {note}" for note in notes]]
    return "\n".join(lines) + "\n"


# --- Main ----------------------------------------------------------------------------------


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--products",
        type=int,
        default=DEFAULT_PRODUCTS,
        help=f"products for generate_catalog (default {DEFAULT_PRODUCTS:,}; 0 = demo content only)",
    )
    parser.add_argument("--seed", type=int, default=1, help="generate_catalog seed (default 1)")
    parser.add_argument("--duration", type=float, default=10, help="seconds of load per URL (default 10)")
    parser.add_argument("--warmup", type=float, default=2, help="seconds of warm-up per URL (default 2)")
    parser.add_argument("--rounds", type=int, default=1, help="interleaved rounds over all URLs (default 1)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections (default 8)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument(
        "--max-requests",
        type=int,
        default=500_000,
        help="cap on requests per URL for the Python load generator (default 500,000)",
    )
    parser.add_argument("--tool", choices=("auto", "wrk", "python"), default="auto", help="load generator")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", ""),
        help="an EMPTY throwaway database to use instead of a temporary SQLite file "
        "(default $BENCH_DATABASE_URL; the project's DATABASE_URL is deliberately ignored)",
    )
    parser.add_argument("--product-path", help="benchmark this product page path instead of the first live one")
    parser.add_argument(
        "--extra-path",
        action="append",
        default=[],
        metavar="PATH",
        help="also benchmark this local path, e.g. '/san-pham/?stars=5&page=40' (repeatable)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
        help="the benchmark's OWN local Redis database, emptied at start (default $BENCH_REDIS_URL or "
        "redis://127.0.0.1:6379/14); production keeps the cache, page cache and scan buffer there",
    )
    parser.add_argument("--no-redis", action="store_true", help="measure with the local-memory cache instead")
    parser.add_argument(
        "--burst",
        type=int,
        default=10_000,
        help="scans in the burst that must lose no count (default 10,000; 0 = none)",
    )
    parser.add_argument("--generate-timeout", type=float, default=3600, help="limit for generate_catalog (s)")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.md", help="report file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (database, logs)")
    args = parser.parse_args(argv)
    counts = (args.connections, args.workers, args.rounds)
    if min(args.products, args.warmup) < 0 or args.duration <= 0 or min(counts) < 1:
        parser.error("need --products ≥ 0, --duration > 0, --warmup ≥ 0, --connections/--workers/--rounds ≥ 1")
    return args


def choose_tool(choice: str) -> tuple[str | None, str]:
    wrk = shutil.which("wrk")
    if choice == "wrk" and not wrk:
        raise BenchError("wrk is not installed (Debian/Ubuntu: sudo apt-get install -y wrk)")
    if choice in ("auto", "wrk") and wrk:
        return wrk, wrk_version(wrk)
    if choice == "auto":
        log(
            "wrk not found: using the built-in Python load generator, which saturates before the server "
            "on fast views. For sharper figures: sudo apt-get install -y wrk (or brew install wrk)"
        )
    return None, "Python load generator (threads + http.client)"


def main(argv=None) -> int:
    args = parse_args(argv)
    # SIGTERM (e.g. from CI) unwinds through the finally blocks like Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    workdir = Path(tempfile.mkdtemp(prefix="ocop-bench-"))
    gunicorn = None
    try:
        wrk, tool = choose_tool(args.tool)
        if args.database_url:
            check_database_url(args.database_url)
            database_url = args.database_url
            label = f"{urlsplit(database_url).scheme} (given; must be a throwaway database)"
            log(f"using the given database {urlsplit(database_url).scheme}://…; its content will be changed")
        else:
            database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
            label = "SQLite (temporary file)"
        redis_url = None if args.no_redis else prepare_redis(args.redis_url)
        site = Site(
            workdir=workdir,
            env=make_env(database_url, workdir, secrets.token_urlsafe(64), redis_url),
            database_label=label,
        )
        site.redis_url = redis_url
        log(f"working in {workdir}")

        build_site(site, args.products, args.seed, args.generate_timeout)
        pages = discover_pages(site)

        gunicorn = Gunicorn(site, args.workers)
        gunicorn.start()

        product_path = (
            args.product_path or pages.get("product") or api_page_path(gunicorn.port, "catalogue.ProductPage")
        )
        listing_path = pages.get("listing") or api_page_path(gunicorn.port, "catalogue.ProductIndexPage")
        codes = pages.get("scan_codes") or []
        targets = [
            Target("baseline: trivial Django view", TRIVIAL_PATH),
            Target(
                "scan: `/q/{code}` redirect (counted)",
                f"/q/{codes[0]}" if codes else None,
                note="" if codes else "no scan code found",
                expect=302,
            ),
            Target(
                "product page (showcase" + (", cached)" if site.redis_url else ", no page cache)"),
                product_path,
                note="" if product_path else "no live product page found",
            ),
            Target(
                "product page, rendered (`?nfc=` bypasses the cache)",
                f"{product_path}?nfc=bench" if product_path and site.redis_url else None,
            ),
            Target("product listing", listing_path, note="" if listing_path else "no live product listing found"),
            *api_targets(pages),
        ]
        targets += [Target("extra", path if path.startswith("/") else f"/{path}") for path in args.extra_path]
        measure(targets, gunicorn.port, args, wrk, gunicorn)
        measured = [target for target in targets if target.result is not None]
        queries = count_queries(site, [target.path for target in measured])
        for target in measured:
            target.queries = queries.get(target.path)
        if targets[0].result is None:
            raise BenchError(f"the baseline {TRIVIAL_PATH} could not be measured")
        burst = None
        if args.burst > 0 and len(codes) > 1:  # the second product's code: scanned by nothing else
            burst = scan_burst(site, gunicorn.port, codes[1], args.burst, max(16, args.connections))

        text = report(site, targets, args, tool, pages, burst)
        print(text)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text)
        stamped = args.output.parent / f"{dt.datetime.now(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}.md"
        if args.output.parent == RESULTS:
            stamped.write_text(text)
        log(f"report written to {args.output}")
        return 0
    except BenchError as exc:
        log(f"FAILED: {exc}")
        return 1
    finally:
        if gunicorn is not None:
            gunicorn.stop()
        if args.keep:
            log(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
