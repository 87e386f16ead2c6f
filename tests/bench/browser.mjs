// The bench's browser part: the seed article painted three ways on the
// same local server, in Chromium (playwright-core) and Firefox ESR
// (puppeteer-core, the launch of tests/browser/engines.mjs), each page
// load in a fresh browser context (empty HTTP cache, no compiled-wasm
// cache):
//   widget         our dist/article-widget.min.js (else .js) + <article-widget view="article">
//   static HTML    the same article's HTML (our renderer's) in the page
//   markdown-wasm  its browser build rendering the same Markdown into the page
// Each page notes performance.now() in a first inline script ("script
// start") and again after the frame that shows the article (a
// requestAnimationFrame callback, then a task: the frame has been produced).
// The figure is the difference, in milliseconds.

import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';

const LAUNCH = {
  executablePath: process.env.AW_CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
  ],
};
const SLUG = 'china-offers-military-aid-to-mali';
const TYPES = { '.map': 'application/json', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8' };

const HEAD = `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title>
<script>window.__t0 = performance.now();
window.__mark = () => requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now() - window.__t0; }));</script>
<body><main>`;

function pages(staticHtml, markdown, script) {
  return {
    'widget.html': `${HEAD}
<script>document.addEventListener('article-widget:ready', () => window.__mark());</script>
<script src="/dist/${script}"></script>
<article-widget article="${SLUG}" view="article"></article-widget></main>`,
    'static.html': `${HEAD}
<article>${staticHtml}</article>
<script>window.__mark();</script></main>`,
    'markdown-wasm.html': `${HEAD}
<article id="out"></article>
<script src="/mw/markdown.js"></script>
<script>markdown.ready.then(() => {
  document.getElementById('out').innerHTML = markdown.parse(${JSON.stringify(markdown).replace(/</g, '\\u003c')});
  window.__mark();
});</script></main>`,
  };
}

function serve(roots, generated) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let body = null;
    if (path.startsWith('/page/')) {
      body = generated[path.slice(6)] ?? null;
    } else {
      for (const [prefix, dir] of Object.entries(roots)) {
        if (!path.startsWith(prefix)) continue;
        const file = normalize(join(dir, path.slice(prefix.length)));
        if (!file.startsWith(dir)) break;
        try { body = readFileSync(file); } catch { body = null; }
      }
    }
    if (body === null) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// One engine's driver: open(url) -> ms (script start -> painted), close().
async function chromiumDriver() {
  // The root package's playwright-core, loaded only when this part runs.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch(LAUNCH);
  return {
    async open(url) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 10_000 });
      const ms = await page.evaluate(() => window.__painted);
      await context.close();
      return ms;
    },
    close: () => browser.close(),
  };
}

async function firefoxDriver() {
  const { default: puppeteer } = await import('puppeteer-core');
  const { FIREFOX_LAUNCH } = await import('../browser/engines.mjs');
  const browser = await puppeteer.launch(FIREFOX_LAUNCH);
  return {
    async open(url) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => window.__painted !== undefined, { timeout: 10_000 });
      const ms = await page.evaluate(() => window.__painted);
      await context.close();
      return ms;
    },
    close: () => browser.close(),
  };
}

export const ENGINES = { Chromium: chromiumDriver, Firefox: firefoxDriver };

// { runs, engines: { Chromium: { pages: { label: stats } }, Firefox: ... } }.
// An engine that cannot start is left out with its error (the others go on).
export async function paintTimes({ dist, modules, article, runs }) {
  const { ready, renderView } = await import(pathToFileURL(join(dist, 'article-widget.node.mjs')).href);
  await ready;
  // The minified script when the build has one (what a CDN page loads).
  const script = existsSync(join(dist, 'article-widget.min.js')) ? 'article-widget.min.js' : 'article-widget.js';
  const generated = pages(renderView(SLUG, 'article'), article, script);
  const server = await serve({ '/dist/': dist, '/mw/': join(modules, 'markdown-wasm', 'dist') }, generated);
  const base = `http://127.0.0.1:${server.address().port}/page/`;
  const labels = { 'widget.html': 'article-widget (script + wasm)', 'static.html': 'static HTML', 'markdown-wasm.html': 'markdown-wasm 1.2.0' };
  const stats = (xs) => { const s = [...xs].sort((a, b) => a - b); return { median: s[Math.floor(s.length / 2)], min: s[0], max: s.at(-1) }; };
  const engines = {};
  try {
    for (const [engine, start] of Object.entries(ENGINES)) {
      let driver;
      try {
        driver = await start();
      } catch (err) {
        engines[engine] = { error: err.message.split('\n')[0] };
        continue;
      }
      const times = Object.fromEntries(Object.keys(labels).map((k) => [k, []]));
      try {
        for (let i = 0; i < runs + 1; i++) {
          for (const name of Object.keys(labels)) {
            const ms = await driver.open(base + name);
            if (i > 0) times[name].push(ms); // the first round warms the browser itself
          }
        }
      } finally {
        await driver.close();
      }
      engines[engine] = { pages: Object.fromEntries(Object.entries(labels).map(([k, label]) => [label, stats(times[k])])) };
    }
  } finally {
    server.close();
  }
  return { runs, engines };
}
