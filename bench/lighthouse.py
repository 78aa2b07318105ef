#!/usr/bin/env python
"""Lighthouse (mobile) audit of the QR showcase, as a phone opens it.

    .venv/bin/python bench/lighthouse.py [--rounds 3] [--products 0]

Builds a throwaway demo site like ``bench/run.py`` (production settings, gunicorn with 2
workers, Redis as in production when it answers), then audits in Debian's headless
Chromium, with Lighthouse's mobile profile and its default simulated throttling (slow 4G,
4× CPU slow-down):

- ``/q/{code}``: a QR scan, the redirect included;
- the product page it lands on, from the page cache;
- the same page rendered for this visit (``?nfc=`` bypasses the cache).

Each URL is audited ``--rounds`` times, interleaved, and the medians are reported (scores,
LCP, FCP, TBT, CLS and bytes transferred) on stdout and in
``bench/results/lighthouse-latest.md``. Lighthouse comes from npm at the pinned version
below, installed into the run's temporary directory (nothing is installed in the
repository and no browser is downloaded); ``--lighthouse PATH`` uses one already installed.

The local site serves ``/media/`` itself (``BENCH_SERVE_MEDIA``), as S3 or a CDN would in
production.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import (  # noqa: E402
    HOST,
    RESULTS,
    BenchError,
    Gunicorn,
    Site,
    build_site,
    discover_pages,
    fetch,
    git_revision,
    log,
    make_env,
    prepare_redis,
)

LIGHTHOUSE_VERSION = "13.5.0"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "largest-contentful-paint": ("LCP", "s", 1000),
    "first-contentful-paint": ("FCP", "s", 1000),
    "total-blocking-time": ("TBT", "ms", 1),
    "cumulative-layout-shift": ("CLS", "", None),
    "total-byte-weight": ("transferred", "KiB", 1024),
}
# As the machine's probe runs it: headless, as root, and without Chromium's background
# connections, which this machine's closed network would refuse.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)


def install_lighthouse(workdir: Path) -> Path:
    log(f"installing lighthouse@{LIGHTHOUSE_VERSION} with npm into the temporary directory")
    prefix = workdir / "lighthouse"
    prefix.mkdir()
    result = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(prefix), f"lighthouse@{LIGHTHOUSE_VERSION}"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    binary = prefix / "node_modules" / ".bin" / "lighthouse"
    if result.returncode != 0 or not binary.exists():
        raise BenchError(f"npm could not install lighthouse:\n{result.stderr[-2000:]}")
    return binary


def audit(lighthouse: Path, chrome: str, url: str, output: Path) -> dict:
    command = [
        str(lighthouse),
        url,
        "--form-factor=mobile",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--output=json",
        f"--output-path={output}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": chrome}
    for attempt in (1, 2):  # Chromium now and then loses a trace (NO_NAVSTART): Lighthouse says run again
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, check=False)
        if result.returncode == 0 and output.exists():
            break
        log(f"lighthouse failed on {url} (attempt {attempt}): {result.stderr.strip().splitlines()[-1:]}")
    else:
        raise BenchError(f"lighthouse failed twice on {url}:\n{result.stderr[-2000:]}")
    data = json.loads(output.read_text())
    figures = {category: round(data["categories"][category]["score"] * 100) for category in CATEGORIES}
    for audit_id in METRICS:
        figures[audit_id] = data["audits"][audit_id]["numericValue"]
    figures["final_url"] = data.get("finalDisplayedUrl") or data.get("finalUrl", "")
    return figures


def median_figures(runs: list[dict]) -> dict:
    keys = [*CATEGORIES, *METRICS]
    return {key: statistics.median(run[key] for run in runs) for key in keys}


def format_metric(audit_id: str, value: float) -> str:
    _, unit, divisor = METRICS[audit_id]
    if divisor is None:
        return f"{value:.3f}"
    return f"{value / divisor:.{1 if unit == 's' else 0}f} {unit}".strip()


def report(rows: list[tuple[str, str, dict]], args, chromium: str, redis_on: bool) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"# Lighthouse (mobile) — {now}",
        "",
        f"- commit: {git_revision()}; Lighthouse {LIGHTHOUSE_VERSION}, {chromium}",
        "- mobile form factor, simulated throttling (slow 4G, 4× CPU); "
        f"median of {args.rounds} interleaved rounds; 1-min load average at the end: {os.getloadavg()[0]:.2f}",
        "- server: gunicorn, 2 sync workers, `bench.settings` (production settings), "
        + ("Redis (page cache on)" if redis_on else "local-memory cache (no page cache)"),
        "",
        "| what | URL | performance | accessibility | best practices | SEO | "
        + " | ".join(label for label, _, _ in METRICS.values())
        + " |",
        "|---|---|---:|---:|---:|---:|" + "---:|" * len(METRICS),
    ]
    for name, path, figures in rows:
        scores = " | ".join(f"{figures[category]:.0f}" for category in CATEGORIES)
        metrics = " | ".join(format_metric(audit_id, figures[audit_id]) for audit_id in METRICS)
        lines.append(f"| {name} | `{path}` | {scores} | {metrics} |")
    return "\n".join(lines) + "\n"


def chromium_version(chrome: str) -> str:
    result = subprocess.run([chrome, "--version"], capture_output=True, text=True, timeout=30, check=False)
    return result.stdout.strip() or "Chromium"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="audits per URL, interleaved (default 3)")
    parser.add_argument("--products", type=int, default=0, help="generate_catalog products (default 0: demo only)")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"), help="Chromium")
    parser.add_argument("--lighthouse", type=Path, help="an installed lighthouse binary (default: npm install)")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"))
    parser.add_argument("--output", type=Path, default=RESULTS / "lighthouse-latest.md", help="report file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory and the JSON reports")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.products < 0:
        parser.error("need --rounds ≥ 1 and --products ≥ 0")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    if not shutil.which(args.chrome) and not Path(args.chrome).exists():
        log(f"FAILED: no Chromium at {args.chrome} (Debian: sudo apt-get install -y chromium)")
        return 1
    workdir = Path(tempfile.mkdtemp(prefix="ocop-lighthouse-"))
    gunicorn = None
    try:
        lighthouse = args.lighthouse or install_lighthouse(workdir)
        redis_url = prepare_redis(args.redis_url)
        env = make_env(f"sqlite:///{workdir / 'bench.sqlite3'}", workdir, secrets.token_urlsafe(64), redis_url)
        env["BENCH_SERVE_MEDIA"] = "1"
        site = Site(workdir=workdir, env=env, database_label="SQLite (temporary file)")
        build_site(site, args.products, seed=1, generate_timeout=1800)
        pages = discover_pages(site)
        product, codes = pages.get("product"), pages.get("scan_codes") or []
        if not product or not codes:
            raise BenchError("no live product with a scan code to audit")
        gunicorn = Gunicorn(site, workers=2)
        gunicorn.start()
        base = f"http://{HOST}:{gunicorn.port}"
        for path in (product, f"{product}?nfc=bench"):
            status, _ = fetch(gunicorn.port, path, timeout=120)  # the first render makes the image renditions
            if status != 200:
                raise BenchError(f"{path} answered HTTP {status}")
        targets = [
            ("QR scan (redirect + cached showcase)", f"/q/{codes[0]}"),
            ("showcase, cached", product),
            ("showcase, rendered for the visit", f"{product}?nfc=bench"),
        ]
        runs: dict[str, list[dict]] = {path: [] for _, path in targets}
        for number in range(1, args.rounds + 1):
            for name, path in targets:
                output = workdir / f"lighthouse-{len(runs[path])}-{abs(hash(path))}.json"
                figures = audit(lighthouse, args.chrome, base + path, output)
                log(
                    f"{name} (round {number}/{args.rounds}): "
                    + ", ".join(f"{category} {figures[category]}" for category in CATEGORIES)
                )
                runs[path].append(figures)
        rows = [(name, path, median_figures(runs[path])) for name, path in targets]
        text = report(rows, args, chromium_version(args.chrome), redis_url is not None)
        print(text)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text)
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
