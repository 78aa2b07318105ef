#!/usr/bin/env python
"""Page weight and Lighthouse (mobile) of a page with a virtual tour, before and after opening it.

    .venv/bin/python bench/tour.py [--rounds 3] [--no-lighthouse] [--npm-prefix DIR] [--keep]

Builds the throwaway demo site of ``bench/lighthouse.py`` (``make assets`` first, so the
bundled viewer in ``static/dist`` is collected; then migrate, ``load_demo``, collectstatic;
production settings on gunicorn with 2 workers, Redis as in production when it answers, and
``/media/`` served by the site itself as S3 or a CDN would). The page is the first live product
page with a tour — or, when no product has one, the first producer page with a tour, which the
report says — and the baseline is the first live page of the same type without a tour.

1. **Page weight** in Debian's Chromium driven by Playwright, as a phone (390×844, DPR 2,
   touch; WebGL through SwiftShader), a fresh cache each time: the bytes transferred (headers +
   encoded body, CDP ``Network.loadingFinished.encodedDataLength``) by HTML, CSS, JS, images and
   other, (a) for the first load until the network is idle — HTML+CSS+JS checked against the
   150 kB target (1 kB = 1,000 bytes) — and the baseline page likewise, and (b) what pressing
   “open” adds until the frame has ``[data-viewer-ready]``, then until the network is idle again
   (the viewer preloads the next scene).
2. **Lighthouse** (pinned version of ``bench/lighthouse.py``, plus ``puppeteer-core``, both
   npm-installed into the temporary directory, or ``--npm-prefix`` where both are installed):
   before opening, a navigation audit with the mobile profile and simulated throttling; after
   opening, the user flow of ``bench/tour_flow.mjs`` — navigation, a timespan that taps “open”
   and waits for the viewer (Lighthouse measures timespans under DevTools throttling: 4× CPU,
   slow 4G), and a snapshot of the page with the viewer open.

Every measurement runs ``--rounds`` times (default 3), interleaved; the report gives medians,
lists audits that fail on the page, and is printed and written to
``bench/results/tour-latest.md``. All traffic stays on 127.0.0.1; see docs/benchmarks.md.
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
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.lighthouse import (  # noqa: E402
    CATEGORIES,
    CHROME_FLAGS,
    LIGHTHOUSE_VERSION,
    audit,
    chromium_version,
    format_metric,
    install_lighthouse,
    median_figures,
)
from bench.run import (  # noqa: E402
    BENCH,
    HOST,
    REPO,
    RESULTS,
    BenchError,
    Gunicorn,
    Site,
    build_site,
    fetch,
    git_revision,
    log,
    make_env,
    prepare_redis,
    tail,
)

PUPPETEER_VERSION = "25.16.0"  # the version lighthouse@13.5.0 depends on (^25.9), so npm installs it once
TARGET_BYTES = 150_000  # issue 6: under 150 kB of HTML+CSS+JS before the viewer is opened
KINDS = ("HTML", "CSS", "JS", "images", "other")
ASSETS = ("dist/tour.js", "dist/tour-viewer.js", "dist/tour-viewer.css")
# A phone, as the browser tests see one (tests/browser/conftest.py).
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
# Lighthouse's Chromium flags, with WebGL in software (SwiftShader): the viewer needs it, no GPU here.
BROWSER_FLAGS = [
    flag for flag in CHROME_FLAGS.split() if flag != "--disable-gpu" and not flag.startswith("--headless")
] + ["--enable-unsafe-swiftshader", "--use-angle=swiftshader"]
READY = "[data-tour-frame][data-viewer-ready]"

# Asked of the benchmark database: the page with a tour, a baseline of the same type without one,
# and the URLs that belong to the tour (its poster, its panoramas) or to a 3D model on the page.
DISCOVER_TOUR = """
import json
from catalogue.models import ProducerPage, ProductPage

def path(page):
    parts = page.get_url_parts() if page is not None else None
    return parts[2] if parts else None

found = {"kind": "product"}
page = ProductPage.objects.live().public().filter(tour__isnull=False).order_by("path").first()
if page is None:
    found["kind"] = "producer"
    page = ProducerPage.objects.live().public().filter(tour__isnull=False).order_by("path").first()
if page is not None:
    others = type(page).objects.live().public().filter(tour__isnull=True).order_by("path")
    has_model = getattr(page, "model3d_id", None) is not None
    if hasattr(page, "model3d_id"):  # a baseline like the page but for the tour, when there is one
        others = sorted(others, key=lambda other: (other.model3d_id is not None) != has_model)
    baseline = next(iter(others), None)
    tour = page.tour_data
    model = getattr(page, "model3d_data", None)
    found.update(
        path=path(page),
        title=page.title,
        baseline=path(baseline),
        baseline_title=baseline.title if baseline else None,
        baseline_has_model3d=getattr(baseline, "model3d_id", None) is not None,
        has_model3d=has_model,
        tour_title=tour["title"],
        scenes=len(tour["scenes"]),
        tour_urls=[url for scene in tour["scenes"] if scene["panorama"] for url in
                   [scene["panorama"]["poster"]["url"], *(source["url"] for source in scene["panorama"]["sources"])]],
        model3d_urls=[model["url"], model["poster"]["url"]] if model else [],
    )
print("BENCH_TOUR " + json.dumps(found))
"""


def ensure_assets(workdir: Path) -> None:
    """The viewer is bundled from npm by `make assets`; collectstatic must find it."""
    log("make assets (npm ci + esbuild, skipped by make when up to date)…")
    logfile = workdir / "make-assets.log"
    with logfile.open("w") as out:
        try:
            result = subprocess.run(["make", "assets"], cwd=REPO, stdout=out, stderr=subprocess.STDOUT, timeout=900)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise BenchError(f"`make assets` could not run: {exc}") from exc
    missing = [name for name in ASSETS if not (REPO / "static" / name).is_file()]
    if result.returncode != 0 or missing:
        raise BenchError(
            f"`make assets` failed (exit {result.returncode}) or did not build static/{', static/'.join(missing)}; "
            f"the tour's viewer must be bundled before collectstatic (needs node and npm):\n{tail(logfile)}"
        )


def discover_tour(site: Site) -> dict:
    output = site.manage("shell", "--verbosity=0", "-c", DISCOVER_TOUR, timeout=300, name="discover-tour").stdout
    for line in reversed(output.splitlines()):
        if line.startswith("BENCH_TOUR "):
            found = json.loads(line.removeprefix("BENCH_TOUR "))
            if not found.get("path"):
                raise BenchError("no live product or producer page has a tour (does load_demo add one?)")
            return found
    raise BenchError(f"could not ask the database for a page with a tour:\n{output[-2000:]}")


# --- Page weight -------------------------------------------------------------------------


def local_path(url: str) -> str:
    return "/" + url.split("//", 1)[-1].split("/", 1)[-1].split("?", 1)[0]


def kind_of(mime_type: str) -> str:
    mime_type = (mime_type or "").split(";")[0].strip().lower()
    if mime_type == "text/html":
        return "HTML"
    if mime_type == "text/css":
        return "CSS"
    if "javascript" in mime_type or mime_type == "application/ecmascript":
        return "JS"
    if mime_type.startswith("image/"):
        return "images"
    return "other"


class NetworkLog:
    """Every request of one tab as Chromium's network stack saw it (CDP), bytes on the wire included."""

    def __init__(self, context, page):
        self.requests: dict[str, dict] = {}
        self.phase = "load"
        session = context.new_cdp_session(page)
        session.on("Network.requestWillBeSent", self._sent)
        session.on("Network.responseReceived", self._response)
        session.on("Network.loadingFinished", self._finished)
        session.on("Network.loadingFailed", self._failed)
        session.send("Network.enable")
        self.session = session

    def _sent(self, event):
        if event["request"]["url"].startswith("http"):
            self.requests[event["requestId"]] = {"url": event["request"]["url"], "phase": self.phase, "done": False}

    def _response(self, event):
        request = self.requests.get(event["requestId"])
        if request is not None:
            headers = {key.lower(): value for key, value in event["response"]["headers"].items()}
            request.update(
                status=event["response"]["status"],
                kind=kind_of(event["response"]["mimeType"]),
                encoding=headers.get("content-encoding", ""),
            )

    def _finished(self, event):
        request = self.requests.get(event["requestId"])
        if request is not None:
            request.update(done=True, bytes=int(event["encodedDataLength"]), at=self.phase)

    def _failed(self, event):
        request = self.requests.get(event["requestId"])
        if request is not None:
            request.update(done=True, bytes=0, failed=event.get("errorText", "failed"), at=self.phase)

    def wait_quiet(self, page, quiet_ms: int = 1000, timeout_ms: int = 60_000) -> None:
        """Until no request has been in flight for `quiet_ms` (bounded by `timeout_ms`)."""
        quiet_since = None
        deadline = time.monotonic() + timeout_ms / 1000
        while time.monotonic() < deadline:
            page.wait_for_timeout(100)  # lets Playwright deliver the CDP events
            busy = any(not request["done"] for request in self.requests.values())
            if busy:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= quiet_ms / 1000:
                return
        log(f"the network was still busy after {timeout_ms / 1000:.0f} s; measuring what had arrived")

    def of(self, phase: str, at: tuple[str, ...] | None = None) -> list[dict]:
        return [
            request
            for request in self.requests.values()
            if request["phase"] == phase and request["done"] and (at is None or request["at"] in at)
        ]


def totals(requests: list[dict]) -> dict:
    sums = {kind: 0 for kind in KINDS}
    for request in requests:
        sums[request.get("kind", "other")] += request["bytes"]
    sums["HTML+CSS+JS"] = sums["HTML"] + sums["CSS"] + sums["JS"]
    sums["total"] = sum(sums[kind] for kind in KINDS)
    sums["requests"] = len(requests)
    return sums


def viewer_owns(url: str, tour_urls: set[str]) -> bool:
    """The bundled viewer (its script, chunks and CSS) and the tour's panoramas."""
    return "/static/dist/" in url or local_path(url) in tour_urls


def weigh(browser, url: str, open_tour: bool, tour_urls: set[str] = frozenset()) -> dict:
    """One visit with an empty cache: the first load, and (open_tour) what opening the tour adds."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.set_default_timeout(120_000)
        network = NetworkLog(context, page)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url, wait_until="networkidle")
        network.wait_quiet(page)
        result = {"load": totals(network.of("load")), "requests": network.requests, "errors": errors}
        if open_tour:
            network.phase = "open"
            started = time.perf_counter()
            page.locator("[data-tour-open]").tap()
            page.wait_for_selector(READY, timeout=120_000)
            result["ready_seconds"] = time.perf_counter() - started
            network.phase = "ready"  # requests started from now on: the viewer preloading the next scene
            result["until_ready"] = totals(network.of("open", at=("open",)))
            network.wait_quiet(page)
            opened = [*network.of("open"), *network.of("ready")]
            result["until_idle"] = totals(opened)
            result["viewer"] = totals([request for request in opened if viewer_owns(request["url"], tour_urls)])
            result["scene"] = page.get_attribute("[data-tour-frame]", "data-current-scene")
        return result
    finally:
        context.close()


def measure_weights(chrome: str, base: str, found: dict, rounds: int) -> dict:
    from playwright.sync_api import sync_playwright

    runs = {"page": [], "baseline": []}
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chrome, args=BROWSER_FLAGS)
        try:
            for number in range(1, rounds + 1):
                page = weigh(browser, base + found["path"], open_tour=True, tour_urls=set(found["tour_urls"]))
                runs["page"].append(page)
                log(
                    f"weight (round {number}/{rounds}): {page['load']['HTML+CSS+JS']:,} B HTML+CSS+JS before opening, "
                    f"+{page['until_ready']['total']:,} B until the viewer is ready "
                    f"({page['ready_seconds']:.1f} s), +{page['until_idle']['total']:,} B until idle"
                )
                if found.get("baseline"):
                    runs["baseline"].append(weigh(browser, base + found["baseline"], open_tour=False))
        finally:
            browser.close()
    return runs


def median_totals(runs: list[dict], key: str) -> dict:
    return {name: statistics.median(run[key][name] for run in runs) for name in runs[0][key]}


# --- Lighthouse ----------------------------------------------------------------------------


def install_node_packages(workdir: Path) -> Path:
    """lighthouse (pinned in bench/lighthouse.py) and puppeteer-core, in the temporary directory."""
    prefix = install_lighthouse(workdir).parent.parent.parent
    log(f"installing puppeteer-core@{PUPPETEER_VERSION} with npm into the temporary directory")
    result = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(prefix), f"puppeteer-core@{PUPPETEER_VERSION}"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0 or not (prefix / "node_modules" / "puppeteer-core").is_dir():
        raise BenchError(f"npm could not install puppeteer-core:\n{result.stderr[-2000:]}")
    return prefix


def run_flow(prefix: Path, chrome: str, url: str, output: Path) -> dict:
    """bench/tour_flow.mjs, run beside the npm-installed packages so that node finds them."""
    script = prefix / "tour_flow.mjs"
    shutil.copyfile(BENCH / "tour_flow.mjs", script)
    command = ["node", str(script), url, chrome, json.dumps(BROWSER_FLAGS), str(output)]
    for attempt in (1, 2):  # as bench/lighthouse.py: Chromium now and then loses a trace
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
        line = next((line for line in result.stdout.splitlines() if line.startswith("TOUR_FLOW ")), None)
        if result.returncode == 0 and line:
            flow = json.loads(line.removeprefix("TOUR_FLOW "))
            errors = [step["runtimeError"] for step in flow["steps"] if step["runtimeError"]]
            if not errors:
                return flow
            log(f"the user flow reported {errors} (attempt {attempt})")
        else:
            log(f"the user flow failed (attempt {attempt}): {result.stderr.strip().splitlines()[-3:]}")
    raise BenchError(f"the Lighthouse user flow failed twice on {url}:\n{result.stderr[-2000:]}")


def failed_audits(report: dict) -> list[dict]:
    """The weighted accessibility, best-practices and SEO audits of a Lighthouse report that did not pass."""
    failed = []
    for category in CATEGORIES[1:]:
        for ref in report["categories"][category]["auditRefs"]:
            item = report["audits"].get(ref["id"])
            if not item or not ref["weight"] or item["score"] is None or item["score"] >= 0.9:
                continue
            nodes = [
                {"selector": (detail.get("node") or {}).get("selector") or detail.get("url")}
                for detail in ((item.get("details") or {}).get("items") or [])[:5]
            ]
            failed.append({"category": category, "id": ref["id"], "title": item["title"], "items": nodes})
    return failed


def flow_figures(flow: dict) -> dict:
    steps = {step["mode"]: step for step in flow["steps"]}
    timespan, snapshot = steps["timespan"], steps["snapshot"]
    return {
        "performance": timespan["scores"].get("performance"),
        "total-blocking-time": timespan["metrics"].get("total-blocking-time"),
        "cumulative-layout-shift": timespan["metrics"].get("cumulative-layout-shift"),
        "interaction-to-next-paint": timespan["metrics"].get("interaction-to-next-paint"),
        "total-byte-weight": timespan["metrics"].get("total-byte-weight"),
        "accessibility": snapshot["scores"].get("accessibility"),
        "best-practices": snapshot["scores"].get("best-practices"),
        "seo": snapshot["scores"].get("seo"),
        "ready_ms": flow["readyMs"],
        "long_tasks": timespan["longTasks"],
    }


def median_of(runs: list[dict]) -> dict:
    return {
        key: statistics.median(values) if (values := [run[key] for run in runs if run[key] is not None]) else None
        for key in runs[0]
        if key != "long_tasks"
    }


# --- Report --------------------------------------------------------------------------------


def kb(size: float) -> str:
    return f"{size / 1000:.1f} kB"


def weight_rows(label: str, sums: dict) -> str:
    cells = " | ".join(kb(sums[kind]) for kind in (*KINDS, "HTML+CSS+JS", "total"))
    return f"| {label} | {sums['requests']:.0f} | {cells} |"


def request_list(requests: list[dict], tour_urls: set[str] | None = None) -> list[str]:
    """One line a request, largest first; with `tour_urls`, what is not the viewer's is said so."""
    lines = []
    for request in sorted(requests, key=lambda request: -request["bytes"]):
        path = request["url"].split("//", 1)[-1].split("/", 1)[-1]
        encoding = f", {request['encoding']}" if request.get("encoding") else ""
        failed = f", **failed: {request['failed']}**" if request.get("failed") else ""
        other = "" if tour_urls is None or viewer_owns(request["url"], tour_urls) else " — not the viewer's"
        lines.append(
            f"  - `/{path}` — {request['bytes']:,} B ({request.get('kind', 'other')}{encoding}){failed}{other}"
        )
    return lines


def report(found: dict, weights: dict, lighthouse: dict | None, args, chrome: str, redis_on: bool) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    page_runs, baseline_runs = weights["page"], weights["baseline"]
    load = median_totals(page_runs, "load")
    until_ready = median_totals(page_runs, "until_ready")
    until_idle = median_totals(page_runs, "until_idle")
    viewer = median_totals(page_runs, "viewer")
    ready = statistics.median(run["ready_seconds"] for run in page_runs)
    verdict = "pass" if load["HTML+CSS+JS"] < TARGET_BYTES else "FAIL"
    kind = "product" if found["kind"] == "product" else "producer"
    lines = [
        f"# Virtual tour: page weight and Lighthouse (mobile) — {now}",
        "",
        f"- commit: {git_revision()}; {chrome}; Lighthouse {LIGHTHOUSE_VERSION}, puppeteer-core {PUPPETEER_VERSION}",
        f"- page: `{found['path']}` ({found['title']}), tour “{found['tour_title']}”, {found['scenes']} scenes"
        + ("; it also shows a 3D model" if found.get("has_model3d") else ""),
        f"- baseline: `{found['baseline']}` ({found['baseline_title']}), a {kind} page without a tour"
        + ("; it shows a 3D model too" if found.get("baseline_has_model3d") else "")
        if found.get("baseline")
        else "- baseline: none (no page of the same type without a tour)",
        "- server: gunicorn, 2 sync workers, `bench.settings` (production settings, whitenoise, gzip), "
        + ("Redis (page cache on)" if redis_on else "local-memory cache (no page cache)")
        + f"; median of {args.rounds} interleaved rounds; {os.cpu_count()} CPUs, "
        f"1-min load average at the end: {os.getloadavg()[0]:.2f}",
    ]
    if found["kind"] != "product":
        lines.append(
            "- **note: no live product page has a tour, so this is the first producer page with one** "
            "(and the baseline a producer page without a tour)."
        )
    lines += [
        "",
        "## Page weight (Playwright, phone 390×844 DPR 2, empty cache; bytes on the wire = headers + encoded body;"
        " 1 kB = 1,000 B)",
        "",
        "| what | requests | HTML | CSS | JS | images | other | HTML+CSS+JS | total |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        weight_rows("page with the tour, first load (until network idle)", load),
    ]
    if baseline_runs:
        baseline = median_totals(baseline_runs, "load")
        lines.append(weight_rows("baseline page without a tour, first load", baseline))
    lines += [
        weight_rows(f"opening adds, until `[data-viewer-ready]` (median {ready:.1f} s, unthrottled)", until_ready),
        weight_rows("opening adds, until the network is idle (the next scene preloaded)", until_idle),
        weight_rows("… of which the viewer (script, chunks, CSS) and the tour's pictures", viewer),
        "",
        f"- **before opening: {kb(load['HTML+CSS+JS'])} of HTML+CSS+JS — target < {kb(TARGET_BYTES)}: {verdict}** "
        f"({kb(load['total'])} in all with images).",
    ]
    if baseline_runs:
        extra, extra_all = load["HTML+CSS+JS"] - baseline["HTML+CSS+JS"], load["total"] - baseline["total"]
        lines.append(
            f"- the page with the tour weighs {kb(extra)} more HTML+CSS+JS than the baseline "
            f"(×{load['HTML+CSS+JS'] / baseline['HTML+CSS+JS']:.2f}) and {kb(extra_all)} more in all "
            f"(×{load['total'] / baseline['total']:.2f}) before opening."
        )
    last = page_runs[-1]["requests"]
    tour_urls, model_urls = set(found.get("tour_urls") or []), set(found.get("model3d_urls") or [])
    own = [r for r in last.values() if r["phase"] == "load" and r["done"] and local_path(r["url"]) in tour_urls]
    own += [r for r in last.values() if r["phase"] == "load" and r["done"] and "/dist/tour." in r["url"]]
    lines.append(f"- the tour's own requests before opening (last round): {kb(sum(r['bytes'] for r in own))}")
    lines += request_list(own)
    model = [
        r
        for r in last.values()
        if r["phase"] == "load" and r["done"] and (local_path(r["url"]) in model_urls or "/dist/model3d." in r["url"])
    ]
    if model:
        lines.append(f"- the 3D model's requests before opening (last round): {kb(sum(r['bytes'] for r in model))}")
        lines += request_list(model)
    lines.append(f"- what opening the tour fetched (last round; current scene: `{page_runs[-1].get('scene')}`):")
    lines += request_list([r for r in last.values() if r["phase"] in ("open", "ready") and r["done"]], tour_urls)
    errors = sorted({error for run in page_runs for error in run["errors"]})
    if errors:
        lines.append("- **errors on the page:** " + "; ".join(errors))
    if lighthouse:
        lines += lighthouse_section(lighthouse, args)
    return "\n".join(lines) + "\n"


def lighthouse_section(lighthouse: dict, args) -> list[str]:
    before, after = median_figures(lighthouse["before"]), median_of(lighthouse["after"])
    baseline = median_figures(lighthouse["baseline"]) if lighthouse["baseline"] else None

    def score(value):
        return "–" if value is None else f"{value:.0f}"

    def metric(audit_id, value):
        return "–" if value is None else format_metric(audit_id, value)

    lines = [
        "",
        "## Lighthouse (mobile)",
        "",
        "Before opening: a navigation audit (mobile profile, simulated slow 4G and 4× CPU). After opening: "
        "the user flow of `bench/tour_flow.mjs` — performance, TBT, CLS and bytes of the timespan that taps "
        "“open” and waits for the viewer (Lighthouse measures timespans under DevTools throttling, 4× CPU and "
        "slow 4G, so its TBT is observed, not simulated), accessibility, best practices and SEO of a snapshot "
        "with the viewer open.",
        "",
        "| what | performance | accessibility | best practices | SEO | LCP | TBT | CLS | transferred |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rows = [("before opening (navigation)", before)] + ([("baseline page (navigation)", baseline)] if baseline else [])
    for label, figures in rows:
        lines.append(
            f"| {label} | "
            + " | ".join(score(figures[category]) for category in CATEGORIES)
            + " | "
            + " | ".join(
                metric(audit_id, figures[audit_id])
                for audit_id in (
                    "largest-contentful-paint",
                    "total-blocking-time",
                    "cumulative-layout-shift",
                    "total-byte-weight",
                )
            )
            + " |"
        )
    lines.append(
        "| after opening (timespan + snapshot) | "
        + " | ".join(score(after[category]) for category in CATEGORIES)
        + " | – | "
        + " | ".join(
            metric(audit_id, after[audit_id])
            for audit_id in ("total-blocking-time", "cumulative-layout-shift", "total-byte-weight")
        )
        + " |"
    )
    inp = after.get("interaction-to-next-paint")
    lines += [
        "",
        f"- the timespan: viewer ready {after['ready_ms'] / 1000:.1f} s after the tap (throttled), "
        + (f"INP {inp:.0f} ms." if inp is not None else "no INP measured."),
    ]
    long_tasks = lighthouse["after"][-1]["long_tasks"]
    if long_tasks:
        lines.append(
            "- the timespan's longest main-thread tasks (last round): "
            + ", ".join(f"{task['duration']:.0f} ms in `{local_path(task['url'])}`" for task in long_tasks)
        )
    failures: dict[str, dict] = {}
    for where, reports in (("before", lighthouse["before_failed"]), ("after", lighthouse["after_failed"])):
        for failed in reports:
            for entry in failed:
                seen = failures.setdefault(entry["id"], {**entry, "where": set()})
                seen["where"].add(where)
    if failures:
        lines.append("- audits that did not pass (any round):")
        for entry in failures.values():
            selectors = ", ".join(f"`{item['selector']}`" for item in entry["items"] if item.get("selector"))
            lines.append(
                f"  - {entry['category']} `{entry['id']}` ({entry['title']}), {' and '.join(sorted(entry['where']))} "
                "opening" + (f": {selectors}" if selectors else "")
            )
    else:
        lines.append("- no accessibility, best-practices or SEO audit failed, before or after opening.")
    return lines


# --- Main ----------------------------------------------------------------------------------


def run_lighthouse(prefix: Path, chrome: str, base: str, found: dict, rounds: int, workdir: Path) -> dict:
    lighthouse = prefix / "node_modules" / ".bin" / "lighthouse"
    results = {"before": [], "after": [], "baseline": [], "before_failed": [], "after_failed": []}
    for number in range(1, rounds + 1):
        output = workdir / f"tour-before-{number}.json"
        figures = audit(lighthouse, chrome, base + found["path"], output)
        results["before"].append(figures)
        results["before_failed"].append(failed_audits(json.loads(output.read_text())))
        if found.get("baseline"):
            results["baseline"].append(audit(lighthouse, chrome, base + found["baseline"], workdir / "baseline.json"))
        flow = run_flow(prefix, chrome, base + found["path"], workdir / f"tour-flow-{number}.json")
        after = flow_figures(flow)
        results["after"].append(after)
        results["after_failed"].append(
            [failed for step in flow["steps"] if step["mode"] == "snapshot" for failed in step["failed"]]
        )
        log(
            f"lighthouse (round {number}/{rounds}): before "
            + ", ".join(f"{category} {figures[category]}" for category in CATEGORIES)
            + "; after "
            + ", ".join(f"{category} {after[category]}" for category in CATEGORIES)
            + f", TBT {after['total-blocking-time']:.0f} ms"
        )
    return results


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="measurements of each kind, interleaved (default 3)")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"), help="Chromium")
    parser.add_argument(
        "--npm-prefix",
        type=Path,
        help="a directory where lighthouse and puppeteer-core are npm-installed (default: "
        "install them into the temporary directory)",
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="page weight only")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"))
    parser.add_argument("--output", type=Path, default=RESULTS / "tour-latest.md", help="report file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory and the JSON reports")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("need --rounds ≥ 1")
    if not shutil.which(args.chrome) and not Path(args.chrome).exists():
        parser.error(f"no Chromium at {args.chrome} (Debian: sudo apt-get install -y chromium)")
    return args


def demo_site(workdir: Path, redis_url: str | None) -> Site:
    """The demo content on a fresh SQLite database, static files collected, /media/ served by the site."""
    secret = secrets.token_urlsafe(64)
    env = {**make_env(f"sqlite:///{workdir / 'bench.sqlite3'}", workdir, secret, redis_url), "BENCH_SERVE_MEDIA": "1"}
    site = Site(workdir=workdir, env=env, database_label="SQLite (temporary file)")
    build_site(site, 0, seed=1, generate_timeout=600)
    return site


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    workdir = Path(tempfile.mkdtemp(prefix="ocop-tour-"))
    gunicorn = None
    try:
        ensure_assets(workdir)
        prefix = None
        if not args.no_lighthouse:
            prefix = args.npm_prefix.resolve() if args.npm_prefix else install_node_packages(workdir)
        redis_url = prepare_redis(args.redis_url)
        site = demo_site(workdir, redis_url)
        found = discover_tour(site)
        if found["kind"] != "product":
            log(f"no live product page has a tour: measuring the producer page {found['path']}")
        gunicorn = Gunicorn(site, workers=2)
        gunicorn.start()
        base = f"http://{HOST}:{gunicorn.port}"
        for path in filter(None, (found["path"], found.get("baseline"))):
            status, _ = fetch(gunicorn.port, path, timeout=120)  # the first render makes the renditions
            if status != 200:
                raise BenchError(f"{path} answered HTTP {status}")
        weights = measure_weights(args.chrome, base, found, args.rounds)
        lighthouse = None if prefix is None else run_lighthouse(prefix, args.chrome, base, found, args.rounds, workdir)
        publish(report(found, weights, lighthouse, args, chromium_version(args.chrome), redis_url is not None), args)
        return 0
    except BenchError as exc:
        log(f"FAILED: {exc}")
        return 1
    finally:
        clean_up(gunicorn, workdir, args.keep)


def publish(text: str, args) -> None:
    print(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text)
    log(f"report written to {args.output}")


def clean_up(gunicorn: Gunicorn | None, workdir: Path, keep: bool) -> None:
    """Stops the server and deletes the temporary directory (unless --keep), also on failure or Ctrl-C."""
    if gunicorn is not None:
        gunicorn.stop()
    if keep:
        log(f"kept {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
