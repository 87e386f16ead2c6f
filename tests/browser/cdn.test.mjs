// The CDN path, in Chromium: the tarball scripts/pack made, extracted and
// served from a second origin (127.0.0.2) with a CDN's headers; a host page
// on the first origin (127.0.0.1) loads it with SRI and crossorigin, under a
// CSP that allows that origin and 'wasm-unsafe-eval' and nothing else.
//
//   node --test tests/browser/cdn.test.mjs   (AW_PACK, AW_DIST, AW_CHROMIUM)

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import { DIST, REPO, SEED_SLUG, requireFile } from '../js/helpers.mjs';
import { startServer } from '../../web/node/server.js';
import { LAUNCH, T } from './harness.mjs';

const CDN_HOST = '127.0.0.2';
const CDN_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'public, max-age=31536000, immutable',
};
// What the README tells site owners to add for a CDN origin.
const csp = (cdn) => [
  "default-src 'self'",
  `script-src 'self' ${cdn} 'wasm-unsafe-eval'`,
  `connect-src 'self' ${cdn}`,
  "style-src 'self'",
  "img-src 'self' data: https:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

const pkg = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8'));
const TARBALL = resolve(process.env.AW_PACK || join(REPO, 'build', 'pack', `${pkg.name}-${pkg.version}.tgz`));
const tmp = mkdtempSync(join(tmpdir(), 'aw-cdn-'));
const servers = [];
let browser;
let manifest;

before(async () => {
  requireFile(TARBALL, 'run scripts/pack (or set AW_PACK)');
  mkdirSync(join(tmp, 'package'));
  execFileSync('tar', ['-xzf', TARBALL, '-C', join(tmp, 'package'), '--strip-components=1']);
  manifest = JSON.parse(readFileSync(join(tmp, 'package', 'manifest.json'), 'utf8'));
  browser = await chromium.launch(LAUNCH);
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function serve(options) {
  const server = await startServer({ port: 0, ...options });
  servers.push(server);
  return server;
}

// Serves `packageDir` as the CDN and a host page that loads the widget from
// it; opens the page (`prepare(page)`: awaited first, for init scripts and
// routes). Returns { page, context, log }.
async function openFromCdn(packageDir, {
  wasmContentType = 'application/wasm', integrity, script = 'article-widget.min.js', policy = csp, prepare = null,
} = {}) {
  const cdn = await serve({ host: CDN_HOST, dist: packageDir, wasmContentType, fileHeaders: CDN_HEADERS });
  const origin = cdn.url.replace(/\/$/, '');
  const root = mkdtempSync(join(tmp, 'host-'));
  mkdirSync(join(root, 'web'));
  writeFileSync(join(root, 'web', 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host page</title><link rel="icon" href="data:,">
<script ${script.endsWith('.mjs') ? 'type="module"' : 'defer'} src="${origin}/dist/${script}"
  integrity="${integrity ?? manifest.files[script].integrity}" crossorigin="anonymous"></script>
</head><body><h1>Host</h1>
<article-widget><p class="widget-fallback">Read the article on our site</p></article-widget>
<p id="after-widget">The host page goes on.</p></body></html>
`);
  const host = await serve({ host: '127.0.0.1', root, csp: policy(origin) });

  const context = await browser.newContext();
  const page = await context.newPage();
  const log = { errors: [], pageErrors: [], wasm: [] };
  page.on('console', (m) => m.type() === 'error' && log.errors.push(m.text()));
  page.on('pageerror', (e) => log.pageErrors.push(e.message));
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.endsWith('.wasm')) log.wasm.push({ url: r.url(), status: r.status(), headers: r.headers() });
  });
  await page.addInitScript(() => {
    window.__aw = [];
    for (const type of ['article-widget:ready', 'article-widget:error']) {
      document.addEventListener(type, (e) => window.__aw.push({ type, detail: e.detail }));
    }
  });
  if (prepare) await prepare(page);
  await page.goto(host.url);
  return { page, context, log, origin };
}

// What a page served over plain http from a host other than localhost
// lacks: Web Crypto (crypto.subtle exists in secure contexts only).
const withoutWebCrypto = (page) => page.addInitScript(() => {
  Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined });
});

const slugShown = (page) =>
  page.evaluate(() => document.querySelector('article-widget').shadowRoot?.querySelector('.aw-article')?.dataset.awSlug ?? null);

test('the packed widget loads from another origin with SRI and renders', T, async () => {
  const { page, context, log, origin } = await openFromCdn(join(tmp, 'package'));
  await page.waitForFunction(() => window.__aw.length > 0);
  assert.deepEqual(await page.evaluate(() => window.__aw), [{ type: 'article-widget:ready', detail: { slug: SEED_SLUG } }]);
  assert.equal(await slugShown(page), SEED_SLUG);
  assert.equal(await page.evaluate(() => window.ArticleWidget.version), pkg.version);
  assert.equal(await page.locator('article-widget .widget-fallback').isVisible(), false);

  assert.equal(log.wasm.length, 1);
  const [wasm] = log.wasm;
  assert.equal(wasm.url, `${origin}/dist/article-widget.wasm?v=${manifest.wasmHash}`);
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal(wasm.headers['access-control-allow-origin'], '*');
  assert.equal(wasm.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a .wasm sent with the wrong MIME type still renders (arrayBuffer path)', T, async () => {
  const { page, context, log } = await openFromCdn(join(tmp, 'package'), { wasmContentType: 'application/octet-stream' });
  await page.waitForFunction(() => window.__aw.length > 0);
  assert.deepEqual((await page.evaluate(() => window.__aw)).map((e) => e.type), ['article-widget:ready']);
  assert.equal(await slugShown(page), SEED_SLUG);
  assert.equal(log.wasm[0].headers['content-type'], 'application/octet-stream');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

// Puts `data` where a copy of the package has `name`. Its precompressed
// copies (.br, .gz) go, as they would on a server whose file was swapped:
// the test server sends a copy the request accepts before the file itself.
function replaceFile(dir, name, data) {
  writeFileSync(join(dir, name), data);
  for (const suffix of ['.br', '.gz']) rmSync(join(dir, name + suffix), { force: true });
}

// A copy of the package whose .wasm has one byte flipped (made once).
function corruptPackage() {
  const corrupt = join(tmp, 'corrupt');
  if (existsSync(corrupt)) return corrupt;
  cpSync(join(tmp, 'package'), corrupt, { recursive: true });
  const bytes = readFileSync(join(corrupt, 'article-widget.wasm'));
  bytes[bytes.length >> 1] ^= 0x01;
  replaceFile(corrupt, 'article-widget.wasm', bytes);
  return corrupt;
}

test('one corrupted byte in the .wasm: article-widget:error with code "integrity", the fallback stays', T, async () => {
  const { page, context, log } = await openFromCdn(corruptPackage());
  await page.waitForFunction(() => window.__aw.length > 0);
  const events = await page.evaluate(() => window.__aw);
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'article-widget:error');
  assert.equal(events[0].detail.code, 'integrity');
  assert.match(events[0].detail.message, /article-widget\.wasm\?v=[0-9a-f]{16} is not the module this script was built with/);
  assert.equal(await slugShown(page), null, 'nothing rendered');
  assert.ok(await page.locator('article-widget .widget-fallback').isVisible(), 'the readable fallback is showing');
  assert.ok(await page.locator('#after-widget').isVisible());
  assert.equal(await page.evaluate(() => window.ArticleWidget.ready.then(() => 'resolved', (e) => e.code)), 'integrity');
  assert.deepEqual(log.pageErrors, []);
  // The widget checks the bytes itself (Web Crypto): its report is the one
  // console error, and the browser blocked nothing.
  assert.equal(log.errors.length, 1, log.errors.join('\n'));
  assert.match(log.errors[0], /^\[article-widget\] .*article-widget\.wasm\?v=[0-9a-f]{16} is not the module this script was built with \(integrity mismatch\)/);
  await context.close();
});

test('a .wasm missing from the CDN: one request, fetch-failed with its 404, and nothing blames integrity', T, async () => {
  // A CDN's 404, with its CORS headers (as jsDelivr and unpkg send them on errors too).
  const notFound = (page) => page.route(/\/dist\/article-widget\.wasm\?/,
    (r) => r.fulfill({ status: 404, headers: CDN_HEADERS, contentType: 'text/plain', body: 'Not found\n' }));
  const { page, context, log } = await openFromCdn(join(tmp, 'package'), { prepare: notFound });
  await page.waitForFunction(() => window.__aw.length > 0);
  const [event] = await page.evaluate(() => window.__aw);
  assert.equal(event.detail.code, 'fetch-failed');
  assert.match(event.detail.message, /article-widget\.wasm\?v=[0-9a-f]{16}: HTTP 404$/);
  assert.equal(log.wasm.length, 1, 'asked once: nothing to diagnose');
  assert.deepEqual(log.errors.filter((e) => /integrity/i.test(e)), [], 'no integrity report');
  // Chromium's line for the 404, and the widget's, which says where it looked.
  const ours = log.errors.filter((e) => !/Failed to load resource.*404/.test(e));
  assert.equal(ours.length, 1, log.errors.join('\n'));
  assert.match(ours[0], /^\[article-widget\] could not fetch .*HTTP 404\nThe renderer was looked for at /);
  await context.close();
});

test('without Web Crypto (plain http, not localhost), fetch(url, { integrity }) checks the bytes: renders; a flipped byte is integrity', T, async () => {
  let { page, context, log } = await openFromCdn(join(tmp, 'package'), { prepare: withoutWebCrypto });
  await page.waitForFunction(() => window.__aw.length > 0);
  assert.equal(await page.evaluate(() => typeof crypto.subtle), 'undefined', 'no Web Crypto in this page');
  assert.deepEqual((await page.evaluate(() => window.__aw)).map((e) => e.type), ['article-widget:ready']);
  assert.deepEqual(log.errors, []);
  await context.close();

  ({ page, context, log } = await openFromCdn(corruptPackage(), { prepare: withoutWebCrypto }));
  await page.waitForFunction(() => window.__aw.length > 0);
  const [event] = await page.evaluate(() => window.__aw);
  assert.equal(event.detail.code, 'integrity');
  assert.match(event.detail.message, /is not the module this script was built with/);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a script whose SRI does not match is not run at all (the host keeps its fallback)', T, async () => {
  const wrong = `sha384-${Buffer.alloc(48).toString('base64')}`;
  const { page, context, log } = await openFromCdn(join(tmp, 'package'), { integrity: wrong });
  await page.waitForLoadState('load');
  assert.equal(await page.evaluate(() => typeof window.ArticleWidget), 'undefined');
  assert.ok(await page.locator('article-widget .widget-fallback').isVisible());
  assert.equal(log.wasm.length, 0, 'the module is never fetched');
  assert.ok(log.errors.some((e) => /integrity/i.test(e)), log.errors.join('\n'));
  await context.close();
});

test('the single-file build renders without fetching any .wasm', T, async () => {
  const { page, context, log } = await openFromCdn(join(tmp, 'package'), { script: 'article-widget.inline.min.js' });
  await page.waitForFunction(() => window.__aw.length > 0);
  assert.deepEqual((await page.evaluate(() => window.__aw)).map((e) => e.type), ['article-widget:ready']);
  assert.equal(await slugShown(page), SEED_SLUG);
  assert.equal(log.wasm.length, 0);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a page whose CSP lacks 'wasm-unsafe-eval': code csp-blocked, the fallback stays", T, async () => {
  const strict = (cdn) => csp(cdn).replace(" 'wasm-unsafe-eval'", '');
  const { page, context, log } = await openFromCdn(join(tmp, 'package'), { policy: strict });
  await page.waitForFunction(() => window.__aw.length > 0);
  const [event] = await page.evaluate(() => window.__aw);
  assert.equal(event.type, 'article-widget:error');
  assert.equal(event.detail.code, 'csp-blocked');
  assert.match(event.detail.message, /wasm-unsafe-eval/);
  assert.ok(await page.locator('article-widget .widget-fallback').isVisible());
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('the ES module from the CDN, with SRI, renders the same way', T, async () => {
  const { page, context, log, origin } = await openFromCdn(join(tmp, 'package'), { script: 'article-widget.min.mjs' });
  await page.waitForFunction(() => window.__aw.length > 0);
  assert.deepEqual((await page.evaluate(() => window.__aw)).map((e) => e.type), ['article-widget:ready']);
  assert.equal(await slugShown(page), SEED_SLUG);
  assert.deepEqual(log.wasm.map((w) => w.url), [`${origin}/dist/article-widget.wasm?v=${manifest.wasmHash}`]);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an HTML page where the .wasm should be: code wasm-mime, the fallback stays', T, async () => {
  const spa = join(tmp, 'spa');
  cpSync(join(tmp, 'package'), spa, { recursive: true });
  replaceFile(spa, 'article-widget.wasm', '<!doctype html><title>Home</title><p>Every path is the home page.</p>\n');
  const { page, context, log } = await openFromCdn(spa, { wasmContentType: 'text/html; charset=utf-8' });
  await page.waitForFunction(() => window.__aw.length > 0);
  const [event] = await page.evaluate(() => window.__aw);
  assert.equal(event.type, 'article-widget:error');
  assert.equal(event.detail.code, 'wasm-mime');
  assert.match(event.detail.message, /is served as "text\/html; charset=utf-8" and is not WebAssembly/);
  assert.ok(await page.locator('article-widget .widget-fallback').isVisible());
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
