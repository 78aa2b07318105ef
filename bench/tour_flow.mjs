// A Lighthouse user flow of a page's virtual tour, as a phone opens it (bench/tour.py runs it).
//
//   node tour_flow.mjs URL CHROME FLAGS_JSON OUTPUT_JSON
//
// Needs `lighthouse` and `puppeteer-core` next to it (bench/tour.py copies this file into the
// temporary directory where it npm-installs both at pinned versions; nothing is installed in the
// repository). Steps, in one tab of Chromium launched by puppeteer-core:
//   1. navigation: the page loads (Lighthouse's mobile profile, simulated throttling);
//   2. timespan "open the tour": a tap on [data-tour-open], until the frame has [data-viewer-ready]
//      (Lighthouse measures a timespan under DevTools throttling: 4× CPU slow-down, slow 4G);
//   3. snapshot "viewer open": accessibility, best practices and SEO of the page with the viewer.
// Writes the whole flow result (every step's report) to OUTPUT_JSON and prints one line
// `TOUR_FLOW {…}` with the steps' scores, metrics and failed audits.
import { writeFileSync } from "node:fs";
import puppeteer from "puppeteer-core";
import { startFlow } from "lighthouse";

const [url, chrome, flagsJson, output] = process.argv.slice(2);
if (!output) {
  console.error("usage: node tour_flow.mjs URL CHROME FLAGS_JSON OUTPUT_JSON");
  process.exit(2);
}
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const METRICS = ["total-blocking-time", "cumulative-layout-shift", "interaction-to-next-paint",
  "largest-contentful-paint", "first-contentful-paint", "total-byte-weight"];
const READY = "[data-tour-frame][data-viewer-ready]";

/** What a step's report says: scores, metrics and the weighted audits that did not pass. */
function summary(step) {
  const lhr = step.lhr;
  const scores = {};
  const failed = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (!category) continue;
    scores[id] = category.score === null ? null : Math.round(category.score * 100);
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
      if (id === "performance") continue; // metrics are reported as numbers
      const items = (audit.details?.items ?? []).slice(0, 5).map((item) => ({
        selector: item.node?.selector ?? item.source?.url ?? item.url ?? null,
        snippet: item.node?.snippet ?? item.description ?? null,
        explanation: item.node?.explanation ?? null,
      }));
      failed.push({ category: id, id: ref.id, title: audit.title, score: audit.score, items });
    }
  }
  const metrics = {};
  for (const id of METRICS) {
    if (lhr.audits[id]?.numericValue !== undefined) metrics[id] = lhr.audits[id].numericValue;
  }
  // Where the blocking time goes: the longest main-thread tasks, by script.
  const longTasks = (lhr.audits["long-tasks"]?.details?.items ?? []).slice(0, 5)
    .map((item) => ({ url: item.url, duration: item.duration }));
  return { name: step.name, mode: lhr.gatherMode, throttling: lhr.configSettings.throttlingMethod,
    scores, metrics, failed, longTasks, runtimeError: lhr.runtimeError?.code ?? null };
}

const browser = await puppeteer.launch({
  executablePath: chrome,
  headless: true,
  defaultViewport: null,
  args: JSON.parse(flagsJson),
});
try {
  const page = await browser.newPage();
  const flow = await startFlow(page, {
    name: "Virtual tour on a phone",
    // The default config: its categories are CATEGORIES (a timespan has no accessibility or SEO).
    config: { extends: "lighthouse:default" },
  });
  await flow.navigate(url, { name: "page load" });
  await flow.startTimespan({ name: "open the tour" });
  const started = Date.now();
  await page.locator("[data-tour-open]").click();
  await page.waitForSelector(READY, { timeout: 180_000 });
  const readyMs = Date.now() - started;
  await flow.endTimespan();
  await flow.snapshot({ name: "viewer open" });
  const result = await flow.createFlowResult();
  writeFileSync(output, JSON.stringify(result));
  console.log("TOUR_FLOW " + JSON.stringify({ readyMs, steps: result.steps.map(summary) }));
} finally {
  await browser.close();
}
