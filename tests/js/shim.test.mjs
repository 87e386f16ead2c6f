// The real ES module (dist/article-widget.mjs) with the real .wasm, in Node:
// the seed article, the catalog against content/, render() safety, errors.
//
//   node --test tests/js/*.test.mjs      (AW_DIST, AW_CONTENT, AW_SEED)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import {
  DIST, SEED_SLUG, SEED_TITLE, escapeHtml, importShim, readArticles, readSeed, readTrending,
  startTags, urlScheme,
} from './helpers.mjs';

let aw;
before(async () => {
  aw = await importShim();
});

test('exports the public surface', () => {
  for (const name of ['ready', 'articles', 'render', 'mount', 'version', 'renderView']) {
    assert.ok(name in aw, `missing export ${name}`);
  }
  assert.equal(typeof aw.ready.then, 'function');
  assert.match(aw.version, /^\d+\.\d+\.\d+/);
  let pkgVersion;
  try {
    pkgVersion = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8')).version;
  } catch {
    pkgVersion = undefined;
  }
  if (pkgVersion) assert.equal(aw.version, pkgVersion, 'version comes from dist/package.json');
  assert.throws(() => aw.mount({}), /DOM/, 'mount() without a DOM throws a clear Error');
});

test('the seed article renders with its title and every paragraph, in order', () => {
  const seed = readSeed();
  const html = aw.renderView(SEED_SLUG, 'article');
  assert.ok(html.startsWith(`<article class="aw-article" data-aw-slug="${SEED_SLUG}">`), html.slice(0, 120));
  assert.ok(
    html.includes(`<h2 class="aw-title" part="title" id="aw-title">${escapeHtml(SEED_TITLE)}</h2>`),
    'title heading',
  );
  // Contract: date, source, reading time and word count, separated by
  // spans of text (read aloud too).
  const sep = '<span class="aw-separator"> · </span>';
  const byline = new RegExp('<p class="aw-byline" part="byline"><time datetime="\\d{4}-\\d{2}-\\d{2}">[A-Z][a-z]+ \\d{1,2}, \\d{4}</time>' +
    `${sep}<span class="aw-source">[^<]+</span>${sep}<span class="aw-reading-time">(\\d+) min read</span>` +
    `${sep}<span class="aw-word-count">(\\d+) words</span></p>`);
  const m = byline.exec(html);
  assert.ok(m, `byline: ${html.slice(0, 600)}`);
  // Counted in C while rendering; here, independently, from the seed text.
  const words = seed.paragraphs.join(' ').split(/\s+/).filter(Boolean).length;
  assert.equal(Number(m[2]), words);
  assert.equal(Number(m[1]), Math.ceil(words / 230), 'reading time at 230 words a minute');
  assert.ok(html.includes('<div class="aw-body" part="body">'), 'body');
  assert.ok(html.includes('<a class="aw-back-to-top" part="back-to-top" href="#aw-title">Back to top</a>'), 'back to top');

  let at = 0;
  for (const p of seed.paragraphs) {
    const expected = `<p>${escapeHtml(p)}</p>`;
    const found = html.indexOf(expected, at);
    assert.ok(found >= 0, `paragraph missing or out of order: ${p.slice(0, 60)}…`);
    at = found + expected.length;
  }
  // Typographic quotes and apostrophes survive as UTF-8, not entities.
  assert.ok(html.includes('“China firmly supports the position of Mali,”'));
  assert.ok(html.includes('Mali’s'));
});

test('the full view is the trending list followed by the article', () => {
  const trending = readTrending();
  const titles = new Map(readArticles().map((a) => [a.slug, a.title]));
  const full = aw.renderView(SEED_SLUG, 'full');
  const nav = aw.renderView(SEED_SLUG, 'trending');
  const article = aw.renderView(SEED_SLUG, 'article');
  assert.ok(nav.startsWith('<nav class="aw-trending" part="trending" aria-label="Trending Topics">'), nav.slice(0, 100));
  assert.ok(nav.includes('<h2 class="aw-trending-heading">Trending Topics</h2>'));
  assert.equal(full.indexOf('<nav'), 0);
  assert.ok(full.indexOf('<article') > full.indexOf('</nav>'), 'nav before article');
  assert.ok(!article.includes('<nav'), 'article view has no trending list');
  assert.ok(!nav.includes('<article'), 'trending view has no article');

  const links = [...nav.matchAll(/<a class="aw-trending-link" part="link" href="#aw\/([^"]+)" data-aw-slug="([^"]+)"( aria-current="page")?>([^<]*)<\/a>/g)];
  assert.deepEqual(links.map((m) => m[2]), trending, 'one link per article, in trending.md order');
  for (const m of links) {
    assert.equal(m[1], m[2]);
    assert.equal(m[4], escapeHtml(titles.get(m[2])));
  }
  assert.deepEqual(links.filter((m) => m[3]).map((m) => m[2]), [SEED_SLUG], 'aria-current on the shown article only');

  // Default article (no slug) is the first in the trending list.
  assert.ok(aw.renderView(null, 'article').includes(`data-aw-slug="${trending[0]}"`));
});

test('articles() is the edition: the trending articles, in trending.md\'s order, as their front matter says', () => {
  const trending = readTrending();
  const expected = readArticles().filter((a) => trending.includes(a.slug));
  const list = aw.articles();
  assert.ok(Array.isArray(list));
  assert.deepEqual(list.map((a) => a.slug), trending, 'the trending list, not the archive');
  assert.ok(readArticles().length > trending.length, 'content/ holds an article of the archive alone');
  const bySlug = new Map(list.map((a) => [a.slug, a]));
  for (const fm of expected) {
    const a = bySlug.get(fm.slug);
    assert.ok(a, `articles() lacks ${fm.slug} (${fm.file})`);
    assert.deepEqual(
      { slug: a.slug, title: a.title, date: a.date, source: a.source, topics: a.topics, summary: a.summary },
      {
        slug: fm.slug, title: fm.title, date: fm.date, source: fm.source ?? a.source, topics: fm.topics,
        summary: fm.summary ?? a.summary,
      },
      fm.file,
    );
  }
  // Callers get copies.
  list[0].title = 'changed';
  list[0].topics.push('changed');
  assert.notEqual(aw.articles()[0].title, 'changed');
  assert.ok(!aw.articles()[0].topics.includes('changed'));
});

test('render() returns escaped, safe HTML', () => {
  assert.equal(aw.render('Hello *world*'), '<p>Hello <em>world</em></p>\n');
  assert.equal(aw.render(''), '');

  const raw = aw.render('<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> & "b"');
  assert.ok(!/<script/i.test(raw), raw);
  assert.ok(raw.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), raw);
  assert.ok(raw.includes('&lt;img src=x onerror=alert(1)&gt;'), raw);
  assert.ok(raw.includes('&amp;'), raw);

  const dropped = aw.render('[x](javascript:alert(1))');
  assert.ok(!dropped.toLowerCase().includes('javascript'), dropped);
  assert.ok(dropped.includes('x'), dropped);

  const hostile = [
    '[a](javascript:alert(1))',
    '[b](JaVaScRiPt:alert(1))',
    '[c](&#106;avascript:alert(1))',
    '[d](&#x6A;avascript&colon;alert(1))',
    '[e](java%0ascript:alert(1))',
    '[f](vbscript:msgbox(1))',
    '[g](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[h](file:///etc/passwd)',
    '<javascript:alert(1)>',
    '![i](javascript:alert(1))',
    '[j][ref]\n\n[ref]: javascript:alert(1)',
    '[k](<java\u0000script:alert(1)>)',
    '[l]( javascript:alert(1))',
    '<a href="javascript:alert(1)">m</a>',
    '[ok1](https://example.com/a?b=1&c=2)',
    '[ok2](mailto:desk@example.com)',
    '[ok3](/relative/path)',
    '[ok4](#section)',
  ].join('\n\n');
  const html = aw.render(hostile);
  const allowed = new Set(['', 'http', 'https', 'mailto']);
  const tags = startTags(html);
  for (const { tag, attrs } of tags) {
    assert.ok(!['script', 'iframe', 'object', 'embed', 'style', 'base', 'form', 'meta', 'link'].includes(tag), `<${tag}>`);
    for (const [name, value] of Object.entries(attrs)) {
      assert.ok(!name.startsWith('on'), `event handler attribute ${name} on <${tag}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset'].includes(name)) {
        assert.ok(allowed.has(urlScheme(value)), `<${tag} ${name}="${value}"> in:\n${html}`);
      }
    }
  }
  const hrefs = tags.filter((t) => t.tag === 'a' && t.attrs.href).map((t) => t.attrs.href);
  assert.ok(hrefs.includes('https://example.com/a?b=1&c=2'), `safe links kept: ${hrefs}`);
  assert.ok(hrefs.includes('mailto:desk@example.com'));
  assert.ok(hrefs.includes('/relative/path'));
  assert.ok(hrefs.includes('#section'));
  const external = tags.find((t) => t.attrs.href === 'https://example.com/a?b=1&c=2');
  assert.equal(external.attrs.rel, 'noopener noreferrer');

  const img = startTags(aw.render('![a cat](https://example.com/cat.png)')).find((t) => t.tag === 'img');
  assert.ok(img, 'image rendered');
  assert.equal(img.attrs.loading, 'lazy');
  assert.equal(img.attrs.alt, 'a cat');
});

test('render() handles non-ASCII and large input', () => {
  const text = 'Ünïcödé “quotes” — 日本語 🙂';
  assert.equal(aw.render(text), `<p>${text}</p>\n`);
  const big = Array.from({ length: 5000 }, (_, i) => `Paragraph ${i} with “quotes” & <tags>.`).join('\n\n');
  const html = aw.render(big);
  assert.equal(html.match(/<p>/g).length, 5000);
  assert.ok(html.includes('<p>Paragraph 4999 with “quotes” &amp; &lt;tags&gt;.</p>'));
});

test('Markdown over 64 MiB is refused with code input-too-large, before or after the copy', () => {
  const limit = 64 * 1024 * 1024;
  const tooLong = 'a'.repeat(limit + 1); // refused by the shim without copying
  assert.throws(() => aw.render(tooLong), (err) => err.code === 'input-too-large');
  const tooManyBytes = 'é'.repeat(limit / 2 + 1); // short enough to copy; the C side refuses it
  assert.throws(() => aw.render(tooManyBytes), (err) => err.code === 'input-too-large' && /larger|too large|limit/i.test(err.message));
  assert.equal(aw.render('still *fine*'), '<p>still <em>fine</em></p>\n');
});

test('errors are thrown as Error objects with a clear message, and the module keeps working', () => {
  assert.throws(() => aw.render(42), (err) => err instanceof TypeError && /\[article-widget\] render/.test(err.message));
  assert.throws(() => aw.render(null), TypeError);
  assert.throws(
    () => aw.renderView('no-such-article', 'article'),
    (err) => err instanceof Error && err.message === '[article-widget] unknown article "no-such-article"',
  );
  assert.throws(() => aw.renderView(SEED_SLUG, 'sideways'),
    (err) => err.message === '[article-widget] unknown view "sideways" (expected full, trending or article)');
  // The article is decided first; an empty or non-string slug names none (null is the first).
  assert.throws(() => aw.renderView('no-such-article', 'sideways'), /\[article-widget\] unknown article "no-such-article"/);
  assert.throws(() => aw.renderView('', 'full'), /\[article-widget\] unknown article/);
  assert.throws(() => aw.renderView(42, 'full'), /\[article-widget\] unknown article "42"/);
  assert.equal(aw.render('still *fine*'), '<p>still <em>fine</em></p>\n');
  assert.ok(aw.renderView(SEED_SLUG, 'article').includes(SEED_SLUG));
});
