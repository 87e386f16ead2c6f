// The embedding surface in Chromium: live attributes (article, view, theme,
// heading-level, loading, link-target, src), page Markdown, autoload off with
// scan() and setBasePath(), update()/unmount() cleaning up after themselves,
// the render event, error codes and the live region, two versions on one
// page, right-to-left, reduced motion, forced colors and the keyboard.
//
//   node --test tests/browser/embedding.test.mjs   (AW_DIST, AW_CHROMIUM)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { DIST, SEED_SLUG, readSeed, readTrending } from '../js/helpers.mjs';
import {
  T, assertClean, events, open, recordEvents, renders, state, useBrowser, waitForArticle,
} from './harness.mjs';

useBrowser();

const OTHER = readTrending().find((s) => s !== SEED_SLUG);
const HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="favicon.svg">';
const SCRIPT = '<script src="dist/article-widget.js" defer></script>';
const page = (body, head = SCRIPT) => `${HEAD}${head}</head><body>${body}</body></html>`;

// Evaluates `fn` against the widget's shadow root.
function inWidget(p, selector, fn, arg) {
  return p.locator(selector).evaluate((host, [source, a]) => {
    // eslint-disable-next-line no-new-func -- test-side only, never in the shim
    return new Function('root', 'host', 'arg', `return (${source})(root, host, arg);`)(host.shadowRoot, host, a);
  }, [fn.toString(), arg]);
}

test('heading-level shifts every heading live, clamped at 6', T, async () => {
  const { page: p, context, log } = await open('/__h.html', { routes: { '/__h.html': page('<article-widget id="w"></article-widget>') } });
  await waitForArticle(p, SEED_SLUG, '#w');
  const levels = () => inWidget(p, '#w', (root) => [...root.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => h.localName));
  assert.deepEqual([...new Set(await levels())], ['h2']);
  await p.locator('#w').evaluate((el) => el.setAttribute('heading-level', '4'));
  assert.deepEqual([...new Set(await levels())], ['h4']);
  await p.locator('#w').evaluate((el) => el.setAttribute('heading-level', '9'));
  assert.deepEqual([...new Set(await levels())], ['h6']);
  // An article with sections: they sit at the title's level, then below.
  await p.locator('#w').evaluate((el, slug) => {
    el.setAttribute('heading-level', '3');
    el.setAttribute('article', slug);
  }, 'embedding-the-widget');
  const shifted = await levels();
  assert.equal(shifted[0], 'h3', 'trending heading');
  assert.ok(shifted.includes('h3') && shifted.every((h) => h >= 'h3'), shifted.join());
  assertClean(log);
  await context.close();
});

test('theme: auto follows the scheme and an ancestor data-aw-theme; light and dark win; live', T, async () => {
  const body = '<div id="zone"><article-widget id="w" view="article"></article-widget></div>';
  // Reduced motion: colors are read at once, not mid-transition.
  const { page: p, context, log } = await open('/__t.html', {
    routes: { '/__t.html': page(body) }, colorScheme: 'dark', context: { reducedMotion: 'reduce' },
  });
  await waitForArticle(p, SEED_SLUG, '#w');
  const look = () => inWidget(p, '#w', (root) => {
    const frame = root.querySelector('.aw-frame');
    return { theme: frame.dataset.theme, bg: getComputedStyle(frame).backgroundColor, link: getComputedStyle(root.querySelector('.aw-back-to-top')).color };
  });
  const auto = await look();
  assert.equal(auto.theme, 'auto');
  assert.equal(auto.bg, 'rgba(0, 0, 0, 0)', 'auto: the page shows through');
  assert.equal(auto.link, 'rgb(138, 180, 248)', 'auto in a dark scheme: dark link color');

  await p.locator('#zone').evaluate((el) => el.setAttribute('data-aw-theme', 'light'));
  await p.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.aw-frame').dataset.theme === 'light');
  const light = await look();
  assert.equal(light.bg, 'rgb(255, 255, 255)');
  assert.equal(light.link, 'rgb(11, 87, 208)');

  await p.locator('#w').evaluate((el) => el.setAttribute('theme', 'dark'));
  const dark = await look();
  assert.equal(dark.theme, 'dark', 'the element attribute beats the ancestor');
  assert.equal(dark.bg, 'rgb(22, 23, 26)');

  // Tokens from the page reach inside.
  await p.locator('#w').evaluate((el) => el.style.setProperty('--aw-color-link', 'rgb(1, 2, 3)'));
  assert.equal((await look()).link, 'rgb(1, 2, 3)');
  assertClean(log);
  await context.close();
});

test('Markdown from the page: an inline script child and src=URL, same policy; link-target', T, async () => {
  const md = '# Notes\n\nHello <b>bold</b> [bad](javascript:alert(1)) and [out](https://example.com/x).\n';
  const body = `<article-widget id="inline" link-target="_blank" heading-level="3"><script type="text/markdown">${md}</script></article-widget>
<article-widget id="remote-widget" src="/notes.md"><p>fallback</p></article-widget>
<article-widget id="missing-widget" src="/missing.md"><p id="kept">still here</p></article-widget>`;
  const { page: p, context, log } = await open('/__md.html', {
    routes: {
      '/__md.html': page(body),
      '/notes.md': { body: '## Remote\n\nFrom a *file*.', contentType: 'text/markdown' },
      '/notes2.md': { body: '## Second\n\nAnother file.', contentType: 'text/markdown' },
    },
  });
  await p.waitForFunction(() => window.__awRender.length >= 2 && window.__aw.some((e) => e.type === 'article-widget:error'));
  const inline = await inWidget(p, '#inline', (root) => ({
    heading: root.querySelector('.aw-body h3')?.textContent,
    html: root.querySelector('.aw-body p').innerHTML,
    target: root.querySelector('a[href="https://example.com/x"]').getAttribute('target'),
    scripts: root.querySelectorAll('script').length,
  }));
  assert.equal(inline.heading, 'Notes');
  assert.match(inline.html, /Hello &lt;b&gt;bold&lt;\/b&gt; bad and <a /, 'raw HTML escaped, javascript: link dropped');
  assert.equal(inline.target, '_blank');
  assert.equal(inline.scripts, 0);
  const withTarget = await inWidget(p, '#inline', (root) => root.querySelector('.aw-body').outerHTML);
  await p.locator('#inline').evaluate((el) => el.removeAttribute('link-target'));
  assert.equal(await inWidget(p, '#inline', (root) => root.querySelector('a[rel]').hasAttribute('target')), false);
  // The renderer writes link-target: the same DOM as the script's old way,
  // setting it on the rendered links marked rel="noopener".
  assert.equal(await inWidget(p, '#inline', (root) => {
    const body = root.querySelector('.aw-body').cloneNode(true);
    for (const a of body.querySelectorAll('a[rel~="noopener"]')) a.setAttribute('target', '_blank');
    return body.outerHTML;
  }), withTarget);

  // "##" under the default heading level (2) is an h3, as in an article.
  assert.equal(await inWidget(p, '#remote-widget', (root) => root.querySelector('.aw-body h3')?.textContent), 'Remote');
  // src reacts live too.
  await p.locator('article-widget#remote-widget').evaluate((el) => el.setAttribute('src', '/notes2.md'));
  await p.waitForFunction(() => document.querySelector('#remote-widget').shadowRoot.querySelector('.aw-body h3')?.textContent === 'Second');
  const error = (await events(p)).find((e) => e.type === 'article-widget:error');
  assert.equal(error.target, 'missing-widget');
  assert.equal(error.detail.code, 'fetch-failed');
  assert.match(error.detail.message, /missing\.md: HTTP 404/);
  assert.ok(await p.locator('#kept').isVisible(), 'fallback kept');
  assert.equal(await inWidget(p, '#missing-widget', (root) => root.querySelector('[role="status"]').textContent),
    'This article could not be loaded.', 'announced in the live region');
  assert.equal(log.warnings.filter((w) => w.startsWith('[article-widget]')).length, 1);
  await context.close();
});

test('article-widget:render tells the slug, headings, word count and reading time', T, async () => {
  const { page: p, context, log } = await open('/');
  await waitForArticle(p, SEED_SLUG);
  await p.locator('main > article-widget .aw-trending-link[data-aw-slug="embedding-the-widget"]').click();
  await waitForArticle(p, 'embedding-the-widget');
  const [first, second] = await renders(p);
  const words = readSeed().paragraphs.join(' ').split(/\s+/).length;
  assert.deepEqual(first.detail, { slug: SEED_SLUG, headings: [], words, minutes: Math.ceil(words / 230) });
  assert.equal(second.detail.slug, 'embedding-the-widget');
  assert.deepEqual(second.detail.headings.map((h) => [h.level, h.text]),
    [[3, 'Choosing what it shows'], [3, 'What happens when it loads']], '"##" under the h2 title');
  assert.ok(second.detail.headings.every((h) => /^[a-z0-9-]+$/.test(h.id)));
  assertClean(log);
  await context.close();
});

// What Chromium's accessibility tree reads for the byline: its text nodes
// in order, as a screen reader reads them in line (CDP, the real tree).
async function bylineAsRead(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const texts = (n) => (n.role?.value === 'StaticText' ? [n.name.value] : (n.childIds ?? []).flatMap((id) => texts(byId.get(id))));
  const byline = nodes.find((n) => n.role?.value === 'paragraph' && texts(n).some((t) => /min read/.test(t)));
  return texts(byline).join('');
}

test('the byline reads right to assistive technology: date · source · reading time · words', T, async () => {
  const { page: p, context, log } = await open('/');
  await waitForArticle(p, SEED_SLUG);
  const words = readSeed().paragraphs.join(' ').split(/\s+/).length;
  assert.equal(await bylineAsRead(p), `September 26, 2012 · Wire report · ${Math.ceil(words / 230)} min read · ${words} words`);
  assertClean(log);
  await context.close();
});

test('loading="lazy" fetches nothing until the widget nears the viewport', T, async () => {
  const body = '<div style="height: 3000px">spacer</div><article-widget id="w" loading="lazy"></article-widget>';
  // style attribute above: the test page CSP would refuse it, so serve without.
  const { page: p, context, log } = await open('/__lazy.html', { routes: { '/__lazy.html': { body: page(body), csp: false } } });
  await p.waitForLoadState('load');
  await p.waitForTimeout(500);
  assert.deepEqual(log.wasm, [], 'no .wasm request yet');
  assert.equal(await inWidget(p, '#w', (root) => root.querySelector('.aw-frame').dataset.state), 'idle');
  await p.locator('#w').scrollIntoViewIfNeeded();
  await waitForArticle(p, SEED_SLUG, '#w');
  assert.equal(log.wasm.length, 1);
  assertClean(log);
  await context.close();
});

test('the classic script starts the .wasm download as it runs, not at the first mount', T, async () => {
  // A script at the end of the body, without defer: [data-article-widget]
  // elements mount at DOMContentLoaded, after the inline script below ran;
  // the download must have started before it.
  const body = `<div id="w" data-article-widget></div><script src="dist/article-widget.js"></script>
<script>window.__afterScript = performance.now();</script>`;
  const { page: p, context, log } = await open('/__early.html', { routes: { '/__early.html': { body: page(body, ''), csp: false } } });
  await waitForArticle(p, SEED_SLUG, '#w');
  const { started, afterScript } = await p.evaluate(() => ({
    started: performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith('.wasm')).startTime,
    afterScript: window.__afterScript,
  }));
  assert.ok(started < afterScript, `the .wasm was requested at ${started} ms, after the next script (${afterScript} ms)`);
  assert.equal(log.wasm.length, 1, 'one request, shared with the mount');
  assertClean(log);
  await context.close();
});

test('a page whose widgets are all loading="lazy" fetches nothing when the script runs', T, async () => {
  const body = `<div style="height: 3000px">spacer</div><article-widget id="a" loading="lazy"></article-widget>
<div id="b" data-article-widget data-loading="lazy"></div><script src="dist/article-widget.js"></script>`;
  const { page: p, context, log } = await open('/__lazy-all.html', { routes: { '/__lazy-all.html': { body: page(body, ''), csp: false } } });
  await p.waitForLoadState('load');
  await p.waitForTimeout(500);
  assert.deepEqual(log.wasm, [], 'no .wasm request');
  await p.locator('#b').scrollIntoViewIfNeeded();
  await waitForArticle(p, SEED_SLUG, '#b');
  assert.equal(log.wasm.length, 1);
  assertClean(log);
  await context.close();
});

test('data-autoload="false": nothing mounts; setBasePath() then scan() does; unmount() leaves nothing behind', T, async () => {
  // Counts window/document listeners and live observers the page creates.
  const instrument = () => {
    const live = new Set();
    window.__live = live;
    for (const target of [window, document]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      target.addEventListener = (type, fn, o) => { if (!o?.once) live.add(`${target === window ? 'window' : 'document'}:${type}:${fn.name}#${(fn.__id ??= Math.random())}`); return add(type, fn, o); };
      target.removeEventListener = (type, fn, o) => { live.delete(`${target === window ? 'window' : 'document'}:${type}:${fn.name}#${fn.__id}`); return remove(type, fn, o); };
    }
    for (const name of ['MutationObserver', 'IntersectionObserver']) {
      const Base = window[name];
      window[name] = class extends Base {
        observe(...a) { live.add(this); return super.observe(...a); }
        disconnect() { live.delete(this); return super.disconnect(); }
      };
    }
  };
  const js = readFileSync(join(DIST, 'article-widget.js'), 'utf8');
  const body = page(`<article-widget id="a"><p>fa</p></article-widget>
<div id="b" data-article-widget view="trending"></div><article-widget id="c" loading="lazy"></article-widget>`,
  '<script src="/elsewhere/article-widget.js" data-autoload="false" defer></script>');
  const { page: p, context, log } = await open('/__auto.html', {
    routes: { '/__auto.html': body, '/elsewhere/article-widget.js': { body: js, contentType: 'text/javascript' } },
  });
  await p.addInitScript(instrument);
  await p.reload();
  await p.waitForLoadState('load');
  await p.waitForTimeout(300);
  assert.deepEqual(log.wasm, [], 'nothing loads');
  assert.equal(await p.evaluate(() => !!document.querySelector('#a').shadowRoot), false, 'nothing mounted');
  const baseline = await p.evaluate(() => window.__live.size);

  const r = await p.evaluate(async () => {
    const AW = window.ArticleWidget;
    const took = AW.setBasePath('/dist/');
    const handles = AW.scan(document);
    await AW.ready;
    await new Promise((res) => setTimeout(res, 100));
    const again = AW.scan(document).length;
    const mounted = window.__live.size;
    handles.find((h) => h.element.id === 'b').update({ view: 'full', article: 'writing-an-article' });
    const updated = document.querySelector('#b').shadowRoot.querySelector('.aw-article')?.dataset.awSlug;
    for (const h of handles) h.unmount();
    return { took, count: handles.length, again, mounted, updated, after: window.__live.size, lateBase: AW.setBasePath('/x/') };
  });
  assert.equal(r.took, true);
  assert.equal(r.count, 3);
  assert.equal(r.again, 3, 'scanning again returns the same widgets');
  assert.ok(r.mounted > baseline, 'mounting added listeners/observers');
  assert.equal(r.updated, 'writing-an-article', 'handle.update(options)');
  assert.equal(r.after, baseline, 'unmount removed every listener and observer it added');
  assert.equal(r.lateBase, false, 'setBasePath after loading is refused');
  assert.match(log.wasm[0], /\/dist\/article-widget\.wasm\?v=/);
  assert.ok(await p.locator('#a p').isVisible(), 'light DOM back');
  assertClean(log);
  await context.close();
});

test('two versions on one page: defined once, one warning, still working', T, async () => {
  const js = readFileSync(join(DIST, 'article-widget.js'), 'utf8');
  const version = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8')).version;
  const other = js.replaceAll(JSON.stringify(version), '"99.0.0"');
  assert.notEqual(other, js);
  const body = page('<article-widget id="w"></article-widget>',
    `${SCRIPT}<script src="/v99/article-widget.js" defer></script><script type="module" src="dist/article-widget.mjs"></script>`);
  const { page: p, context, log } = await open('/__two.html', {
    routes: { '/__two.html': body, '/v99/article-widget.js': { body: other, contentType: 'text/javascript' } },
  });
  await waitForArticle(p, SEED_SLUG, '#w');
  await p.waitForTimeout(300);
  const warnings = log.warnings.filter((w) => w.startsWith('[article-widget]'));
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /99\.0\.0/);
  assert.equal((await events(p)).filter((e) => e.type === 'article-widget:ready').length, 1);
  assertClean(log);
  await context.close();
});

test('right-to-left, reduced motion and forced colors are respected', T, async () => {
  const body = '<article-widget id="w" dir="rtl" lang="ar"></article-widget>';
  let { page: p, context, log } = await open('/__rtl.html', { routes: { '/__rtl.html': page(body) }, context: { reducedMotion: 'reduce' } });
  await waitForArticle(p, SEED_SLUG, '#w');
  const rtl = await inWidget(p, '#w', (root) => {
    const item = root.querySelector('.aw-trending-item');
    const link = item.querySelector('a');
    return {
      dir: getComputedStyle(root.querySelector('.aw-body p')).direction,
      numberOnTheRight: link.getBoundingClientRect().right < item.getBoundingClientRect().right - 8,
      transition: getComputedStyle(root.querySelector('.aw-back-to-top')).transitionDuration,
    };
  });
  assert.deepEqual(rtl, { dir: 'rtl', numberOnTheRight: true, transition: '0s' });
  assertClean(log);
  await context.close();

  ({ page: p, context, log } = await open('/__rtl.html', { routes: { '/__rtl.html': page('<article-widget id="w"></article-widget>') }, context: { forcedColors: 'active' } }));
  await waitForArticle(p, SEED_SLUG, '#w');
  const forced = await inWidget(p, '#w', (root) => ({
    current: getComputedStyle(root.querySelector('[aria-current="page"]')).textDecorationLine,
    transition: getComputedStyle(root.querySelector('.aw-back-to-top')).transitionDuration,
  }));
  assert.equal(forced.current, 'underline', 'the current article is not marked by color alone');
  assert.notEqual(forced.transition, '0s', 'motion is on when not asked otherwise');
  assertClean(log);
  await context.close();
});

test('keyboard: every control is reachable and visibly focused', T, async () => {
  const { page: p, context, log } = await open('/');
  await waitForArticle(p, SEED_SLUG);
  await p.locator('#before-widget').click();
  const seen = [];
  for (let i = 0; i < 20; i++) {
    await p.keyboard.press('Tab');
    const f = await p.evaluate(() => {
      const host = document.querySelector('article-widget');
      const el = host.shadowRoot.activeElement;
      if (!el) return document.activeElement === host ? 'host' : null;
      const s = getComputedStyle(el);
      return { cls: el.className, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
    });
    if (f && f.cls) seen.push(f);
    else if (seen.length) break;
  }
  const total = await p.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelectorAll('a[href]').length);
  assert.equal(seen.length, total, 'every link reached by Tab');
  assert.ok(seen.every((f) => f.outline), JSON.stringify(seen));
  assert.match(seen.at(-1).cls, /aw-back-to-top/);
  // Back to "Back to top" (Tab left the widget), Enter: focus on the title.
  await p.keyboard.press('Shift+Tab');
  await p.keyboard.press('Enter');
  assert.match(await p.evaluate(() => document.querySelector('article-widget').shadowRoot.activeElement?.className), /aw-title/);
  assertClean(log);
  await context.close();
});

test('the test page playground drives a lazy widget through its attributes', T, async () => {
  const { page: p, context, log } = await open('/');
  await waitForArticle(p, SEED_SLUG);
  assert.equal(await p.evaluate(() => document.querySelector('#playground-widget').shadowRoot.querySelector('.aw-frame').dataset.state), 'idle');
  await p.locator('#playground').scrollIntoViewIfNeeded();
  await waitForArticle(p, SEED_SLUG, '#playground-widget');
  const controls = p.locator('#playground-controls');
  await controls.locator('select[name="article"]').selectOption(OTHER);
  await waitForArticle(p, OTHER, '#playground-widget');
  await controls.locator('select[name="theme"]').selectOption('dark');
  await controls.locator('select[name="heading-level"]').selectOption('4');
  const s = await inWidget(p, '#playground-widget', (root) => ({
    theme: root.querySelector('.aw-frame').dataset.theme, title: root.querySelector('.aw-title').localName,
  }));
  assert.deepEqual(s, { theme: 'dark', title: 'h4' });
  await controls.locator('textarea[name="markdown"]').fill('# Mine\n\nTyped *here*.');
  await p.waitForFunction(() => document.querySelector('#playground-widget').shadowRoot.querySelector('.aw-body h4')?.textContent === 'Mine');
  await controls.locator('textarea[name="markdown"]').fill('');
  await waitForArticle(p, OTHER, '#playground-widget');
  const logged = await p.locator('#playground-events li').allTextContents();
  assert.ok(logged.some((l) => l.startsWith('render {"slug":null')), logged.join('\n'));
  assertClean(log);
  await context.close();
});

// The ES module from a page script of its own (the strict CSP refuses inline ones).
async function openModulePage(app) {
  const body = page('<div id="target"></div>', '<script type="module" src="/__app.mjs"></script>');
  return open('/__esm.html', {
    routes: { '/__esm.html': body, '/__app.mjs': { body: app, contentType: 'text/javascript' } },
  });
}

test('the ES module downloads nothing on import; the first mount or awaiting ready does', T, async () => {
  const { page: p, context, log } = await openModulePage(`import * as aw from '/dist/article-widget.mjs';
window.aw = aw;
window.__imported = true;`);
  await p.waitForFunction(() => window.__imported === true);
  await p.waitForTimeout(300);
  assert.deepEqual(log.wasm, [], 'nothing fetched on import');
  assert.equal(await p.evaluate(() => typeof window.aw.ready.then), 'function');
  assert.deepEqual(log.wasm, [], 'reading ready fetches nothing either');
  await p.evaluate(() => window.aw.ready);
  assert.equal(log.wasm.length, 1, 'awaiting ready fetched the .wasm once');
  await p.evaluate(() => window.aw.mount(document.getElementById('target'), { view: 'trending' }));
  await p.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:ready'));
  assert.equal(log.wasm.length, 1, 'one module per page');
  assertClean(log);
  await context.close();
});

test('page Markdown whose HTML would pass the output bound: fallback, output-too-large, the page carries on', T, async () => {
  // 128 columns of one-cell rows: 4.5 KB of Markdown, 2.6 MB of HTML unbounded.
  const { page: p, context, log } = await openModulePage(`import { mount, render } from '/dist/article-widget.mjs';
document.getElementById('target').innerHTML = '<p id="kept">Read the notes elsewhere.</p>';
const md = '|h'.repeat(128) + '|\\n' + '|-'.repeat(128) + '|\\n' + 'x\\n'.repeat(2000);
mount(document.getElementById('target'), { markdown: md });
window.addEventListener('article-widget:error', () => { window.after = render('still *fine*'); });`);
  await p.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:error'));
  const [error] = await events(p);
  assert.equal(error.detail.code, 'output-too-large');
  assert.equal(error.detail.message, 'the HTML would be larger than 32 times the input plus 64 KiB');
  assert.ok(await p.locator('#kept').isVisible(), 'fallback kept');
  assert.equal(await inWidget(p, '#target', (root) => root.querySelectorAll('table').length), 0, 'no partial table');
  assert.equal(await p.evaluate(() => window.after), '<p>still <em>fine</em></p>\n', 'the module keeps working');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('setWasmUrl() tells the ES module where the .wasm is, before the first mount', T, async () => {
  // Wrong on purpose: the error names the URL given, so the override is what was used.
  let { page: p, context, log } = await openModulePage(`import { mount, setWasmUrl } from '/dist/article-widget.mjs';
window.took = setWasmUrl('/somewhere-else/article-widget.wasm');
mount(document.getElementById('target'));`);
  await p.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:error'));
  assert.equal(await p.evaluate(() => window.took), true);
  const [error] = await events(p);
  assert.equal(error.detail.code, 'fetch-failed');
  assert.match(error.detail.message, /\/somewhere-else\/article-widget\.wasm\?v=[0-9a-f]{16}: HTTP 404/);
  assert.ok(log.errors.some((e) => e.includes('looked for at') && e.includes('/somewhere-else/article-widget.wasm')));
  await context.close();

  ({ page: p, context, log } = await openModulePage(`import { mount, setWasmUrl } from '/dist/article-widget.mjs';
setWasmUrl(new URL('/dist/article-widget.wasm', location.href));
mount(document.getElementById('target'));
window.late = setWasmUrl('/elsewhere.wasm');`));
  await waitForArticle(p, SEED_SLUG, '#target');
  assert.equal(await p.evaluate(() => window.late), false, 'too late once loading started');
  assert.equal(log.warnings.filter((w) => w.includes('setWasmUrl() called after the module started loading')).length, 1);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a .wasm URL answering with an HTML page fails with code wasm-mime', T, async () => {
  const context = await state.browser.newContext();
  const p = await context.newPage();
  await p.route(/\/dist\/article-widget\.wasm/, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Not here</p>' }));
  await p.addInitScript(recordEvents);
  await p.goto(state.server.url);
  await p.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:error'));
  const [ev] = await events(p);
  assert.equal(ev.detail.code, 'wasm-mime', ev.detail.message);
  assert.match(ev.detail.message, /is not WebAssembly/);
  await context.close();
});

test('a wide column keeps a readable measure; a narrow one keeps a readable size', T, async () => {
  for (const [width, min, max] of [[1920, 50, 85], [320, 25, 50]]) {
    const { page: p, context, log } = await open('/', { viewport: { width, height: 900 } });
    await waitForArticle(p, SEED_SLUG);
    const m = await p.evaluate(() => {
      // Characters per line of the longest paragraph (its last line is
      // partial, so this slightly underestimates).
      const paras = [...document.querySelector('article-widget').shadowRoot.querySelectorAll('.aw-body p')];
      const para = paras.sort((x, y) => y.textContent.length - x.textContent.length)[0];
      const s = getComputedStyle(para);
      const lines = Math.round(para.getBoundingClientRect().height / parseFloat(s.lineHeight));
      return { perLine: para.textContent.length / lines, size: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight) / parseFloat(s.fontSize) };
    });
    assert.ok(m.perLine >= min && m.perLine <= max, `${m.perLine.toFixed(0)} characters a line at ${width}px`);
    assert.ok(m.size >= 16 && m.lineHeight >= 1.45 && m.lineHeight <= 1.75, JSON.stringify(m));
    assertClean(log);
    await context.close();
  }
});
