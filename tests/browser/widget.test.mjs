// The widget in headless Chromium, served by web/node/server.js (ephemeral
// port, strict CSP on HTML). One browser for the whole file; a fresh context
// per test. The core scenarios (test page, navigation, two widgets, the
// missing-.wasm fallback) run in every engine: engines.test.mjs.
//
//   node --test tests/browser/*.test.mjs   (AW_DIST, AW_CONTENT, AW_ARTIFACTS, AW_CHROMIUM)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import {
  ARTIFACTS, DIST, REPO, SEED_SLUG, readArticles, readTrending,
} from '../js/helpers.mjs';
import { startServer } from '../../web/node/server.js';
import {
  T, assertClean, events, open, recordEvents, state, useBrowser, waitForArticle, widgetState,
} from './harness.mjs';

const articles = readArticles();
const trending = readTrending();
const OTHER = trending.find((s) => s !== SEED_SLUG); // a second article to navigate to

useBrowser();

test('article-widget:navigate is cancelable', T, async () => {
  const { page, context, log } = await open('/');
  await waitForArticle(page, SEED_SLUG);
  await page.evaluate(() => {
    window.__awCancelNavigation = true;
  });
  await page.locator(`main > article-widget .aw-trending-link[data-aw-slug="${OTHER}"]`).click();
  await page.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:navigate'));
  const s = await widgetState(page);
  assert.equal(s.slug, SEED_SLUG, 'article unchanged');
  assert.equal(s.hash, '', 'hash unchanged');
  assertClean(log);
  await context.close();
});

test('a #aw/SLUG in the URL is shown on load; one no article can have is ignored; a missing one is reported', T, async () => {
  let { page, context, log } = await open(`/#aw/${OTHER}`);
  await waitForArticle(page, OTHER);
  assertClean(log);
  await context.close();

  ({ page, context, log } = await open('/#aw/Not%20a%20slug'));
  await waitForArticle(page, SEED_SLUG);
  assert.deepEqual((await events(page)).map((e) => e.type), ['article-widget:ready']);
  assertClean(log);
  await context.close();

  // A slug with no file in the archive: the error, the fallback (nothing
  // was shown before), and the widget follows the next link.
  ({ page, context, log } = await open('/#aw/no-such-article'));
  await page.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:error'));
  const [error] = (await events(page)).filter((e) => e.target === 'article-widget');
  assert.equal(error.detail.code, 'unknown-article');
  assert.match(error.detail.message, /articles\/no-such-article\.awa: HTTP 404/);
  assert.ok(await page.locator('main > article-widget .widget-fallback').isVisible(), 'the fallback stays');
  await page.evaluate((slug) => { location.hash = `#aw/${slug}`; }, OTHER);
  await waitForArticle(page, OTHER);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.errors.filter((e) => !/Failed to load resource.*404/.test(e)), [], 'only the 404 itself');
  await context.close();
});

test('"Back to top" focuses the title and brings the widget top into view, hash unchanged', T, async () => {
  const { page, context, log } = await open('/');
  await waitForArticle(page, SEED_SLUG);
  const link = page.locator('main > article-widget .aw-back-to-top');
  await link.scrollIntoViewIfNeeded();
  const before = await widgetState(page);
  assert.ok(before.top < 0, `widget top scrolled away first (${before.top})`);
  await link.click();
  const s = await widgetState(page);
  assert.match(s.focused, /\baw-title\b/);
  assert.ok(s.top >= 0 && s.top < s.viewport, `widget top in view (${s.top})`);
  assert.ok(s.titleRect.top >= 0 && s.titleRect.bottom <= s.viewport, `focused title in view ${JSON.stringify(s.titleRect)}`);
  assert.equal(s.hash, '');
  assert.equal(s.slug, SEED_SLUG);
  assertClean(log);
  await context.close();
});

test('in-article #fragment links scroll inside the shadow root without touching the URL', T, async () => {
  const { page, context, log } = await open('/');
  await waitForArticle(page, SEED_SLUG);
  // Content links to headings are rare; add one to the rendered body so the
  // shim's click handling is exercised against a real heading id.
  const targetId = await page.evaluate(async (slugs) => {
    for (const slug of slugs) {
      location.hash = `#aw/${slug}`;
      await new Promise((r) => setTimeout(r, 50));
      const root = document.querySelector('article-widget').shadowRoot;
      const heading = root.querySelector('.aw-body [id]');
      if (heading) {
        const a = document.createElement('a');
        a.href = `#${heading.id}`;
        a.id = 'probe';
        a.textContent = 'jump';
        root.querySelector('.aw-body').prepend(a);
        return heading.id;
      }
    }
    return null;
  }, articles.map((a) => a.slug));
  if (!targetId) {
    await context.close();
    assert.fail('no article in content/ has a heading with an id to link to');
  }
  const hash = await page.evaluate(() => location.hash);
  await page.locator('main > article-widget #probe').click();
  const r = await page.evaluate((id) => {
    const root = document.querySelector('article-widget').shadowRoot;
    const el = root.getElementById(id);
    const top = el.getBoundingClientRect().top;
    return { top, vh: innerHeight, hash: location.hash, focused: root.activeElement?.id };
  }, targetId);
  assert.ok(r.top >= 0 && r.top < r.vh / 2, `target scrolled to the top (${r.top})`);
  assert.equal(r.hash, hash);
  assert.equal(r.focused, targetId);
  assertClean(log);
  await context.close();
});

test('a .wasm served with the wrong MIME type still loads (arrayBuffer fallback)', T, async () => {
  const wrong = await startServer({ port: 0, root: REPO, dist: DIST, wasmContentType: 'application/octet-stream' });
  try {
    const { page, context, log } = await open('/', { base: wrong.url });
    await waitForArticle(page, SEED_SLUG);
    assertClean(log);
    await context.close();
  } finally {
    await wrong.close();
  }
});

test('a .wasm that is not the one the script was built with is refused (version skew)', T, async () => {
  const context = await state.browser.newContext();
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // A valid module, but not this build's: the real one plus a custom section.
  const name = Buffer.from('skew');
  const other = Buffer.concat([readFileSync(join(DIST, 'article-widget.wasm')), Buffer.from([0, name.length + 1, name.length, ...name])]);
  await page.route(/\/dist\/article-widget\.wasm/, (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: other }));
  await page.addInitScript(recordEvents);
  await page.goto(state.server.url);
  await page.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:error'));
  const [ev] = await events(page);
  assert.match(ev.detail.message, /not the module this script was built with/);
  assert.equal(ev.detail.code, 'integrity');
  assert.ok(await page.locator('main > article-widget .widget-fallback').isVisible(), 'fallback shown');
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('the script finds its .wasm: data-base-path, and a clobbered document.currentScript', T, async () => {
  const js = readFileSync(join(DIST, 'article-widget.js'), 'utf8');
  // The script served from a folder without the .wasm; data-base-path points to dist/.
  const moved = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/elsewhere/article-widget.js" data-base-path="dist/" defer></script></head>
<body><article-widget></article-widget></body></html>`;
  // <img name="currentScript"> shadows document.currentScript (DOM clobbering).
  const clobbered = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body><img name="currentScript" src="data:," alt=""><article-widget></article-widget>
<script src="dist/article-widget.js" defer></script></body></html>`;
  for (const [path, body] of [['/__moved.html', moved], ['/__clobbered.html', clobbered]]) {
    const { page, context, log } = await open(path, {
      routes: { [path]: body, '/elsewhere/article-widget.js': { body: js, contentType: 'text/javascript' } },
    });
    await waitForArticle(page, SEED_SLUG);
    assert.equal(log.wasm.length, 1, path);
    assert.match(log.wasm[0], /\/dist\/article-widget\.wasm\?v=/, path);
    assertClean(log);
    await context.close();
  }
});

test('the script loaded twice is harmless; the JS API and mount() work', T, async () => {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="dist/article-widget.js" defer></script><script src="dist/article-widget.js" defer></script></head>
<body><article-widget id="el"></article-widget><div id="api"><p id="api-fallback">fallback</p></div>
<div id="late-host"></div></body></html>`;
  const { page, context, log } = await open('/__api.html', { routes: { '/__api.html': body } });
  await waitForArticle(page, SEED_SLUG, '#el');
  assert.equal(log.wasm.length, 1, 'one module for two copies of the script');

  const r = await page.evaluate(async ([other]) => {
    const AW = window.ArticleWidget;
    await AW.ready;
    const out = { keys: Object.keys(AW).sort(), count: AW.articles().length, html: AW.render('*x* <b>') };
    try {
      AW.render(1);
    } catch (e) {
      out.renderError = e instanceof Error;
    }
    const host = document.getElementById('api');
    const handle = AW.mount(host, { article: other, view: 'article' });
    out.same = AW.mount(host) === handle;
    await new Promise((res) => setTimeout(res, 50));
    out.mounted = host.shadowRoot.querySelector('.aw-article')?.dataset.awSlug;
    out.shown = await handle.show('no-such-article');
    out.afterBadShow = host.shadowRoot.querySelector('.aw-article')?.dataset.awSlug;
    handle.unmount();
    out.unmounted = !host.shadowRoot.querySelector('.aw-article') && !!host.shadowRoot.querySelector('slot');

    // Attribute changes re-render a custom element.
    const el = document.getElementById('el');
    el.setAttribute('view', 'trending');
    out.trendingOnly = !!el.shadowRoot.querySelector('.aw-trending') && !el.shadowRoot.querySelector('.aw-article');
    el.setAttribute('view', 'article');
    el.setAttribute('article', other);
    out.attrArticle = el.shadowRoot.querySelector('.aw-article')?.dataset.awSlug;
    out.noNav = !el.shadowRoot.querySelector('.aw-trending');

    // [data-article-widget] added after load is mounted (data- prefixed options).
    const late = document.createElement('div');
    late.setAttribute('data-article-widget', '');
    late.setAttribute('data-view', 'trending');
    document.getElementById('late-host').append(late);
    await new Promise((res) => setTimeout(res, 50));
    out.late = late.shadowRoot?.querySelectorAll('.aw-trending-link').length ?? 0;
    return out;
  }, [OTHER]);

  assert.deepEqual(r.keys, ['articles', 'mount', 'ready', 'render', 'scan', 'setBasePath', 'setEditionUrl', 'setWasmUrl', 'version']);
  assert.equal(r.count, trending.length, 'the edition');
  assert.equal(r.html, '<p><em>x</em> &lt;b&gt;</p>\n');
  assert.equal(r.renderError, true);
  assert.equal(r.same, true, 'mounting twice returns the same handle');
  assert.equal(r.mounted, OTHER);
  assert.equal(r.shown, false);
  assert.equal(r.afterBadShow, OTHER);
  assert.equal(r.unmounted, true);
  assert.equal(r.trendingOnly, true);
  assert.equal(r.attrArticle, OTHER);
  assert.equal(r.noNav, true);
  assert.equal(r.late, trending.length);
  assert.ok(await page.locator('#api-fallback').isVisible(), 'light DOM back after unmount');
  assert.equal(log.warnings.filter((w) => w.startsWith('[article-widget]')).length, 1, 'bad show() warned once');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.errors.filter((e) => !/Failed to load resource.*404/.test(e)), [], 'the bad show()\'s 404 only');
  await context.close();
});

test('the ES module works in the browser too', T, async () => {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="dist/article-widget.mjs"></script></head>
<body><article-widget id="el" view="article"></article-widget><div id="target"></div></body></html>`;
  const { page, context, log } = await open('/__esm.html', { routes: { '/__esm.html': body } });
  await waitForArticle(page, SEED_SLUG, '#el');
  const r = await page.evaluate(async (other) => {
    const m = await import('/dist/article-widget.mjs');
    await m.ready;
    m.mount(document.getElementById('target'), { article: other });
    await new Promise((res) => setTimeout(res, 50));
    const root = document.getElementById('target').shadowRoot;
    return {
      global: 'ArticleWidget' in window,
      slug: root.querySelector('.aw-article')?.dataset.awSlug,
      nav: !!root.querySelector('.aw-trending'),
    };
  }, OTHER);
  assert.deepEqual(r, { global: false, slug: OTHER, nav: true });
  assert.equal(log.wasm.length, 1);
  assert.match(log.wasm[0], /\/dist\/article-widget\.wasm\?v=[0-9a-f]{16}$/);
  assertClean(log);
  await context.close();
});

// A page whose script (the strict CSP allows no inline one) is `app`, with
// a <div id="w"> to mount on; `routes` as open() takes them.
function openModuleApp(app, routes = {}) {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/__app.mjs"></script></head><body><div id="w"></div></body></html>`;
  return open('/__app.html', { routes: { '/__app.html': body, '/__app.mjs': { body: app, contentType: 'text/javascript' }, ...routes } });
}

test('the ES module resolves its .wasm URL in any form a bundler gives, against the page; a renamed file is asked for as named', T, async () => {
  const wasm = { body: readFileSync(join(DIST, 'article-widget.wasm')), contentType: 'application/wasm', csp: false };
  const HASHED = '/_next/static/media/article-widget.3f2a9c1b.wasm';
  // Turbopack's relative URL: a URL to instanceof, whose own href and string are root-relative.
  const turbopack = "Object.create(URL.prototype, { href: { value: '/dist/article-widget.wasm' }, toString: { value() { return this.href; } } })";
  const versioned = /\/dist\/article-widget\.wasm\?v=[0-9a-f]{16}$/;
  const forms = [
    ['a root-relative string', "'/dist/article-widget.wasm'", versioned],
    ['a relative string', "'dist/article-widget.wasm'", versioned],
    ['a URL', "new URL('/dist/article-widget.wasm', location.href)", versioned],
    ['a URL-like object with a root-relative href (Turbopack)', turbopack, versioned],
    // Its name changes with its bytes: no ?v=, so a framework's prefetch of it is the same request.
    ["a bundler's hashed name", `'${HASHED}'`, new RegExp(`${HASHED.replaceAll('.', '\\.')}$`)],
  ];
  // The module as Turbopack bundles it: its own new URL("./article-widget.wasm",
  // import.meta.url) turned into such an object (and no setWasmUrl() needed),
  // and so its demo edition's (no setEditionUrl() either).
  const source = readFileSync(join(DIST, 'article-widget.mjs'), 'utf8');
  const literal = 'new URL("./article-widget.wasm", import.meta.url)';
  const editionLiteral = 'new URL("./article-widget.awe", import.meta.url)';
  assert.ok(source.includes(literal), 'the module names its .wasm the way bundlers recognise');
  assert.ok(source.includes(editionLiteral), 'the module names its demo edition the way bundlers recognise');
  const bundled = {
    body: source.replace(literal, turbopack).replace(editionLiteral, turbopack.replace('article-widget.wasm', 'article-widget.awe')),
    contentType: 'text/javascript',
    csp: false,
  };
  forms.push(['the module bundled by Turbopack', null, versioned]);
  for (const [form, expression, requested] of forms) {
    const app = expression === null ? "import { mount } from '/turbopack/article-widget.mjs';\n"
      : `import { mount, setWasmUrl } from '/dist/article-widget.mjs';\nsetWasmUrl(${expression});\n`;
    const { page, context, log } = await openModuleApp(`${app}mount(document.getElementById('w'));`,
      { [HASHED]: wasm, '/turbopack/article-widget.mjs': bundled });
    await waitForArticle(page, SEED_SLUG, '#w');
    assert.equal(log.wasm.length, 1, form);
    assert.match(log.wasm[0], requested, form);
    assertClean(log);
    await context.close();
  }
});

test('a .wasm that is not there: asked for once, nothing blames integrity, and the one error names the fix its URL gives away', T, async () => {
  const cases = [
    ['/_next/static/media/article-widget.3f2a9c1b.wasm', /Next\.js emitted it into \.next\/static\/media\/.*output: "standalone"/s],
    ['/_nuxt/article-widget.B2x8kQ.wasm', /Nuxt emitted it into \.output\/public\/_nuxt\//],
    // The package's own name beside a bundle: a bundler that emits no assets (Rollup).
    ['/build/article-widget.wasm', /Nothing put article-widget\.wasm beside this script.*Rollup: @web\/rollup-plugin-import-meta-assets/s],
    ['/somewhere/renderer.wasm', /If your bundler or server puts article-widget\.wasm elsewhere, call setWasmUrl\(url\)/],
  ];
  for (const [url, fix] of cases) {
    const { page, context, log } = await openModuleApp(`import { mount, setWasmUrl } from '/dist/article-widget.mjs';
setWasmUrl('${url}');
mount(document.getElementById('w'));`);
    await page.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:error'));
    const [error] = await events(page);
    assert.equal(error.detail.code, 'fetch-failed', url);
    assert.match(error.detail.message, /: HTTP 404$/, url);
    assert.equal(log.wasm.length, 1, `${url}: asked once`);
    assert.deepEqual(log.errors.filter((e) => /integrity/i.test(e)), [], `${url}: no integrity report`);
    const ours = log.errors.filter((e) => !/Failed to load resource.*404/.test(e));
    assert.equal(ours.length, 1, log.errors.join('\n'));
    assert.match(ours[0], new RegExp(`^\\[article-widget\\] could not fetch .*${url.replaceAll('.', '\\.')}.*HTTP 404\\nThe renderer was looked for at `));
    assert.match(ours[0], fix, url);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  }
});

test('at 320px wide nothing overflows; dark mode restyles', T, async () => {
  let { page, context, log } = await open('/', { viewport: { width: 320, height: 640 } });
  await waitForArticle(page, SEED_SLUG);
  const widths = await page.evaluate(() => {
    const host = document.querySelector('article-widget');
    return { doc: document.documentElement.scrollWidth, vw: innerWidth, host: host.scrollWidth, hostClient: host.clientWidth };
  });
  assert.ok(widths.doc <= widths.vw, `page scrolls sideways: ${JSON.stringify(widths)}`);
  assert.ok(widths.host <= widths.hostClient, `widget overflows: ${JSON.stringify(widths)}`);
  await page.screenshot({ path: join(ARTIFACTS, 'test-page-320.png'), fullPage: true });
  const light = await page.evaluate(() => getComputedStyle(document.querySelector('article-widget').shadowRoot.querySelector('.aw-back-to-top')).color);
  assertClean(log);
  await context.close();

  ({ page, context, log } = await open('/', { colorScheme: 'dark' }));
  await waitForArticle(page, SEED_SLUG);
  const dark = await page.evaluate(() => getComputedStyle(document.querySelector('article-widget').shadowRoot.querySelector('.aw-back-to-top')).color);
  assert.notEqual(dark, light, 'link color follows prefers-color-scheme');
  await page.screenshot({ path: join(ARTIFACTS, 'test-page-dark.png') });
  assertClean(log);
  await context.close();
});
