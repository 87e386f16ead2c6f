// Shared by tests/browser/*.test.mjs: one Chromium and one test server per
// file (web/node/server.js, ephemeral port, strict CSP on HTML), a fresh
// context per test, and readers of what a widget shows.
//
//   import { useBrowser, open, ... } from './harness.mjs';
//   useBrowser();   // registers before/after hooks for the file

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';

import { chromium } from 'playwright-core';

import { ARTIFACTS, DIST, REPO, requireFile } from '../js/helpers.mjs';
import { DEFAULT_CSP, startServer } from '../../web/node/server.js';

export const LAUNCH = {
  executablePath: process.env.AW_CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
  ],
};
// Generous: the machine is shared and Chromium may be slow under load.
export const T = { timeout: 60_000 };

// The README's strict policy ("CSP and privacy"), word for word: Trusted
// Types for scripts, with the shim's named policy the only one allowed.
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types article-widget',
].join('; ');

export const state = { browser: null, server: null };

export function useBrowser() {
  before(async () => {
    requireFile(join(DIST, 'article-widget.js'), 'run scripts/build (or set AW_DIST)');
    state.server = await startServer({ port: 0, root: REPO, dist: DIST });
    state.browser = await chromium.launch(LAUNCH);
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
}

// Runs in the page before any of its scripts: records every
// article-widget:* event reaching the document (they bubble and are
// composed) and every CSP violation.
export function recordEvents() {
  window.__aw = [];
  window.__awRender = [];
  window.__awViolations = [];
  for (const type of ['article-widget:ready', 'article-widget:navigate', 'article-widget:error']) {
    document.addEventListener(type, (e) => {
      window.__aw.push({ type: e.type, detail: e.detail, target: e.target.id || e.target.localName });
      if (type === 'article-widget:navigate' && window.__awCancelNavigation) e.preventDefault();
    });
  }
  document.addEventListener('article-widget:render', (e) => {
    window.__awRender.push({ detail: e.detail, target: e.target.id || e.target.localName });
  });
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__awViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
  });
}

// Opens `path` in a fresh context; collects console errors, page errors,
// warnings, wasm requests and every request URL.
//   routes: extra same-origin responses, path -> HTML or { body, contentType, csp }
//   context: extra options for browser.newContext (bypassCSP, reducedMotion, ...)
export async function open(path, {
  base = state.server.url, viewport = { width: 1280, height: 800 }, colorScheme = 'light', routes = {}, context: extra = {},
} = {}) {
  const context = await state.browser.newContext({ viewport, colorScheme, ...extra });
  const page = await context.newPage();
  const log = { errors: [], pageErrors: [], warnings: [], wasm: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => log.pageErrors.push(e.message));
  page.on('request', (r) => {
    log.requests.push(r.url());
    if (new URL(r.url()).pathname.endsWith('.wasm')) log.wasm.push(r.url());
  });
  for (const [route, value] of Object.entries(routes)) {
    const { body, contentType = 'text/html; charset=utf-8', csp = DEFAULT_CSP } = typeof value === 'string' ? { body: value } : value;
    const headers = csp ? { 'Content-Security-Policy': csp } : {};
    await page.route(new URL(route, base).href, (r) => r.fulfill({ status: 200, contentType, headers, body }));
  }
  await page.addInitScript(recordEvents);
  await page.goto(new URL(path, base).href);
  return { page, context, log };
}

export function assertClean(log) {
  assert.deepEqual(log.pageErrors, [], 'no page errors');
  assert.deepEqual(log.errors, [], 'no console errors');
}

// What a widget shows, read from its shadow root.
export function widgetState(page, selector = 'article-widget') {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const root = host?.shadowRoot;
    if (!root) return null;
    const article = root.querySelector('.aw-article');
    const rect = host.getBoundingClientRect();
    return {
      slug: article?.getAttribute('data-aw-slug') ?? null,
      title: root.querySelector('.aw-title')?.textContent ?? null,
      heading: root.querySelector('.aw-trending-heading')?.textContent ?? null,
      links: [...root.querySelectorAll('.aw-trending-link')].map((a) => ({
        slug: a.getAttribute('data-aw-slug'), text: a.textContent, current: a.getAttribute('aria-current'),
      })),
      paragraphs: [...root.querySelectorAll('.aw-body p')].map((p) => p.textContent),
      focused: root.activeElement ? root.activeElement.className : null,
      titleRect: (() => {
        const r = root.querySelector('.aw-title')?.getBoundingClientRect();
        return r ? { top: r.top, bottom: r.bottom } : null;
      })(),
      hostFocused: document.activeElement === host,
      top: rect.top,
      viewport: window.innerHeight,
      hash: location.hash,
      slot: !!root.querySelector('slot'),
      fallbackMessage: root.querySelector('.aw-fallback-message')?.textContent ?? null,
    };
  }, selector);
}

export function waitForArticle(page, slug, selector = 'article-widget') {
  return page.waitForFunction(
    ([sel, s]) => document.querySelector(sel)?.shadowRoot?.querySelector('.aw-article')?.getAttribute('data-aw-slug') === s,
    [selector, slug],
  );
}

export const events = (page) => page.evaluate(() => window.__aw);
export const renders = (page) => page.evaluate(() => window.__awRender);
