// What a site owner needs to trust the widget on their page, in Chromium:
// no request beyond the script and the .wasm, no cookies or storage,
// axe-core with zero violations, no layout shift, and the server-rendered
// fallback replaced by identical markup. The strict CSP with Trusted Types
// (and the policies that must give csp-blocked) runs in every engine:
// engines.test.mjs.
//
//   node --test tests/browser/trust.test.mjs   (AW_DIST, AW_CLI, AW_CHROMIUM)

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';

import { CLI, REPO, SEED_SLUG, readTrending, requireFile } from '../js/helpers.mjs';
import {
  STRICT_CSP, T, assertClean, open, state, useBrowser, waitForArticle,
} from './harness.mjs';

useBrowser();

const INDEX = readFileSync(join(REPO, 'web', 'index.html'), 'utf8');
const OTHER = readTrending().find((s) => s !== SEED_SLUG);

// Runs in the page first: records every attempt to write a cookie or any
// browser storage (a write that fails or is cleared later still counts).
function recordStorage() {
  window.__awStorage = [];
  const note = (what) => window.__awStorage.push(what);
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(document, 'cookie', {
    get: () => cookie.get.call(document),
    set: (v) => {
      note('cookie');
      cookie.set.call(document, v);
    },
  });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (...args) {
    note('storage');
    return setItem.apply(this, args);
  };
  const idbOpen = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    note('indexedDB');
    return idbOpen.apply(this, args);
  };
  if (self.CacheStorage) {
    const cacheOpen = CacheStorage.prototype.open;
    CacheStorage.prototype.open = function (...args) {
      note('caches');
      return cacheOpen.apply(this, args);
    };
  }
}

test('no cookies, no storage, no request but the script, the .wasm and the edition', T, async () => {
  const context = await state.browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url())));
  await page.route(new URL('/strict.html', state.server.url).href,
    (r) => r.fulfill({ status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': STRICT_CSP }, body: INDEX }));
  await page.addInitScript(recordStorage);
  await page.goto(new URL('/strict.html', state.server.url).href);
  await waitForArticle(page, SEED_SLUG);
  await page.locator(`main > article-widget .aw-trending-link[data-aw-slug="${OTHER}"]`).click();
  await waitForArticle(page, OTHER);
  await page.locator('main > article-widget .aw-back-to-top').click();
  await page.waitForTimeout(300);

  const page1 = ['/strict.html', '/demo.css', '/favicon.svg', '/playground.js']; // the host page's own
  const widget = requests.map((u) => u.pathname + (u.pathname.endsWith('.wasm') ? u.search.replace(/[0-9a-f]{16}/, 'HASH') : ''))
    .filter((p) => !page1.includes(p));
  // (a trending link: the article is in the edition, nothing more to fetch)
  assert.deepEqual(widget.sort(), ['/dist/article-widget.awe', '/dist/article-widget.js', '/dist/article-widget.wasm?v=HASH']);
  assert.ok(requests.every((u) => u.origin === new URL(state.server.url).origin), 'nothing leaves the origin');
  assert.deepEqual(await context.cookies(), []);
  const stored = await page.evaluate(async () => ({
    attempts: window.__awStorage,
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).length,
    caches: self.caches ? (await caches.keys()).length : 0,
  }));
  assert.deepEqual(stored, { attempts: [], local: 0, session: 0, idb: 0, caches: 0 });
  await context.close();
});

// axe-core is injected with addScriptTag({ content }), an inline script the
// page's CSP (script-src 'self') rightly refuses; so these contexts bypass
// CSP. Only axe needs it: the widget's own CSP behaviour is the tests above.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
}

for (const [label, options, setup] of [
  ['light', { colorScheme: 'light' }],
  ['dark (prefers-color-scheme)', { colorScheme: 'dark' }],
  ['theme="dark" on a light page', { colorScheme: 'light' }, (el) => el.setAttribute('theme', 'dark')],
  ['narrow (320px)', { colorScheme: 'light', viewport: { width: 320, height: 640 } }],
]) {
  test(`axe-core: zero violations on the test page, ${label}`, T, async () => {
    const { page, context, log } = await open('/', { ...options, context: { bypassCSP: true } });
    await waitForArticle(page, SEED_SLUG);
    if (setup) await page.locator('main > article-widget').evaluate(setup);
    // The same checks on the widget's focus state: a title focused by
    // navigation must not break anything either.
    await page.locator(`main > article-widget .aw-trending-link[data-aw-slug="${OTHER}"]`).click();
    await waitForArticle(page, OTHER);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, []);
    assertClean(log);
    await context.close();
  });
}

// Sum of layout-shift entries without recent input, as CLS counts them
// (one session window is enough for a page this short-lived).
async function cumulativeLayoutShift(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(total), 1000);
  }));
}

test('no layout shift beyond 0.05 CLS on the test page, even with a slow .wasm', T, async (t) => {
  for (const delay of [0, 1500]) {
    const context = await state.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    if (delay) {
      await page.route(/\/dist\/article-widget\.wasm/, async (r) => {
        await new Promise((res) => setTimeout(res, delay));
        await r.continue();
      });
    }
    await page.goto(state.server.url);
    await waitForArticle(page, SEED_SLUG);
    const cls = await cumulativeLayoutShift(page);
    t.diagnostic(`CLS with the .wasm delayed ${delay} ms: ${cls.toFixed(4)}`);
    assert.ok(cls <= 0.05, `CLS ${cls} (wasm delayed ${delay} ms)`);
    await context.close();
  }
});

test('a server-rendered fallback (aw-render) is replaced by identical markup', T, async () => {
  requireFile(CLI, 'build the native CLI (scripts/build) or set AW_CLI');
  const ssr = execFileSync(CLI, ['--slug', SEED_SLUG, '--view', 'full', '--heading-level', '3'], { encoding: 'utf8' });
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSR</title>
<link rel="stylesheet" href="demo.css"><script src="dist/article-widget.js" defer></script></head>
<body><main><h1>Server-rendered</h1><article-widget heading-level="3">${ssr}</article-widget></main></body></html>`;

  // Without the script, the fallback is the article itself, readable.
  const noScript = await open('/__ssr.html', { routes: { '/__ssr.html': body } });
  await noScript.page.route(/article-widget\.js/, (r) => r.abort());
  await noScript.page.reload();
  assert.equal(await noScript.page.locator('main > article-widget h3.aw-title').textContent(),
    'China Offers Military Aid To Mali In Fight Against Islamists Rebels');
  assert.ok(await noScript.page.locator('main > article-widget .aw-body p').first().isVisible());
  await noScript.context.close();

  const { page, context, log } = await open('/__ssr.html', { routes: { '/__ssr.html': body } });
  await waitForArticle(page, SEED_SLUG);
  const r = await page.evaluate(() => {
    const host = document.querySelector('article-widget');
    return {
      light: host.innerHTML,
      shadow: host.shadowRoot.querySelector('.aw-container').innerHTML,
      slotted: !!host.shadowRoot.querySelector('slot'),
    };
  });
  assert.ok(r.light.length > 1000);
  assert.equal(r.shadow, r.light, 'the widget renders exactly what the server printed');
  assert.equal(r.slotted, false, 'the light-DOM copy is no longer shown');
  assertClean(log);
  await context.close();
});
