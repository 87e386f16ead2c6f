// Pre-rendered widgets (issue 18) in every engine (engines.mjs: Chromium
// and Firefox ESR): the element renderElement() writes, with its
// declarative shadow root, shown by the HTML parser before any script
// (the script held back 2 s), readable with its look without JavaScript
// or with the .wasm refused, adopted by the script without one node
// changed and without moving anything (an async script, and one that
// runs before the element is parsed), replaced when it is stale, under
// the strict CSP with its style hash, and axe-clean before and after the
// takeover; a browser without declarative shadow DOM (markup inserted by
// innerHTML, which the parser does not turn into a shadow root) gets the
// widget through the script.
//
//   node --test tests/browser/prerender.test.mjs   (AW_ENGINES, AW_DIST, AW_CHROMIUM, AW_FIREFOX)

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';

import { DIST, SEED_SLUG, SEED_TITLE, readTrending } from '../js/helpers.mjs';
import { ENGINES, useEngine } from './engines.mjs';
import { STRICT_CSP, T } from './harness.mjs';

const node = await import(pathToFileURL(join(DIST, 'article-widget.node.mjs')).href);
await node.ready;
const OTHER = readTrending().find((s) => s !== SEED_SLUG);
const SCRIPT = readFileSync(join(DIST, 'article-widget.js'), 'utf8');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The hash of the <style> a pre-rendered element carries, computed here
// from the markup (not taken from the package), as a site owner's CSP
// names it.
function styleHashOf(element) {
  const css = element.match(/<style>([^<]*)<\/style>/)[1];
  return `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
}

const element = node.renderElement(SEED_SLUG, { view: 'full', articleUrl: '/news/{slug}/' });
const STYLE_HASH = styleHashOf(element);
const WITH_STYLE = (csp) => csp.replace("style-src 'self'", `style-src 'self' ${STYLE_HASH}`);

// A page holding `markup`, the classic script loaded async (the parser
// and DOMContentLoaded do not wait for it), or with `blocking` a plain
// script in the head, which runs before the element is parsed.
const page = (markup, blocking = false) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pre-rendered</title>
<script src="/dist/article-widget.js"${blocking ? '' : ' async'}></script></head>
<body><main><h1>News</h1>${markup}<p><a id="after" href="#after">After the widget</a></p>
${'<p>More of the page.</p>'.repeat(60)}</main></body></html>`;

// Routes: the page under `csp`, the script held back `delay` ms.
const routes = (markup, { csp = WITH_STYLE(STRICT_CSP), delay = 0, blocking = false } = {}) => ({
  '/pre.html': { body: page(markup, blocking), csp },
  '/dist/article-widget.js': { body: SCRIPT, contentType: 'text/javascript; charset=utf-8', csp: null, delay },
});

// In the page: what the pre-rendered widget shows and how it looks.
function shown() {
  const host = document.querySelector('article-widget');
  const root = host.shadowRoot;
  const title = root?.querySelector('.aw-title');
  if (!title) return null;
  const box = root.querySelector('.aw-trending');
  return {
    defined: customElements.get('article-widget') !== undefined,
    title: title.textContent,
    visible: title.checkVisibility() && title.getBoundingClientRect().height > 0,
    paragraphs: root.querySelectorAll('.aw-body p').length,
    // The widget's look, from its stylesheet: the title bold, the trending box framed.
    look: { titleWeight: getComputedStyle(title).fontWeight, boxBorder: getComputedStyle(box).borderTopStyle },
    links: [...root.querySelectorAll('.aw-trending-link')].map((a) => a.getAttribute('href')),
    fallbackShown: [...host.children].some((c) => c.localName === 'a' && c.checkVisibility()),
  };
}

const LOOK = { titleWeight: '700', boxBorder: 'solid' };

// In the page, before the script arrives: every change to the shadow
// root, the layout shifts, where the article's parts are, and the focus
// on a trending link with the window scrolled.
function watch() {
  const host = document.querySelector('article-widget');
  const root = host.shadowRoot;
  window.__mutations = 0;
  new MutationObserver((records) => {
    window.__mutations += records.length;
  }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__shift = 0;
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__shift += e.value;
    }).observe({ type: 'layout-shift' });
  } catch {
    window.__shift = null; // an engine without the Layout Instability API: the boxes below say it
  }
  window.scrollTo(0, 120);
  root.querySelectorAll('.aw-trending-link')[1].focus();
  window.__boxes = () => [...root.querySelectorAll('.aw-title, .aw-body p, .aw-trending-link')]
    .map((el) => JSON.stringify(el.getBoundingClientRect()));
  window.__before = window.__boxes();
}

function afterTakeover() {
  const root = document.querySelector('article-widget').shadowRoot;
  return {
    mutations: window.__mutations,
    shift: window.__shift,
    moved: window.__boxes().filter((b, i) => b !== window.__before[i]).length,
    scrollY: window.scrollY,
    focused: root.activeElement?.getAttribute('data-aw-slug') ?? null,
  };
}

async function axeViolations(p) {
  await p.evaluate((source) => {
    const s = document.createElement('script');
    s.textContent = source;
    document.head.append(s);
  }, AXE);
  return p.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const readyEvents = (p) => p.evaluate(() => window.__aw.filter((e) => e.type === 'article-widget:ready'));

async function assertClean(p) {
  const log = await p.logs();
  assert.deepEqual(log.pageErrors, [], 'no uncaught exception or rejection');
  assert.deepEqual(log.errors, [], 'no console errors');
  assert.deepEqual(await p.evaluate(() => window.__awViolations), [], 'no CSP violation');
}

for (const engine of ENGINES) {
  describe(engine.name, () => {
    const browser = useEngine(engine);

    test('the article is shown, with its look, while the script is held back 2 s', T, async () => {
      const p = await browser.open('/pre.html', { routes: routes(element, { delay: 2000 }), waitUntil: 'domcontentloaded' });
      await p.waitForFunction(() => performance.getEntriesByType('paint').length > 0);
      const before = await p.evaluate(shown);
      assert.equal(before.defined, false, 'the script has not run yet');
      assert.equal(before.title, SEED_TITLE);
      assert.ok(before.visible && before.paragraphs > 3, JSON.stringify(before));
      assert.deepEqual(before.look, LOOK);
      assert.equal(before.fallbackShown, false, 'the light-DOM fallback is hidden by the shadow root');
      const paint = await p.evaluate(() => performance.getEntriesByType('paint').map((e) => e.startTime));
      assert.ok(paint.length > 0 && paint.every((t) => t < 2000), `painted before the script: ${paint}`);
      await p.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:ready'), undefined, { timeout: 20_000 });
      await assertClean(p);
      await p.close();
    });

    test('without JavaScript, and with the .wasm refused: the article, its look, links to the site\'s pages', T, async () => {
      for (const csp of [
        WITH_STYLE(STRICT_CSP).replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'none'"),
        WITH_STYLE(STRICT_CSP).replace(" 'wasm-unsafe-eval'", ''),
      ]) {
        const p = await browser.open('/pre.html', { routes: routes(element, { csp }) });
        if (!csp.includes("script-src 'none'")) {
          await p.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:error'), undefined, { timeout: 20_000 });
        }
        const r = await p.evaluate(shown);
        assert.equal(r.title, SEED_TITLE, csp);
        assert.ok(r.visible && r.paragraphs > 3);
        assert.deepEqual(r.look, LOOK);
        assert.ok(r.links.includes(`/news/${OTHER}/`), JSON.stringify(r.links));
        assert.ok(r.links.every((href) => /^\/news\/[a-z0-9-]+\/$/.test(href)));
        await p.close();
      }
      // Without a URL pattern, the links are the widget's deep links.
      const plain = node.renderElement(SEED_SLUG, { view: 'full' });
      const p = await browser.open('/pre.html', { routes: routes(plain, { csp: WITH_STYLE(STRICT_CSP).replace("script-src 'self' 'wasm-unsafe-eval'", "script-src 'none'") }) });
      assert.ok((await p.evaluate(shown)).links.includes(`#aw/${OTHER}`));
      await p.close();
    });

    test('the takeover changes no node, moves nothing, keeps focus and scroll, and says ready', T, async () => {
      // With links to the site's pages, and with the widget's own.
      for (const markup of [element, node.renderElement(SEED_SLUG)]) {
        const p = await browser.open('/pre.html', { routes: routes(markup, { delay: 1500 }), waitUntil: 'domcontentloaded' });
        await p.evaluate(watch);
        await p.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:ready'), undefined, { timeout: 20_000 });
        await new Promise((res) => setTimeout(res, 500));
        const r = await p.evaluate(afterTakeover);
        // Firefox has no Layout Instability API: `moved` says it there.
        assert.deepEqual(r, { mutations: 0, shift: r.shift === null && engine.name === 'firefox' ? null : 0, moved: 0, scrollY: 120, focused: OTHER });
        assert.deepEqual((await readyEvents(p)).map((e) => e.detail.slug), [SEED_SLUG]);
        if (markup !== element) {
          // Adopted, the widget works as one it rendered: a trending link
          // shows the other article in place.
          await p.click(['article-widget', `.aw-trending-link[data-aw-slug="${OTHER}"]`]);
          await p.waitForFunction((s) => document.querySelector('article-widget').shadowRoot
            .querySelector('.aw-article')?.getAttribute('data-aw-slug') === s, OTHER);
        }
        await assertClean(p);
        await p.close();
      }
    });

    test('a script that runs before the element is parsed adopts it the same way', T, async () => {
      // The element is upgraded before its shadow root is parsed: it waits
      // for the document, then for the first paint. The watch starts as
      // the document is parsed, before any of the script's listeners.
      const watchOnceParsed = `document.addEventListener('DOMContentLoaded', ${watch})`;
      const p = await browser.open('/pre.html', { routes: routes(element, { blocking: true }), init: [watchOnceParsed] });
      await p.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:ready'), undefined, { timeout: 20_000 });
      await new Promise((res) => setTimeout(res, 500));
      const r = await p.evaluate(afterTakeover);
      assert.deepEqual(r, { mutations: 0, shift: r.shift === null && engine.name === 'firefox' ? null : 0, moved: 0, scrollY: 120, focused: OTHER });
      assert.deepEqual((await readyEvents(p)).map((e) => e.detail.slug), [SEED_SLUG]);
      await assertClean(p);
      await p.close();
    });

    test('a stale pre-render (other text, another build) is rendered again', T, async () => {
      // As the build made them: the older text with its own digest, or
      // the same text from another module.
      const staleText = element.replace(`>${SEED_TITLE}<`, '>An older title<')
        .replace(/(data-aw-build="[0-9a-f]+\.)[0-9a-f]+"/, (_, id) => `${id}0123456789abcdef"`);
      const otherBuild = element.replace(/data-aw-build="[0-9a-f]+\./, 'data-aw-build="0123456789abcdef.');
      for (const markup of [staleText, otherBuild]) {
        assert.notEqual(markup, element);
        const p = await browser.open('/pre.html', { routes: routes(markup, { delay: 500 }), waitUntil: 'domcontentloaded' });
        await p.evaluate(watch);
        await p.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:ready'), undefined, { timeout: 20_000 });
        const after = await p.evaluate(shown);
        assert.equal(after.title, SEED_TITLE);
        // Rendered by the script: its own links, #aw/SLUG.
        assert.ok(after.links.includes(`#aw/${OTHER}`), JSON.stringify(after.links));
        assert.ok(await p.evaluate(() => window.__mutations) > 0);
        await assertClean(p);
        await p.close();
      }
    });

    test('axe-core: zero violations before and after the takeover', T, async () => {
      const p = await browser.open('/pre.html', { routes: routes(element, { csp: null, delay: 2000 }), waitUntil: 'domcontentloaded' });
      assert.deepEqual(await axeViolations(p), [], 'before');
      await p.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:ready'), undefined, { timeout: 20_000 });
      assert.deepEqual(await axeViolations(p), [], 'after');
      await p.close();
    });

    test('without declarative shadow DOM (markup set by innerHTML), the script renders the widget', T, async () => {
      // No CSP: the test writes the markup with innerHTML, which Trusted Types would refuse.
      const p = await browser.open('/pre.html', { routes: routes('<div id="slot"></div>', { csp: null }) });
      await p.waitForFunction(() => customElements.get('article-widget') !== undefined);
      await p.evaluate((markup) => {
        // innerHTML never attaches a declarative shadow root.
        const slot = document.getElementById('slot');
        slot.innerHTML = markup;
        window.__template = !!slot.querySelector('article-widget > template');
      }, element);
      await p.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:ready'), undefined, { timeout: 20_000 });
      assert.equal(await p.evaluate(() => window.__template), true, 'the template stays a template');
      const r = await p.evaluate(shown);
      assert.equal(r.title, SEED_TITLE);
      assert.deepEqual(r.look, LOOK);
      assert.ok(r.links.includes(`#aw/${OTHER}`));
      await assertClean(p);
      await p.close();
    });
  });
}
