// Drives Debian's Chromium through /explore as a user would and prints what it saw as
// JSON, for tests/e2e/test_explore_browser.py to judge:
//   node explore.mjs '{"base": "http://127.0.0.1:8000", "screenshot": "out.png",
//                      "search": "Kazakhstan", "expand": "<node id>",
//                      "filters": [{"country": "KAZ", "date_from": "2026-05-01"}]}'
// With "search" left out it only loads the page ("path", default /explore, may carry ?q= or
// ?node=): the empty-graph and link checks, and what the details panel and the drawing
// show of the node opened. With "layout" ({neighbours, chain}) it lays out
// a made-up graph with the page's own drawing code instead.
import { chromium } from "playwright-core";

const plan = JSON.parse(process.argv[2]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const seen = { console_errors: [], foreign_requests: [], failed_requests: [] };
const origin = new URL(plan.base).origin;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("console", (message) => { if (message.type() === "error") seen.console_errors.push(message.text()); });
  page.on("pageerror", (error) => seen.console_errors.push(String(error)));
  page.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) seen.foreign_requests.push(request.url());
  });
  page.on("requestfailed", (request) => seen.failed_requests.push(request.url()));
  page.on("response", (response) => { if (response.status() >= 500) seen.failed_requests.push(`${response.status()} ${response.url()}`); });

  await page.goto(`${plan.base}${plan.path ?? "/explore"}`);
  await page.waitForSelector("body[data-state]", { timeout: 15000 });
  seen.opened = await page.$$eval("#details h2[data-id]", (titles) => titles.map((t) => t.dataset.id));
  seen.location = page.url();
  seen.state = await page.getAttribute("body", "data-state");
  seen.notice = (await page.locator("#notice").isVisible()) ? await page.locator("#notice").innerText() : null;
  seen.search_disabled = await page.locator("#search-input").isDisabled();
  seen.details = await page.innerText("#details");
  seen.links = await page.$$eval("#links line", (lines) => lines.map((l) => l.dataset.type));
  const drawn = () => page.$$eval("#nodes .node", (nodes) => nodes.map((n) => ({ id: n.dataset.id, kind: n.dataset.kind })));

  if (plan.layout) {
    // The drawing on its own: a hub with many neighbours plus a chain, laid out on a fresh
    // SVG; report whether it settled, stayed finite, kept nodes apart and stayed in view.
    seen.layout = await page.evaluate(async ({ neighbours, chain }) => {
      const { GraphView } = await import("/explore/assets/graph-view.js");
      document.body.innerHTML = `<svg id="graph" style="width:900px;height:700px;display:block">
        <g id="viewport"><g id="links"></g><g id="nodes"></g></g></svg>`;
      const svg = document.querySelector("#graph");
      const view = new GraphView(svg, { onNodeClick: () => {} });
      const nodes = [{ id: "hub", kind: "Country", name: "Hub" }];
      const relationships = [];
      for (let i = 0; i < neighbours; i += 1) {
        nodes.push({ id: `n${i}`, kind: i % 2 ? "Event" : "Organization", name: `Node ${i}` });
        relationships.push({ type: "INVOLVES", source: `n${i}`, target: "hub" });
      }
      for (let i = 1; i < chain; i += 1) {
        relationships.push({ type: "PART_OF", source: `n${i}`, target: `n${i - 1}` });
      }
      view.merge({ nodes, relationships }, "hub");
      const started = performance.now();
      while (view.frame !== null && performance.now() - started < 20000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const placed = [...view.nodes.values()];
      let closest = Infinity;
      for (let i = 0; i < placed.length; i += 1) {
        for (let j = i + 1; j < placed.length; j += 1) {
          closest = Math.min(closest, Math.hypot(placed[i].x - placed[j].x, placed[i].y - placed[j].y));
        }
      }
      const box = svg.getBoundingClientRect();
      const outside = [...svg.querySelectorAll(".node circle")].filter((circle) => {
        const r = circle.getBoundingClientRect();
        return r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom;
      }).length;
      return {
        settled: view.frame === null, seconds: (performance.now() - started) / 1000,
        finite: placed.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y)),
        extent: Math.max(...placed.map((n) => Math.max(Math.abs(n.x), Math.abs(n.y)))),
        closest, outside, drawn: placed.length,
      };
    }, plan.layout);
  }

  if (plan.search) {
    await page.fill("#search-input", plan.search);
    await page.press("#search-input", "Enter");
    await page.waitForSelector("#details h2[data-id]", { timeout: 15000 });
    seen.hits = await page.$$eval("#results-list .item", (items) => items.map((i) => i.dataset.id));
    seen.details_title = await page.innerText("#details h2");
    seen.details_events = await page.$$eval("#details ol.items .item", (items) => items.map((i) => i.dataset.id));
    seen.after_search = await drawn();

    // Click a node: its neighbours join the drawing.
    await page.locator(`#nodes .node[data-id="${plan.expand}"]`).click();
    await page.waitForSelector(`#details h2[data-id="${plan.expand}"]`, { timeout: 15000 });
    seen.after_expand = await drawn();
    seen.expanded_details_title = await page.innerText("#details h2");
    seen.evidence = await page.$$eval("#details .evidence q", (items) => items.map((q) => q.textContent));

    // Each filter in turn (country, type, dates): the list shows the matching events.
    seen.filters = [];
    for (const filter of plan.filters ?? []) {
      await page.click("#filter-form button[type=reset]");
      await page.waitForFunction(() => document.querySelector("#results-title").textContent === "Results");
      if (filter.country) await page.selectOption("#filter-country", filter.country);
      if (filter.type) await page.selectOption("#filter-type", filter.type);
      if (filter.date_from) await page.fill("#filter-from", filter.date_from);
      if (filter.date_to) await page.fill("#filter-to", filter.date_to);
      await page.click("#filter-form button[type=submit]");
      await page.waitForFunction(() => document.querySelector("#results-title").textContent.startsWith("Events ("));
      seen.filters.push({
        title: await page.innerText("#results-title"),
        events: await page.$$eval("#results-list .item", (items) => items.map((i) => i.dataset.id)),
        faded: await page.$$eval("#nodes .node.faded", (nodes) => nodes.map((n) => n.dataset.id)),
      });
    }
    await page.waitForTimeout(1500); // let the layout settle for the picture
    await page.click("#fit");
  }
  await page.screenshot({ path: plan.screenshot });
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(seen));
