// The core widget scenarios in every supported engine (engines.mjs:
// Chromium through playwright-core, Firefox ESR through puppeteer-core):
// the test page, navigation, two widgets, the missing-.wasm fallback, the
// strict CSP with Trusted Types and the two policies that must give
// csp-blocked, and render() on hostile input. Served by web/node/server.js
// (strict CSP on HTML); one browser per engine, a fresh context per test.
//
//   node --test tests/browser/engines.test.mjs   (AW_ENGINES, AW_DIST, AW_CHROMIUM, AW_FIREFOX)

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import {
  ARTIFACTS, REPO, SEED_SLUG, readArticles, readSeed, readTrending,
} from '../js/helpers.mjs';
import { ENGINES, useEngine } from './engines.mjs';
import {
  STRICT_CSP, T, events, waitForArticle, widgetState,
} from './harness.mjs';

const seed = readSeed();
const articles = readArticles();
const trending = readTrending();
const titleOf = new Map(articles.map((a) => [a.slug, a.title]));
const OTHER = trending.find((s) => s !== SEED_SLUG); // a second article to navigate to
const THIRD = trending.find((s) => s !== SEED_SLUG && s !== OTHER) ?? SEED_SLUG;

const INDEX = readFileSync(join(REPO, 'web', 'index.html'), 'utf8');

const link = (slug, host = 'main > article-widget') => [host, `.aw-trending-link[data-aw-slug="${slug}"]`];

async function assertClean(page) {
  const log = await page.logs();
  assert.deepEqual(log.pageErrors, [], 'no uncaught exception or rejection');
  assert.deepEqual(log.errors, [], 'no console errors');
}

// Runs in the page first: when the first widget became ready.
function recordReadyTime() {
  document.addEventListener('article-widget:ready', (e) => {
    window.__awReadyAt ??= e.timeStamp;
  });
}
const ms = (value) => (typeof value === 'number' ? `${Math.round(value)} ms` : 'not reported');

// In the page: is the element at `selector` rendered and visible?
const visible = (page, selector) => page.evaluate((sel) => {
  const el = document.querySelector(sel);
  return !!el && el.checkVisibility({ visibilityProperty: true });
}, selector);

for (const engine of ENGINES) {
  describe(engine.name, () => {
    const browser = useEngine(engine);

    // The checks below count on the log; here it must see what a page does.
    test('the log sees uncaught exceptions, rejections, console errors and warnings', T, async () => {
      const page = await browser.open('/two-widgets.html');
      await page.evaluate(() => {
        setTimeout(() => {
          throw new TypeError('thrown by the test');
        });
        Promise.reject(new Error('rejected by the test'));
        console.error('logged by the test');
        console.warn('warned by the test');
      });
      await page.waitForFunction(() => window.__awPageErrors.length === 2);
      await new Promise((res) => setTimeout(res, 200)); // console events cross the wire
      const log = await page.logs();
      assert.equal(log.pageErrors.length, 2, JSON.stringify(log.pageErrors));
      assert.ok(log.pageErrors.some((e) => /thrown by the test/.test(e)));
      assert.ok(log.pageErrors.some((e) => /unhandled rejection: rejected by the test/.test(e)));
      assert.ok(log.errors.includes('logged by the test'), JSON.stringify(log.errors));
      assert.ok(log.warnings.includes('warned by the test'), JSON.stringify(log.warnings));
      assert.ok(log.requests.some((u) => u.endsWith('/two-widgets.html')));
      await assert.rejects(assertClean(page));
      await page.close();
    });

    test('the test page shows the trending list and the seed article, inside the host page', T, async (t) => {
      const page = await browser.open('/', { init: [recordReadyTime] });
      await waitForArticle(page, SEED_SLUG);
      const s = await widgetState(page);

      assert.equal(s.heading, 'Trending Topics');
      assert.deepEqual(s.links.map((l) => l.slug), trending, 'one link per article, trending.md order');
      assert.deepEqual(s.links.map((l) => l.text), trending.map((slug) => titleOf.get(slug)));
      assert.deepEqual(s.links.filter((l) => l.current === 'page').map((l) => l.slug), [SEED_SLUG]);
      assert.equal(s.title, seed.title);
      let at = 0;
      for (const p of seed.paragraphs) {
        const i = s.paragraphs.indexOf(p, at);
        assert.ok(i >= 0, `paragraph missing or out of order: ${p.slice(0, 60)}…`);
        at = i + 1;
      }
      assert.equal(s.slot, false, 'fallback slot removed once rendered');
      assert.equal(await visible(page, 'main > article-widget .widget-fallback'), false, 'light-DOM fallback hidden');
      const parts = await page.evaluate(() => {
        const root = document.querySelector('main > article-widget').shadowRoot;
        return ['trending', 'title', 'byline', 'body', 'back-to-top'].filter((p) => root.querySelector(`[part~="${p}"]`));
      });
      assert.deepEqual(parts, ['trending', 'title', 'byline', 'body', 'back-to-top']);

      // The host page around the widget is intact; styles stay on their side
      // of the shadow root (the widget inherits the host font).
      const host = await page.evaluate(() => ({
        before: document.querySelector('#before-widget').textContent,
        after: document.querySelector('#after-widget').textContent,
        h1: document.querySelector('h1').textContent,
        pageFont: getComputedStyle(document.querySelector('#after-widget')).fontFamily,
        widgetFont: getComputedStyle(document.querySelector('article-widget').shadowRoot.querySelector('.aw-body p')).fontFamily,
      }));
      assert.ok(await visible(page, '#before-widget'));
      assert.match(host.before, /This is the host page/);
      assert.match(host.after, /This paragraph comes after the widget/);
      assert.equal(host.h1, 'World news');
      assert.equal(host.widgetFont, host.pageFont, 'widget inherits the host font');

      const ev = await events(page);
      assert.deepEqual(ev.filter((e) => e.type === 'article-widget:ready'), [
        { type: 'article-widget:ready', detail: { slug: SEED_SLUG }, target: 'article-widget' },
      ]);
      const log = await page.logs();
      assert.equal(log.wasm.length, 1, 'the module is fetched once');
      assert.match(log.wasm[0], /\/dist\/article-widget\.wasm\?v=[0-9a-f]{16}$/);
      assert.match(await page.evaluate(() => window.ArticleWidget.version), /^\d+\.\d+\.\d+/);

      // A figure, not a check: how soon this engine shows the article.
      const times = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        wasm: performance.getEntriesByType('resource').find((r) => r.name.includes('.wasm'))?.responseEnd,
        ready: window.__awReadyAt,
      }));
      t.diagnostic(`${engine.name}: first contentful paint ${ms(times.fcp)}, .wasm received ${ms(times.wasm)}, `
        + `article-widget:ready ${ms(times.ready)} after navigation start`);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot(join(ARTIFACTS, `test-page-${engine.name}.png`));
      await assertClean(page);
      await page.close();
    });

    test('trending links navigate in place, update the hash, focus the title; back and forward restore', T, async () => {
      // A short viewport: the new title starts below the fold and must be
      // scrolled into view with the focus.
      const page = await browser.open('/', { viewport: { width: 1280, height: 520 } });
      await waitForArticle(page, SEED_SLUG);
      const entries = await page.evaluate(() => history.length);

      await page.click(link(OTHER));
      await waitForArticle(page, OTHER);
      let s = await widgetState(page);
      assert.equal(s.hash, `#aw/${OTHER}`);
      assert.equal(s.title, titleOf.get(OTHER));
      assert.deepEqual(s.links.filter((l) => l.current === 'page').map((l) => l.slug), [OTHER]);
      assert.match(s.focused, /\baw-title\b/, 'focus moved to the new title');
      assert.ok(s.hostFocused);
      assert.ok(s.top >= 0 && s.top < s.viewport, `widget top in view (${s.top})`);
      assert.ok(s.titleRect.top >= 0 && s.titleRect.bottom <= s.viewport, `focused title in view ${JSON.stringify(s.titleRect)}`);
      assert.equal(await page.evaluate(() => history.length), entries + 1, 'one history entry');
      assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1, 'no page load');
      assert.deepEqual((await events(page)).filter((e) => e.type === 'article-widget:navigate'), [
        { type: 'article-widget:navigate', detail: { slug: OTHER }, target: 'article-widget' },
      ]);

      await page.back();
      await waitForArticle(page, SEED_SLUG);
      s = await widgetState(page);
      assert.equal(s.hash, '');
      assert.deepEqual(s.links.filter((l) => l.current === 'page').map((l) => l.slug), [SEED_SLUG]);

      await page.forward();
      await waitForArticle(page, OTHER);
      assert.equal((await widgetState(page)).hash, `#aw/${OTHER}`);

      // Keyboard: Enter on a focused trending link.
      await page.focus(link(THIRD));
      await page.press('Enter');
      await waitForArticle(page, THIRD);
      assert.equal((await widgetState(page)).hash, `#aw/${THIRD}`);
      await assertClean(page);
      await page.close();
    });

    test('a page with two widgets renders both from one module; both follow the URL hash', T, async () => {
      const page = await browser.open('/two-widgets.html');
      const html = readFileSync(join(REPO, 'web', 'two-widgets.html'), 'utf8');
      const divSlug = /<div id="second-widget" data-article-widget article="([^"]+)"/.exec(html)[1];
      await waitForArticle(page, trending[0], '#first-widget');
      await waitForArticle(page, divSlug, '#second-widget');
      const first = await widgetState(page, '#first-widget');
      const second = await widgetState(page, '#second-widget');
      assert.equal(first.links.length, trending.length);
      assert.equal(second.links.length, 0, 'view="article": no trending list');
      assert.equal(second.title, titleOf.get(divSlug));
      const ready = (await events(page)).filter((e) => e.type === 'article-widget:ready');
      assert.deepEqual(ready.map((e) => e.target).sort(), ['first-widget', 'second-widget']);
      assert.equal((await page.logs()).wasm.length, 1, 'one fetch for both widgets');

      await page.click(link(OTHER, '#first-widget'));
      await waitForArticle(page, OTHER, '#first-widget');
      await waitForArticle(page, OTHER, '#second-widget');
      await page.back();
      await waitForArticle(page, divSlug, '#second-widget');
      await assertClean(page);
      await page.close();
    });

    test('a missing .wasm shows the fallback, fires article-widget:error, and the page carries on', T, async () => {
      const page = await browser.open('/missing-wasm.html');
      await page.waitForFunction(() => window.__aw.filter((e) => e.type === 'article-widget:error').length === 2);
      const ev = await events(page);
      assert.deepEqual(ev.map((e) => e.target).sort(), ['with-fallback', 'without-fallback']);
      for (const e of ev) {
        assert.equal(e.type, 'article-widget:error');
        assert.match(e.detail.message, /no-such-folder\/article-widget\.wasm.*404/);
        assert.equal(e.detail.code, 'fetch-failed');
      }
      assert.ok(await visible(page, '#with-fallback .widget-fallback'), 'light-DOM fallback visible');
      assert.match(await page.evaluate(() => document.querySelector('#with-fallback .widget-fallback').textContent), /Read the article/);
      assert.equal((await widgetState(page, '#without-fallback')).fallbackMessage, 'This article could not be loaded.');
      assert.ok(await page.evaluate(() => document.querySelector('#without-fallback').shadowRoot
        .querySelector('.aw-fallback-message').checkVisibility()), 'default fallback message visible');
      assert.ok(await visible(page, '#after-widget'), 'host page intact');
      assert.equal(await page.evaluate(() => window.ArticleWidget.ready.then(() => 'resolved', () => 'rejected')), 'rejected');

      const log = await page.logs();
      assert.deepEqual(log.pageErrors, [], 'no uncaught exception or rejection');
      assert.equal(log.warnings.filter((w) => w.startsWith('[article-widget]')).length, 1, 'one warning');
      // Asked for once, and its status looked at before its bytes: nothing
      // reports the 404 page as an integrity failure (Chromium logs the 404).
      assert.equal(log.wasm.length, 1, `one request: ${log.wasm.join(', ')}`);
      assert.deepEqual(log.errors.filter((e) => /integrity/i.test(e)), [], 'no integrity report');
      const ours = log.errors.filter((e) => !/Failed to load resource.*404/.test(e));
      // Besides the browser's own: one error from the widget that says where
      // it looked and what to do.
      assert.equal(ours.length, 1, ours.join('\n'));
      assert.match(ours[0], /^\[article-widget\] could not fetch .*no-such-folder\/article-widget\.wasm.*HTTP 404\n/);
      assert.match(ours[0], /looked for at http:\/\/127\.0\.0\.1:\d+\/no-such-folder\/article-widget\.wasm\..*setWasmUrl\(url\).*README, "Bundlers"/s);
      await page.screenshot(join(ARTIFACTS, `missing-wasm-${engine.name}.png`));
      await page.close();
    });

    test('under the strict CSP with Trusted Types the widget works and nothing is violated', T, async () => {
      const page = await browser.open('/strict.html', { routes: { '/strict.html': { body: INDEX, csp: STRICT_CSP } } });
      await waitForArticle(page, SEED_SLUG);
      assert.equal(await page.evaluate(() => typeof window.trustedTypes?.createPolicy), 'function',
        `${engine.name} enforces Trusted Types`);
      // Navigation assigns innerHTML again, through the policy.
      await page.click(link(OTHER));
      await waitForArticle(page, OTHER);
      // The playground too (a lazy widget): an attribute, and typed Markdown.
      await page.evaluate(() => {
        const select = document.querySelector('#playground-controls select[name="theme"]');
        select.value = 'dark';
        select.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await page.click(['#playground-controls textarea']);
      await page.type('# Typed\n\nUnder the *strict* policy.');
      await page.waitForFunction(() => document.querySelector('#playground-widget').shadowRoot?.querySelector('.aw-body h2')?.textContent === 'Typed');
      assert.equal(await page.evaluate(() => document.querySelector('#playground-widget').getAttribute('theme')), 'dark');
      assert.deepEqual(await page.evaluate(() => window.__awViolations), [], 'no CSP violation reported');
      await assertClean(page);
      await page.close();
    });

    test('the CSP checks are real: without wasm-unsafe-eval or the policy name, the widget fails cleanly (csp-blocked)', T, async (t) => {
      for (const csp of [
        STRICT_CSP.replace(" 'wasm-unsafe-eval'", ''),
        STRICT_CSP.replace('trusted-types article-widget', "trusted-types 'none'"),
      ]) {
        const page = await browser.open('/strict.html', { routes: { '/strict.html': { body: INDEX, csp } } });
        await page.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:error'));
        const [ev] = await events(page);
        const log = await page.logs();
        // What this engine says, for whoever maps browser messages to codes.
        t.diagnostic(`${csp.includes('wasm-unsafe-eval') ? "trusted-types 'none'" : "no 'wasm-unsafe-eval'"}: `
          + `detail ${JSON.stringify(ev.detail)}; console errors ${JSON.stringify(log.errors)}`);
        assert.equal(ev.detail.code, 'csp-blocked', `${csp}: ${ev.detail.message}`);
        assert.ok(await visible(page, 'main > article-widget .widget-fallback'), 'fallback shown');
        assert.ok(await visible(page, '#after-widget'), 'host page intact');
        assert.deepEqual(log.pageErrors, [], 'no uncaught exception or rejection');
        assert.ok((await page.evaluate(() => window.__awViolations)).length > 0, 'the browser reported the violation');
        await page.close();
      }
    });

    // Issue 18: the look costs less at first paint (web/src/widget.css):
    // the trending box alone is a size container, hyphenation only on a
    // narrow screen, balancing only for the title. What a reader sees of
    // it stays: the list's columns follow the widget's width.
    test('the look at 320 px and 1280 px: trending columns, hyphenation on a narrow screen only, a balanced title', T, async () => {
      const look = async (width) => {
        const page = await browser.open('/', { viewport: { width, height: 800 } });
        await waitForArticle(page, SEED_SLUG);
        const r = await page.evaluate(() => {
          const root = document.querySelector('main > article-widget').shadowRoot;
          const style = (sel) => getComputedStyle(root.querySelector(sel));
          return {
            columns: style('.aw-trending-list').gridTemplateColumns.split(' ').length,
            hyphens: style('.aw-body p').hyphens,
            title: style('.aw-title').textWrapStyle,
          };
        });
        await assertClean(page);
        await page.close();
        return r;
      };
      assert.deepEqual(await look(320), { columns: 1, hyphens: 'auto', title: 'balance' });
      assert.deepEqual(await look(1280), { columns: 3, hyphens: 'manual', title: 'balance' });
    });

    // Issue 19: the rest of a run of more than 256 characters without a
    // break opportunity goes into a span that may break anywhere, so that
    // it is laid out in linear time (src/run_breaks.h). Neither the
    // wrapping of long URLs on a phone nor the text may change.
    test('long runs at 320 px: long URLs and unbreakable runs wrap inside the widget, and what a reader selects is the text', T, async () => {
      const page = await browser.open('/', { viewport: { width: 320, height: 640 } });
      const url = `https://example.com/${'a'.repeat(40)}/${'b'.repeat(140)}`; // 201 characters: an ordinary long URL
      const longUrl = `https://example.com/${'c'.repeat(300)}`;
      const run = 'x'.repeat(600);
      const r = await page.evaluate(async ({ url, longUrl, run }) => {
        await window.ArticleWidget.ready;
        const host = document.createElement('article-widget');
        document.querySelector('main').append(host);
        const ready = new Promise((resolve) => host.addEventListener('article-widget:ready', resolve, { once: true }));
        // The last paragraph: 400 NULs, which the renderer writes as U+FFFD.
        window.ArticleWidget.mount(host, { markdown: `Read ${url} now.\n\nSee ${longUrl}\n\n${run}\n\n${'\0'.repeat(400)}` });
        await ready;
        const paragraphs = [...host.shadowRoot.querySelectorAll('.aw-body p')];
        const links = [...host.shadowRoot.querySelectorAll('.aw-body a')];
        const selected = paragraphs.map((p) => {
          const range = document.createRange();
          range.selectNodeContents(p);
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          return selection.toString();
        });
        const rights = (el) => [...el.getClientRects()].map((rect) => rect.right);
        return {
          selected,
          text: paragraphs.map((p) => p.textContent),
          spans: paragraphs.map((p) => p.querySelectorAll('.aw-long-run').length),
          lineBreak: [...host.shadowRoot.querySelectorAll('.aw-long-run')].map((el) => getComputedStyle(el).lineBreak),
          links: links.map((a) => ({ href: a.href, text: a.textContent, lines: a.getClientRects().length })),
          right: Math.max(...paragraphs.flatMap(rights), ...links.flatMap(rights)),
          pageWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
        };
      }, { url, longUrl, run });
      const texts = [`Read ${url} now.`, `See ${longUrl}`, run, '\uFFFD'.repeat(400)];
      // The ordinary URL is written as before; the longer runs go on in the
      // span, which may break anywhere.
      assert.deepEqual(r.spans, [0, 1, 1, 1]);
      assert.deepEqual(r.lineBreak, ['anywhere', 'anywhere', 'anywhere']);
      assert.deepEqual(r.text, texts);
      assert.deepEqual(r.selected, texts, 'a selection (what a copy takes) holds the text alone');
      assert.deepEqual(r.links.map((l) => [l.href, l.text]), [[url, url], [longUrl, longUrl]]);
      for (const l of r.links) assert.ok(l.lines >= 3, `the URL wraps over several lines (${l.lines})`);
      assert.ok(r.right <= r.viewport, `nothing passes the right edge (${r.right} > ${r.viewport})`);
      assert.ok(r.pageWidth <= r.viewport, `no horizontal scroll (${r.pageWidth} > ${r.viewport})`);
      await assertClean(page);
      await page.close();
    });

    test('render() gives safe HTML for hostile input, and nothing runs when it is shown', T, async () => {
      const page = await browser.open('/');
      const r = await page.evaluate(async () => {
        await window.ArticleWidget.ready;
        window.__ran = [];
        window.alert = (x) => window.__ran.push(`alert(${x})`);
        const render = window.ArticleWidget.render;
        const inputs = [
          '<script>alert(1)</script>',
          'A <img src=x onerror=alert(2)> & <b>b</b>',
          '[x](javascript:alert(3))',
          '[y](JaVa&#x53;cript&colon;alert(4))',
          '![a cat](javascript:alert(5))',
          '[z](<java\tscript:alert(6)>)',
          '<a href="javascript:alert(7)">m</a>',
          '[ok](https://example.com/a?b=1&c=2)',
        ];
        const out = document.createElement('div');
        out.id = 'rendered';
        out.innerHTML = inputs.map((md) => render(md)).join(''); // this page has no Trusted Types
        document.body.append(out);
        await new Promise((res) => setTimeout(res, 300)); // time for an onerror to fire
        return {
          outputs: inputs.map((md) => render(md)),
          documented: render('# Hello\n\n[not a link](javascript:alert(1))'),
          tags: [...new Set([...out.querySelectorAll('*')].map((el) => el.localName))].sort(),
          handlers: [...out.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name).filter((n) => n.startsWith('on'))),
          urls: [...out.querySelectorAll('[href], [src]')].map((el) => new URL(el.getAttribute('href') ?? el.getAttribute('src'), document.baseURI).href),
          text: out.textContent,
          ran: window.__ran,
        };
      });
      // The README's own example, and raw HTML shown as text.
      assert.equal(r.documented, '<h1 id="hello">Hello</h1>\n<p>not a link</p>\n');
      assert.equal(r.outputs[0], '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
      assert.equal(r.outputs[2], '<p>x</p>\n', 'a refused link keeps its text');
      assert.equal(r.outputs[4], '<p>a cat</p>\n', 'a refused image shows its alt text');
      assert.deepEqual(r.tags, ['a', 'p'], 'only the renderer\'s own tags');
      assert.deepEqual(r.handlers, []);
      assert.deepEqual(r.urls, ['https://example.com/a?b=1&c=2'], 'the one safe link, and nothing else');
      for (const shown of ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '<b>b</b>', '<a href="javascript:alert(7)">m</a>']) {
        assert.ok(r.text.includes(shown), `shown as text: ${shown}`);
      }
      assert.deepEqual(r.ran, [], 'nothing ran');
      await assertClean(page);
      await page.close();
    });
  });
}
