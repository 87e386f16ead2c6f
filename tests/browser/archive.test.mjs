// A newsroom's archive in Chromium and Firefox ESR (engines.mjs): a few
// hundred generated articles built with the package's command, the edition
// and the archive served over HTTP from a second origin (CORS, as from a
// CDN), named by the page (data-edition). A deep link, a trending link,
// show() and links between articles each cost one request for an archive
// article, none for the edition's, and none once a hover or a focus has
// fetched it. Then every failure of issue 17's item 4 (a 404, a truncated,
// wrong or tampered file, a CORS or CSP refusal, the server gone between
// two articles): a typed article-widget:error, the article shown before
// stays (the fallback when there was none), nothing is fetched again on
// its own, and the widget goes on working.
//
//   node --test tests/browser/archive.test.mjs   (AW_ENGINES, AW_DIST)

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';

import { DIST } from '../js/helpers.mjs';
import { newsSlug, writeNewsroom } from '../js/content-folders.mjs';
import { DEFAULT_CSP } from '../../web/node/server.js';
import { ENGINES, useEngine } from './engines.mjs';
import { T } from './harness.mjs';

const COUNT = 300;
const tmp = mkdtempSync(join(tmpdir(), 'aw-archive-'));
const out = join(tmp, 'public');
// The site's pages (each with its CSP in a meta element) and the package.
const site = join(tmp, 'site');
const SERVER = { root: site, dist: DIST, csp: false };
let trending;

before(() => {
  mkdirSync(join(site, 'web'), { recursive: true });
  writeNewsroom(join(tmp, 'newsroom'), COUNT, 2);
  execFileSync(process.execPath, [join(DIST, 'article-widget-cli.mjs'), 'build', join(tmp, 'newsroom'), '--out', out],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  trending = [newsSlug(1), newsSlug(2)];
});
after(() => rmSync(tmp, { recursive: true, force: true }));

// The built folder from another origin, as a CDN serves it (CORS), counting
// the requests for each path. `answer` (path -> { status } | { body } |
// { cors: false }) changes what a path gets.
async function contentServer() {
  const served = new Map();
  const answer = new Map();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://host').pathname;
    served.set(path, (served.get(path) ?? 0) + 1);
    const how = answer.get(path) ?? {};
    const headers = { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-cache' };
    if (how.cors !== false) headers['Access-Control-Allow-Origin'] = '*';
    const file = resolve(out, `.${decodeURIComponent(path)}`);
    let body = how.body;
    if (!body && !how.status && file.startsWith(out + sep)) {
      try {
        body = readFileSync(file);
      } catch {
        // a 404 below
      }
    }
    res.writeHead(how.status ?? (body ? 200 : 404), headers);
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin, served, answer,
    count: (slug) => served.get(`/articles/${slug}.awa`) ?? 0,
    close: () => new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections();
    }),
  };
}

// The site's page, written into the site's folder: the package's script,
// the newsroom's edition from the content origin. `connect`: the CSP's
// connect-src for that origin. Returns the page's path.
let pages = 0;
function sitePage(origin, connect = origin) {
  const csp = `${DEFAULT_CSP}; connect-src 'self' ${connect}`.replace("frame-ancestors 'none'; ", '');
  const name = `archive-${++pages}.html`;
  writeFileSync(join(site, 'web', name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Newsroom</title>
<meta http-equiv="Content-Security-Policy" content="${csp}"><link rel="icon" href="data:,">
<script src="/dist/article-widget.js" data-edition="${origin}/article-widget.awe" defer></script></head>
<body><main><article-widget><p class="widget-fallback">Read the news on our site.</p></article-widget></main></body></html>
`);
  return `/${name}`;
}

const WIDGET = 'main > article-widget';
const shownSlug = (page) => page.evaluate((sel) => document.querySelector(sel).shadowRoot
  ?.querySelector('.aw-article')?.getAttribute('data-aw-slug') ?? null, WIDGET);
const waitForSlug = (page, slug) => page.waitForFunction(([sel, s]) => document.querySelector(sel).shadowRoot
  ?.querySelector('.aw-article')?.getAttribute('data-aw-slug') === s, [WIDGET, slug]);
const errors = (page) => page.evaluate(() => window.__aw.filter((e) => e.type === 'article-widget:error').map((e) => e.detail));
const go = (page, slug) => page.evaluate((s) => { location.hash = `#aw/${s}`; }, slug);
const articleLink = (slug) => [WIDGET, `.aw-body a[href="#aw/${slug}"]`];
// The links between articles of `slug`'s text (content-folders.mjs writes two).
const linksOf = (page) => page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('.aw-body a[href^="#aw/"]')]
  .map((a) => a.getAttribute('href').slice(4)), WIDGET);

// What each engine logs of its own for a request that failed (a 404, CORS,
// CSP, a refused connection) or a truncated gzip stream (Firefox): not the
// widget's.
const BROWSER_SAYS = /Failed to load resource|Cross-Origin Request Blocked|CORS|Content Security Policy|Content-Security-Policy|NetworkError|net::ERR_|blocked|Access-Control-Allow-Origin|Failed to read data from the ReadableStream/i;

// Resolves once `ok()` holds (a request has reached the server), or fails after 10 s.
async function until(ok, what) {
  for (const end = Date.now() + 10_000; !ok();) {
    if (Date.now() > end) assert.fail(`not within 10 s: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function assertNoErrorOfOurs(page) {
  const log = await page.logs();
  assert.deepEqual(log.pageErrors, [], 'no uncaught exception or rejection');
  assert.deepEqual(log.errors.filter((e) => !BROWSER_SAYS.test(e)), [], 'no console error but the browser\'s own about the request');
}

for (const engine of ENGINES) {
  describe(engine.name, () => {
    const browser = useEngine(engine, SERVER);

    test(`${COUNT} articles over HTTP: a deep link, a trending link, show() and links between articles; one request each, none after a hover or focus`, T, async () => {
      const content = await contentServer();
      const deep = newsSlug(150);
      const page = await browser.open(`${sitePage(content.origin)}#aw/${deep}`);
      try {
        await waitForSlug(page, deep);
        assert.equal(content.served.get('/article-widget.awe'), 1, 'the edition, once');
        assert.equal(content.count(deep), 1, 'a deep link: one request');
        const links = await page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('.aw-trending-link')]
          .map((a) => a.getAttribute('data-aw-slug')), WIDGET);
        assert.deepEqual(links, trending, 'the trending list is the edition\'s');

        // A trending link: the edition holds the article, nothing to fetch.
        await page.click([WIDGET, `.aw-trending-link[data-aw-slug="${trending[1]}"]`]);
        await waitForSlug(page, trending[1]);
        assert.equal(content.count(trending[1]), 0);

        // show(): one request, shared by nothing else.
        const shown = newsSlug(277);
        assert.equal(await page.evaluate(([sel, s]) => window.ArticleWidget.mount(document.querySelector(sel)).show(s), [WIDGET, shown]), true);
        await waitForSlug(page, shown);
        assert.equal(content.count(shown), 1, 'show(): one request');

        // A link between articles, hovered: fetched before the click, and the click fetches nothing.
        const [next, other] = await linksOf(page);
        assert.equal(content.count(next), 0);
        await page.hover(articleLink(next));
        await until(() => content.count(next) === 1, 'hovered: fetched ahead');
        await page.click(articleLink(next));
        await waitForSlug(page, next);
        assert.equal(content.count(next), 1, 'clicked after the hover: no request');
        assert.equal(await page.evaluate(() => location.hash), `#aw/${next}`);

        // Focused (the keyboard's way), then followed with Enter.
        const [ahead] = (await linksOf(page)).filter((s) => content.count(s) === 0);
        assert.ok(ahead, `a link of ${next} to an article not fetched yet (${await linksOf(page)}, ${other})`);
        await page.focus(articleLink(ahead));
        await until(() => content.count(ahead) === 1, 'focused: fetched ahead');
        await page.press('Enter');
        await waitForSlug(page, ahead);
        assert.equal(content.count(ahead), 1, 'followed after the focus: no request');

        // Back: the article is in the module already.
        await page.back();
        await waitForSlug(page, next);
        assert.equal(content.count(next), 1);
        assert.deepEqual(await errors(page), []);
        await assertNoErrorOfOurs(page);
      } finally {
        await page.close();
        await content.close();
      }
    });

    test('every failure is typed, the article shown stays, nothing is tried again, and the widget goes on working', T, async () => {
      const content = await contentServer();
      const file = (n) => readFileSync(join(out, 'articles', `${newsSlug(n)}.awa`));
      const raw = (n) => gunzipSync(file(n));
      const tampered = raw(31);
      tampered[200] ^= 0x20; // a letter's case, in the text: the frame's checksum no longer matches
      const cases = [
        ['a 404', 30, { status: 404 }, 'unknown-article', /HTTP 404/],
        ['the file truncated (gzip)', 31, { body: file(31).subarray(0, 300) }, 'content-invalid', /damaged/],
        ['the file truncated (as the host inflated it)', 32, { body: raw(32).subarray(0, 500) }, 'content-invalid', /truncated or damaged: 500 bytes/],
        ['the file of another article', 33, { body: file(34) }, 'content-invalid', /for 'news-000033' holds the article 'news-000034'/],
        ['the file altered (its gzip intact)', 35, { body: gzipSync(tampered) }, 'content-invalid', /fails its checksum/],
        ['an HTML page in its place', 36, { body: Buffer.from('<!doctype html><p>Not found</p>') }, 'content-invalid', /is not one/],
        ['a server error', 37, { status: 503 }, 'fetch-failed', /HTTP 503/],
        ['a CORS refusal', 38, { cors: false }, 'fetch-failed', /could not fetch .*news-000038\.awa/],
      ];
      const page = await browser.open(sitePage(content.origin));
      try {
        await waitForSlug(page, trending[0]);
        let before = trending[0];
        for (const [what, n, how, code, message] of cases) {
          const slug = newsSlug(n);
          content.answer.set(`/articles/${slug}.awa`, how);
          const seen = (await errors(page)).length;
          await go(page, slug);
          await page.waitForFunction((k) => window.__aw.filter((e) => e.type === 'article-widget:error').length > k, seen);
          const [error] = (await errors(page)).slice(seen);
          assert.equal(error.code, code, `${what}: ${error.message}`);
          assert.match(error.message, message, what);
          assert.equal(await shownSlug(page), before, `${what}: the article shown before stays`);
          // The widget goes on working: the next article comes.
          const good = newsSlug(n + 100);
          await go(page, good);
          await waitForSlug(page, good);
          before = good;
          assert.equal(content.count(slug), 1, `${what}: fetched once, not again`);
        }
        // Nothing is tried again on its own.
        await new Promise((ok) => setTimeout(ok, 500));
        for (const [, n] of cases) assert.equal(content.count(newsSlug(n)), 1, newsSlug(n));

        // The server gone between two articles (offline): the error, the
        // article stays, and the edition's articles still show.
        await content.close();
        const seen = (await errors(page)).length;
        await go(page, newsSlug(40));
        await page.waitForFunction((k) => window.__aw.filter((e) => e.type === 'article-widget:error').length > k, seen);
        const [offline] = (await errors(page)).slice(seen);
        assert.equal(offline.code, 'fetch-failed', offline.message);
        assert.equal(await shownSlug(page), before);
        await page.click([WIDGET, `.aw-trending-link[data-aw-slug="${trending[1]}"]`]);
        await waitForSlug(page, trending[1]);
        await assertNoErrorOfOurs(page);
      } finally {
        await page.close();
        await content.close();
      }
    });

    test('a CSP that lets the page fetch the edition but not the archive; a deep link to a missing article on load', T, async () => {
      const content = await contentServer();
      try {
        // connect-src names the edition's file alone: the archive's are refused.
        let page = await browser.open(sitePage(content.origin, `${content.origin}/article-widget.awe`));
        await waitForSlug(page, trending[0]);
        await go(page, newsSlug(50));
        await page.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:error'));
        const [refused] = await errors(page);
        assert.equal(refused.code, 'fetch-failed', refused.message);
        assert.match(refused.message, /news-000050\.awa.*Content-Security-Policy connect-src/);
        assert.equal(await shownSlug(page), trending[0], 'the article shown stays');
        assert.equal(content.count(newsSlug(50)), 0, 'the browser refused it: no request left');
        await page.close();

        // Nothing shown yet: the fallback stays, with the error; the next link works.
        page = await browser.open(`${sitePage(content.origin)}#aw/${newsSlug(COUNT + 1)}`);
        await page.waitForFunction(() => window.__aw.some((e) => e.type === 'article-widget:error'));
        const [missing] = await errors(page);
        assert.equal(missing.code, 'unknown-article', missing.message);
        assert.equal(await page.evaluate(() => document.querySelector('.widget-fallback').checkVisibility()), true, 'the fallback stays');
        await go(page, newsSlug(7));
        await waitForSlug(page, newsSlug(7));
        await assertNoErrorOfOurs(page);
        await page.close();
      } finally {
        await content.close();
      }
    });
  });
}
