// Paint timing in real browsers, shared by the benchmarks that load pages:
// a local server of generated pages and files, one driver per engine
// (Debian's Chromium through playwright-core, Firefox ESR through
// puppeteer-core with the launch of tests/browser/engines.mjs), every load
// in a fresh browser context (empty HTTP cache, no compiled-wasm cache),
// the pages alternating round by round so that a slower minute of a shared
// machine hits every page alike, and medians.
//
// A page says when it has painted what is measured by calling
// window.__mark() (PAINT_HEAD defines it): a requestAnimationFrame callback
// then a task, so the frame that shows it has been produced; the mark is
// then sent to the server, and the driver touches the page only after it
// (an evaluation polling the page would run on its main thread). The
// server runs in a worker thread, clear of the drivers' traffic. Each load
// gives, in milliseconds:
//   painted  from the page's first script (PAINT_HEAD) to the end of that
//            frame: the page's own mark
//   fcp      from the navigation's start to the first contentful paint
//   lcp      from the navigation's start to the last largest-contentful-
//            paint candidate reported by then (undefined where the engine
//            reports none)
// A paint entry may come before what the page waits for: Firefox paints
// the content of a declarative shadow root before the stylesheet it links
// has loaded, unstyled; the mark waits for what the page says.
//
//   import { serve, measure, PAINT_HEAD } from './paint.mjs';
//   const server = await serve({ roots: { '/dist/': dist }, pages: { 'a.html': html } });
//   const result = await measure({ base: server.base, pages: ['a.html'], runs: 15 });
//   server.close();

import { Worker } from 'node:worker_threads';

export const CHROMIUM_LAUNCH = {
  executablePath: process.env.AW_CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
  ],
};

// The first thing in a measured page's <head>: the mark, and the largest
// contentful paint candidates as the engine reports them.
export const PAINT_HEAD = `<script>window.__t0 = performance.now();
window.__lcp = [];
try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push(e.startTime); })
  .observe({ type: 'largest-contentful-paint', buffered: true }); } catch {}
window.__mark = () => requestAnimationFrame(() => setTimeout(() => {
  window.__painted = performance.now();
  fetch('/__painted' + location.search, { method: 'POST' });
}));</script>`;

// A page's mark reaches the driver as a request to its server
// (/__painted?load=ID), not by polling the page: a driver's evaluation
// runs script on the page's main thread (a Chromium trace showed
// Playwright's injected script there), which can delay the frame measured.
const paintWaiters = new Map();
let loads = 0;

// Serves `pages` (name -> HTML string) under /page/, `files` (path ->
// text) at their paths and the files of each root folder under its
// prefix, from a worker thread (page-server.mjs). Pages and the root
// folders' files are not cached; `files` are cacheable for good, as a
// versioned asset of a package is (a preload can then serve the request
// that follows it). Returns { base, close() }: base is the URL of /page/.
export function serve({ roots = {}, pages = {}, files = {} }) {
  const worker = new Worker(new URL('./page-server.mjs', import.meta.url), { workerData: { roots, pages, files } });
  return new Promise((ok, fail) => {
    worker.once('error', fail);
    worker.on('message', (message) => {
      if (message.painted) paintWaiters.get(message.painted)?.();
      if (message.port) {
        ok({ base: `http://127.0.0.1:${message.port}/page/`, close: () => worker.terminate() });
      }
    });
  });
}

// Loads `url` with `goto(url)` and resolves once its mark has arrived.
async function loadUntilMarked(goto, url, timeout) {
  const id = String(++loads);
  let timer;
  const marked = new Promise((resolve, reject) => {
    paintWaiters.set(id, resolve);
    timer = setTimeout(() => reject(new Error(`${url}: no paint mark within ${timeout} ms`)), timeout);
  });
  marked.catch(() => {}); // awaited below, after the navigation
  try {
    await goto(`${url}?load=${id}`);
    await marked;
  } finally {
    clearTimeout(timer);
    paintWaiters.delete(id);
  }
}

// What a page reports once marked (runs in the page), after a moment for
// the frame's paint entries to be delivered (they come when the frame has
// been presented, after the mark).
async function readMarks() {
  await new Promise((resolve) => setTimeout(resolve, 100));
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const lcp = window.__lcp;
  return {
    painted: window.__painted - window.__t0,
    fcp: fcp ? fcp.startTime : undefined,
    lcp: lcp.length ? lcp.at(-1) : undefined,
  };
}

// One engine's driver: open(url, { viewport, timeout, probe }) -> the
// marks, and what `probe` (a self-contained function run in the page after
// them) returns, close().
async function chromiumDriver() {
  // The root package's playwright-core, loaded only when a benchmark runs.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  return {
    async open(url, { viewport, timeout, probe }) {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        await loadUntilMarked((u) => page.goto(u, { timeout }), url, timeout);
        const marks = await page.evaluate(readMarks);
        return probe ? { ...marks, ...await page.evaluate(probe) } : marks;
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}

async function firefoxDriver() {
  const { default: puppeteer } = await import('puppeteer-core');
  const { FIREFOX_LAUNCH } = await import('../browser/engines.mjs');
  const browser = await puppeteer.launch(FIREFOX_LAUNCH);
  return {
    async open(url, { viewport, timeout, probe }) {
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        await page.setViewport(viewport);
        await loadUntilMarked((u) => page.goto(u, { timeout }), url, timeout);
        const marks = await page.evaluate(readMarks);
        return probe ? { ...marks, ...await page.evaluate(probe) } : marks;
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}

export const ENGINES = { Chromium: chromiumDriver, Firefox: firefoxDriver };

// Wanted engines from AW_ENGINES ("chromium", "firefox" or both, comma
// separated; default both), as the browser tests read it.
export function enginesFromEnv(env = process.env) {
  const wanted = (env.AW_ENGINES || 'chromium,firefox').split(',').map((s) => s.trim().toLowerCase());
  return Object.keys(ENGINES).filter((name) => wanted.includes(name.toLowerCase()));
}

// { median, min, max, n, values }: `values` in the order measured (one per
// round, so that pages can be compared round by round).
export function stats(xs) {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s.at(-1), n: s.length, values: xs };
}

// The median over rounds of a / b, each round's pages compared with each
// other: the load of a shared machine moves both of a round alike.
export function medianRatio(a, b) {
  const ratios = a.values.map((x, i) => x / b.values[i]).filter(Number.isFinite).sort((x, y) => x - y);
  return ratios[Math.floor(ratios.length / 2)];
}

// Loads every page of `pages` once per round, `runs` rounds after one
// round that warms the browser itself (not counted), in each engine;
// `probe` (optional) measures more in each page once it is marked, and
// returns { metric: ms }.
// Returns { runs, engines: { Chromium: { pages: { name: { painted, fcp, lcp, ... } } } } }
// with stats() of each metric, or { error } for an engine that could not
// start or load a page (the other engines go on). `onLoad(engine, name,
// marks)` sees every counted load (progress).
export async function measure({
  base, pages, runs, engines = enginesFromEnv(), viewport = { width: 1280, height: 800 }, timeout = 30_000,
  warm = 1, probe, onLoad = () => {},
}) {
  const result = {};
  for (const engine of engines) {
    let driver;
    try {
      driver = await ENGINES[engine]();
    } catch (err) {
      result[engine] = { error: err.message.split('\n')[0] };
      continue;
    }
    const loads = Object.fromEntries(pages.map((name) => [name, []]));
    try {
      for (let round = 0; round < runs + warm; round++) {
        for (const name of pages) {
          const marks = await driver.open(base + name, { viewport, timeout, probe });
          if (round < warm) continue;
          loads[name].push(marks);
          onLoad(engine, name, marks);
        }
      }
      result[engine] = {
        pages: Object.fromEntries(pages.map((name) => [name, Object.fromEntries(
          Object.keys(loads[name][0] ?? {}).map((metric) => [metric, stats(loads[name].map((m) => m[metric]))]),
        )])),
      };
    } catch (err) {
      result[engine] = { error: err.message.split('\n')[0] };
    } finally {
      await driver.close();
    }
  }
  return { runs, engines: result };
}
