// renderElement() and styleHash of the Node build (issue 18): the element
// around renderView()'s HTML, its attributes and fallback, the hash a CSP
// names its stylesheet by, and the options it refuses. The browser side
// (the element shown, adopted, replaced) is tests/browser/prerender.test.mjs.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';

import { SEED_SLUG, SEED_TITLE, importShim, readArticles, readTrending } from './helpers.mjs';

const aw = await importShim();
const OTHER = readTrending().find((s) => s !== SEED_SLUG);

// The parts of an element: its start tag, the <style>, the container's
// HTML and what follows the template.
function parts(element) {
  const m = element.match(/^(<article-widget[^>]*>)<template shadowrootmode="open"><style>([^<]*)<\/style><div class="aw-frame" data-theme="(\w+)" data-view="(\w+)" data-state="ready"><div class="aw-container" part="container">([\s\S]*)<\/div><\/div><div class="aw-live" role="status" aria-live="polite"><\/div><\/template>([\s\S]*)<\/article-widget>$/);
  assert.ok(m, `not the element's shape: ${element.slice(0, 300)}`);
  return { tag: m[1], css: m[2], theme: m[3], view: m[4], html: m[5], fallback: m[6] };
}

test('the element holds renderView()\'s HTML, the stylesheet its hash names, and a link to the article', () => {
  const p = parts(aw.renderElement(SEED_SLUG));
  assert.equal(p.html, aw.renderView(SEED_SLUG, 'full'));
  assert.match(p.tag, new RegExp(`^<article-widget article="${SEED_SLUG}" data-aw-build="[0-9a-f]{16}\\.[0-9a-f]{16}">$`));
  assert.deepEqual([p.theme, p.view], ['auto', 'full']);
  assert.equal(aw.styleHash, `sha256-${createHash('sha256').update(p.css).digest('base64')}`);
  assert.match(p.css, /^:host\{/);
  assert.equal(p.fallback, `<a href="#aw/${SEED_SLUG}">${SEED_TITLE}</a>`);
});

test('options: view, theme, heading level and link target as mount() takes them; the build id follows the HTML', () => {
  const plain = parts(aw.renderElement(SEED_SLUG));
  const p = parts(aw.renderElement(SEED_SLUG, { view: 'article', theme: 'dark', headingLevel: 3, linkTarget: '_blank' }));
  assert.match(p.html, /^<article class="aw-article"[^>]*>\s*<header class="aw-header">\s*<h3 /, 'the article view, its title at level 3');
  assert.match(p.tag, /^<article-widget article="[a-z0-9-]+" view="article" theme="dark" heading-level="3" link-target="_blank" data-aw-build="/);
  assert.deepEqual([p.theme, p.view], ['dark', 'article']);
  const id = (tag) => tag.match(/data-aw-build="([^"]+)"/)[1];
  assert.notEqual(id(p.tag), id(plain.tag));
  assert.equal(id(p.tag).split('.')[0], id(plain.tag).split('.')[0], 'the same module');
  assert.equal(id(parts(aw.renderElement(SEED_SLUG)).tag), id(plain.tag), 'the same render, the same id');
});

test('articleUrl points the links to articles at the site\'s pages, the build id unchanged; fallback as given', () => {
  const plain = parts(aw.renderElement(SEED_SLUG));
  const p = parts(aw.renderElement(SEED_SLUG, { articleUrl: '/news/{slug}/?from=aw&x="1"', fallback: '<p>Read it</p>' }));
  assert.equal(p.tag, plain.tag);
  assert.ok(p.html.includes(`href="/news/${OTHER}/?from=aw&amp;x=&quot;1&quot;" data-aw-slug="${OTHER}"`), p.html.slice(0, 800));
  assert.ok(!p.html.includes('href="#aw/'));
  assert.equal(p.fallback, '<p>Read it</p>');
  assert.equal(p.html.replace(/href="\/news\/([a-z0-9-]+)\/\?from=aw&amp;x=&quot;1&quot;"/g, 'href="#aw/$1"'), plain.html);
});

test('an article of the archive, read from disk; refused: unknown articles, page Markdown, a pattern without {slug}, a bad theme', () => {
  const archived = readArticles().map((a) => a.slug).find((s) => !readTrending().includes(s));
  if (archived) {
    const p = parts(aw.renderElement(archived));
    assert.equal(p.html, aw.renderView(archived, 'full'));
    assert.equal(p.fallback, `<a href="#aw/${archived}">Read the article</a>`, 'no title outside the edition');
  }
  assert.throws(() => aw.renderElement('no-such-article'), { code: 'unknown-article' });
  assert.throws(() => aw.renderElement(''), /unknown article/);
  assert.throws(() => aw.renderElement(SEED_SLUG, { markdown: '# Hi' }), /options\.markdown is not supported/);
  assert.throws(() => aw.renderElement(SEED_SLUG, { src: '/a.md' }), /options\.src is not supported/);
  assert.throws(() => aw.renderElement(SEED_SLUG, { articleUrl: '/news/' }), /must contain \{slug\}/);
  assert.throws(() => aw.renderElement(SEED_SLUG, { theme: 'blue' }), /unknown theme/);
  assert.throws(() => aw.renderElement(SEED_SLUG, { view: 'wide' }), /unknown view/);
});
