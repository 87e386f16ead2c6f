// One scenario, every supported engine: Chromium through playwright-core
// (the launch of harness.mjs) and Debian's Firefox ESR through puppeteer-core
// over WebDriver BiDi. Each engine gives the same small page object, so a
// test is written once:
//
//   import { ENGINES, useEngine } from './engines.mjs';
//   for (const engine of ENGINES) {
//     describe(engine.name, () => {
//       const browser = useEngine(engine);     // one browser and one test server per engine
//       test('...', T, async () => {
//         const page = await browser.open('/'); // a fresh context (cookies, storage) per page
//         ...
//         await page.close();
//       });
//     });
//   }
//
// The page object: evaluate(fn, arg), waitForFunction(fn, arg), click(path),
// hover(path), focus(path), press(key), type(text), back(), forward(),
// screenshot(file), close(), and logs() -> { errors, warnings, pageErrors,
// requests, wasm }.
// A path is a list of CSS selectors, each one looked up inside the shadow
// root (or else the children) of the element the previous one found:
// ['main > article-widget', '.aw-trending-link'].
//
// AW_ENGINES=chromium (or firefox) runs one engine; AW_CHROMIUM and
// AW_FIREFOX name the executables.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';

import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';

import { DIST, REPO, requireFile } from '../js/helpers.mjs';
import { DEFAULT_CSP, startServer } from '../../web/node/server.js';
import { LAUNCH, recordEvents } from './harness.mjs';

export const FIREFOX_PATH = process.env.AW_FIREFOX || '/usr/bin/firefox-esr';

// puppeteer-core writes a fresh profile per launch with its own test prefs
// (no updates, telemetry, safe browsing, first-run pages) and Firefox adds
// the Remote Agent's recommended ones; these close what is left, which on a
// machine without a network are DNS lookups retried in the background.
export const FIREFOX_LAUNCH = {
  browser: 'firefox',
  executablePath: FIREFOX_PATH,
  headless: true,
  timeout: 120_000, // the first start builds the profile; slow on a loaded machine
  extraPrefsFirefox: {
    // The test pages link to example.com: no DNS prefetch for links.
    'network.dns.disablePrefetch': true,
    // Remote Settings (blocklists, certificate data, experiments): a data:
    // URL fails at once instead of looking up Mozilla's server again and
    // again. (Nimbus still says on stderr that it could not sync.)
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
  },
  // Release builds ignore services.settings.server unless this is set.
  env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
};

// Runs in the page before any of its scripts (with recordEvents): uncaught
// exceptions and unhandled rejections, seen the same way in every engine.
function recordPageErrors() {
  window.__awPageErrors = [];
  window.addEventListener('error', (e) => window.__awPageErrors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => {
    window.__awPageErrors.push(`unhandled rejection: ${e.reason && e.reason.message ? e.reason.message : e.reason}`);
  });
}

// In the page: finds the element at the end of `path` (see the top of this
// file), then focuses it, or scrolls it into view and returns its centre.
// One self-contained function: evaluate sends its source text.
function actOn({ path, action }) {
  let node = document;
  for (const selector of path) {
    node = (node === document ? document : node.shadowRoot || node).querySelector(selector);
    if (!node) throw new Error(`no element at ${JSON.stringify(path)}`);
  }
  if (action === 'focus') {
    node.focus();
    return null;
  }
  node.scrollIntoView({ block: 'center', inline: 'center' });
  const r = node.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

// What both engines share once their driver objects are wrapped: `driver`
// is { page, evaluate, waitForFunction, close }, `log` is filled by events.
function pageObject(driver, log) {
  return {
    evaluate: driver.evaluate,
    waitForFunction: driver.waitForFunction,
    async click(path) {
      const { x, y } = await driver.evaluate(actOn, { path, action: 'centre' });
      await driver.page.mouse.click(x, y);
    },
    async hover(path) {
      const { x, y } = await driver.evaluate(actOn, { path, action: 'centre' });
      await driver.page.mouse.move(x, y);
    },
    focus: (path) => driver.evaluate(actOn, { path, action: 'focus' }),
    press: (key) => driver.page.keyboard.press(key),
    type: (text) => driver.page.keyboard.type(text),
    // The session history, as the back and forward buttons walk it.
    back: () => driver.evaluate(() => history.back()),
    forward: () => driver.evaluate(() => history.forward()),
    screenshot: (path) => driver.page.screenshot({ path, fullPage: true }),
    async logs() {
      const pageErrors = await driver.evaluate(() => window.__awPageErrors || []);
      return { ...log, pageErrors };
    },
    close: driver.close,
  };
}

// Same-origin extra responses: path -> HTML, or { body, contentType, csp,
// delay } (delay: ms the response is held back, as a slow server would).
function routeTable(routes, base) {
  const table = new Map();
  for (const [route, value] of Object.entries(routes)) {
    const { body, contentType = 'text/html; charset=utf-8', csp = DEFAULT_CSP, delay = 0 } = typeof value === 'string' ? { body: value } : value;
    table.set(new URL(route, base).href, { body, contentType, headers: csp ? { 'Content-Security-Policy': csp } : {}, delay });
  }
  return table;
}

// A route's response after its delay.
async function held({ delay, ...response }) {
  if (delay) await new Promise((res) => setTimeout(res, delay));
  return { status: 200, ...response };
}

function newLog() {
  return { errors: [], warnings: [], requests: [], wasm: [] };
}

function noteRequest(log, url) {
  if (url.startsWith('data:')) return;
  log.requests.push(url);
  if (new URL(url).pathname.endsWith('.wasm')) log.wasm.push(url);
}

const chromiumEngine = {
  name: 'chromium',
  executable: LAUNCH.executablePath,
  async launch() {
    const browser = await chromium.launch(LAUNCH);
    return {
      async open(url, { viewport, routes, init, waitUntil }) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        const log = newLog();
        page.on('console', (m) => {
          if (m.type() === 'error') log.errors.push(m.text());
          if (m.type() === 'warning') log.warnings.push(m.text());
        });
        page.on('pageerror', (e) => log.errors.push(e.message));
        page.on('request', (r) => noteRequest(log, r.url()));
        for (const [href, response] of routes) await page.route(href, async (r) => r.fulfill(await held(response)));
        for (const script of [recordEvents, recordPageErrors, ...init]) await page.addInitScript(script);
        await page.goto(url, { waitUntil });
        return pageObject({
          page,
          evaluate: (fn, arg) => page.evaluate(fn, arg),
          waitForFunction: (fn, arg, options) => page.waitForFunction(fn, arg, options),
          close: () => context.close(),
        }, log);
      },
      close: () => browser.close(),
    };
  },
};

const firefoxEngine = {
  name: 'firefox',
  executable: FIREFOX_PATH,
  async launch() {
    const browser = await puppeteer.launch(FIREFOX_LAUNCH);
    return {
      async open(url, { viewport, routes, init, waitUntil }) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport(viewport);
        const log = newLog();
        page.on('console', (m) => {
          if (m.type() === 'error') log.errors.push(m.text());
          if (m.type() === 'warn') log.warnings.push(m.text());
        });
        // Firefox reports uncaught exceptions and its own console errors (CSP
        // and SRI refusals) alike as WebDriver BiDi "javascript" entries,
        // which puppeteer calls page errors: all are console errors here,
        // as in Chromium; recordPageErrors tells the uncaught ones.
        page.on('pageerror', (e) => log.errors.push(e.message));
        page.on('request', (r) => noteRequest(log, r.url()));
        if (routes.size) {
          await page.setRequestInterception(true);
          page.on('request', (r) => {
            const response = routes.get(r.url());
            if (response) held(response).then((reply) => r.respond(reply));
            else r.continue();
          });
        }
        for (const script of [recordEvents, recordPageErrors, ...init]) await page.evaluateOnNewDocument(script);
        await page.goto(url, { waitUntil });
        return pageObject({
          page,
          evaluate: (fn, arg) => page.evaluate(fn, arg),
          waitForFunction: (fn, arg, options) => page.waitForFunction(fn, options ?? {}, arg),
          close: () => context.close(),
        }, log);
      },
      close: () => browser.close(),
    };
  },
};

const ALL = [chromiumEngine, firefoxEngine];
const wanted = (process.env.AW_ENGINES || ALL.map((e) => e.name).join(',')).split(',').map((s) => s.trim());
for (const name of wanted) {
  if (!ALL.some((e) => e.name === name)) throw new Error(`AW_ENGINES: unknown engine "${name}" (${ALL.map((e) => e.name).join(', ')})`);
}
export const ENGINES = ALL.filter((e) => wanted.includes(e.name));

// Registers before/after hooks (call it inside describe()) that start the
// engine and a test server (web/node/server.js: the repository's web/ and
// dist/, or as `serverOptions` say); returns { open(path, options) }.
//   options: viewport (default 1280x800), routes (see routeTable),
//            init (functions to run in the page before its scripts),
//            waitUntil ('load', default, or 'domcontentloaded': open()
//            returns before async scripts and images are in)
export function useEngine(engine, serverOptions = {}) {
  const state = { browser: null, server: null };
  before(async () => {
    requireFile(join(DIST, 'article-widget.js'), 'run scripts/build (or set AW_DIST)');
    if (!existsSync(engine.executable)) {
      throw new Error(`missing ${engine.executable}: run scripts/setup (or set AW_${engine.name.toUpperCase()})`);
    }
    state.server = await startServer({ port: 0, root: REPO, dist: DIST, ...serverOptions });
    state.browser = await engine.launch();
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return {
    open(path, { viewport = { width: 1280, height: 800 }, routes = {}, init = [], waitUntil = 'load' } = {}) {
      const base = state.server.url;
      return state.browser.open(new URL(path, base).href, { viewport, routes: routeTable(routes, base), init, waitUntil });
    },
  };
}
