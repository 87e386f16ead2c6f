// The shim's engine (web/src/engine.js, imported as a module, no bundle)
// on the built .wasm with dist/'s demo edition and archive: the module
// finds articles by slug and says where the file of one it does not have
// is, takes that file and refuses a wrong one, the facts it reports with
// each render match the native CLI's, page Markdown is framed as
// `aw-render --page` frames it, link-target is written by C, errors carry
// codes, and memory a huge render grew is given back by a fresh instance
// (which gets the edition, and the archive articles again as they are
// asked for).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';

import { createEngine } from '../../web/src/engine.js';
import { CLI, CONTENT, DIST, SEED_SLUG, readSeed, requireFile } from './helpers.mjs';

let engine;
const content = (path) => gunzipSync(readFileSync(join(DIST, path)));
before(async () => {
  const bytes = readFileSync(requireFile(join(DIST, 'article-widget.wasm'), 'run scripts/build (or set AW_DIST)'));
  engine = await createEngine(await WebAssembly.compile(bytes));
  engine.loadEdition(content('article-widget.awe'));
  requireFile(CLI, 'run scripts/build (or set AW_CLI)');
});

const cli = (args) => execFileSync(CLI, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
// Every article's slug, the archive's files named by the renderer.
const slugs = () => readdirSync(join(DIST, 'articles')).map((n) => n.replace(/\.awa$/, ''));
// The archive file of `slug` handed in, as a page does after fetching it.
function fetched(slug) {
  if (!engine.findArticle(slug)) engine.addArticle(slug, content(engine.archivePath(slug)));
}

test('articles() is the edition, trending order; the module finds articles by slug, or says where their file is', () => {
  const catalog = JSON.parse(cli(['--catalog']));
  assert.deepEqual(engine.articles(), catalog);
  assert.equal(engine.findArticle(SEED_SLUG), SEED_SLUG);
  assert.equal(engine.firstSlug(), catalog[0].slug);
  for (const unknown of ['no-such-article', SEED_SLUG.toUpperCase(), `${SEED_SLUG}\0`, `${SEED_SLUG} `, 'é', '', null, 42]) {
    assert.equal(engine.findArticle(unknown), null, JSON.stringify(unknown));
  }
  assert.equal(engine.archivePath('no-such-article'), 'articles/no-such-article.awa');
  for (const noSlug of [SEED_SLUG.toUpperCase(), '../x', `${SEED_SLUG}\0`, 'é', '', null]) {
    assert.equal(engine.archivePath(noSlug), null, JSON.stringify(noSlug));
  }
  assert.throws(() => engine.renderView('no-such-article', 'full'), (err) => err.code === 'unknown-article');
});

test('an archive file is taken for the article it holds, refused for another, and refused damaged', async () => {
  const e = await createEngine(await WebAssembly.compile(readFileSync(join(DIST, 'article-widget.wasm'))));
  e.loadEdition(content('article-widget.awe'));
  const slug = 'the-edition-and-the-archive'; // in content/, not on the trending list
  assert.equal(e.findArticle(slug), null);
  const path = e.archivePath(slug);
  assert.equal(path, `articles/${slug}.awa`);
  const file = content(path);
  assert.throws(() => e.addArticle('other-article', file),
    (err) => err.code === 'content-invalid' && err.message.includes(`the article file for 'other-article' holds the article '${slug}'`));
  assert.throws(() => e.addArticle(slug, file.subarray(0, file.length - 3)),
    (err) => err.code === 'content-invalid' && /truncated/.test(err.message));
  const flipped = Buffer.from(file);
  flipped[40] ^= 1;
  assert.throws(() => e.addArticle(slug, flipped), (err) => err.code === 'content-invalid' && /checksum/.test(err.message));
  assert.throws(() => e.loadEdition(file), (err) => err.code === 'content-invalid' && /the edition is not one/.test(err.message));
  assert.equal(e.findArticle(slug), null, 'nothing refused was taken');
  e.loadEdition(content('article-widget.awe'));
  e.addArticle(slug, file);
  assert.equal(e.findArticle(slug), slug);
  assert.match(e.renderView(slug, 'article').html, /<h2 class="aw-title"[^>]*>Today&#39;s Edition and the Archive<\/h2>|Today's Edition and the Archive/);
  // The trending list is the edition's: the archive article is not on it.
  assert.doesNotMatch(e.renderView(slug, 'trending').html, new RegExp(slug));
});

test('one render call gives the HTML and, when asked, the facts: every article view\'s are the native CLI\'s', () => {
  for (const slug of slugs()) {
    fetched(slug);
    for (const level of [0, 4]) {
      const args = ['--slug', slug, '--view', 'article', '--heading-level', String(level || 2)];
      const { html, facts } = engine.renderView(slug, 'article', { headingLevel: level, withFacts: true });
      assert.equal(html, cli(args), `${slug} at level ${level}`);
      assert.deepEqual(facts, JSON.parse(cli([...args, '--facts'])), `${slug} at level ${level}`);
      assert.deepEqual(engine.renderView(slug, 'article', { headingLevel: level }), { html, facts: null });
    }
  }
  // The seed: its words as an independent count of the paragraphs.
  const { facts } = engine.renderView(SEED_SLUG, 'full', { withFacts: true });
  const words = readSeed().paragraphs.join(' ').split(/\s+/).filter(Boolean).length;
  assert.deepEqual(facts, { words, minutes: Math.ceil(words / 230), headings: [] });
  // No slug: the first of the trending list.
  const first = engine.articles()[0].slug;
  assert.deepEqual(engine.renderView('', 'full', { withFacts: true }), engine.renderView(first, 'full', { withFacts: true }));
  assert.deepEqual(engine.renderView(first, 'trending', { withFacts: true }).facts, { words: 0, minutes: 1, headings: [] });
});

test('link-target: C writes the target on the links it decided are to other sites, in every frame', () => {
  const md = '[out](https://example.com/) [in](/here) [top](#aw-title) <http://example.org/x>\n';
  const bare = engine.renderMarkdown(md).html;
  assert.doesNotMatch(bare, /target=/);
  for (const target of ['_self', '_blank', '_parent', '_top']) {
    for (const framed of [false, true]) {
      const { html } = engine.renderMarkdown(md, { framed, linkTarget: target });
      // Exactly the bare render with the attribute after each rel (where the
      // widget's script used to add it): nothing else changes.
      assert.equal(html.replaceAll(` target="${target}"`, ''), framed ? engine.renderMarkdown(md, { framed }).html : bare);
      assert.equal(html.split(`rel="noopener noreferrer" target="${target}">`).length - 1, 2, `${target} ${framed}`);
      assert.equal(html.split('target=').length - 1, 2);
    }
  }
  // An article that links to another site (content/writing-an-article.md).
  fetched('writing-an-article');
  const plain = engine.renderView('writing-an-article', 'full').html;
  assert.match(plain, /rel="noopener noreferrer">/);
  assert.equal(engine.renderView('writing-an-article', 'full', { linkTarget: '_blank' }).html,
    plain.replaceAll('rel="noopener noreferrer">', 'rel="noopener noreferrer" target="_blank">'));
  assert.throws(() => engine.renderMarkdown(md, { linkTarget: '_new' }), /invalid argument/);
});

test('page Markdown is framed byte for byte as aw-render --page frames it, with the same facts', () => {
  for (const name of readdirSync(CONTENT).filter((n) => n.endsWith('.md'))) {
    const path = join(CONTENT, name);
    const { html, facts } = engine.renderMarkdown(readFileSync(path, 'utf8'), { headingLevel: 3, framed: true });
    assert.equal(html, cli(['--page', path, '--heading-level', '3']), name);
    assert.deepEqual(facts, JSON.parse(cli(['--page', path, '--heading-level', '3', '--facts'])), name);
  }
  const md = '# Top &amp; <b>x</b>\n\n## Next\n\nSome words.';
  const { html, facts } = engine.renderMarkdown(md, { framed: true });
  assert.equal(html.split('\n')[0], '<article class="aw-article aw-page-article">');
  assert.deepEqual(facts.headings, [
    { level: 2, id: 'top-bxb', text: 'Top & <b>x</b>' },
    { level: 3, id: 'next', text: 'Next' },
  ]);
});

test('a heading\'s text in the facts: numeric references, the XML five and Latin-1 letters decoded, other names as written', () => {
  const { facts } = engine.renderMarkdown('# Q&amp;A: &lt;caf&eacute;&gt; &#8212; &#x41; &hellip;\n', { withFacts: true });
  assert.deepEqual(facts.headings, [{ level: 1, id: 'qa-café-a', text: 'Q&A: <café> \u2014 A &hellip;' }]);
});

test('a bare render counts no facts unless asked (render() has no use for them); a framed one does', () => {
  const md = '# One\n\nTwo words.\n';
  assert.deepEqual(engine.renderMarkdown(md), { html: '<h1 id="one">One</h1>\n<p>Two words.</p>\n', facts: null });
  assert.deepEqual(engine.renderMarkdown(md, { withFacts: true }).facts,
    { words: 3, minutes: 1, headings: [{ level: 1, id: 'one', text: 'One' }] });
  assert.deepEqual(engine.renderMarkdown(md, { framed: true }).facts,
    { words: 3, minutes: 1, headings: [{ level: 2, id: 'one', text: 'One' }] });
  assert.equal(engine.renderMarkdown(md, { framed: true, withFacts: false }).facts, null);
});

test('errors carry their code; the engine keeps working', () => {
  // The message is the module's, also when the shim spares the copy.
  assert.throws(() => engine.renderMarkdown('x'.repeat(64 * 1024 * 1024 + 1)),
    (err) => err.code === 'input-too-large' && err.message === '[article-widget] input is larger than 64 MiB');
  assert.throws(() => engine.renderView('no-such-article', 'full'),
    (err) => err.code === 'unknown-article' && err.message === '[article-widget] unknown article "no-such-article"');
  // The module decides the article first, then the view.
  assert.throws(() => engine.renderView('no-such-article', 'sideways'), /unknown article/);
  assert.throws(() => engine.renderView(SEED_SLUG, 'sideways'), /invalid argument/);
  assert.throws(() => engine.renderMarkdown(42), TypeError);
  assert.equal(engine.renderMarkdown('*ok*').html, '<p><em>ok</em></p>\n');
});

test('memory a huge render grew is given back by a fresh instance', async () => {
  const before = engine.memoryBytes();
  const { html } = engine.renderMarkdown('word '.repeat(4 * 1024 * 1024)); // 20 MB
  assert.ok(html.length > 20 * 1024 * 1024);
  const grown = engine.memoryBytes();
  assert.ok(grown > 32 * 1024 * 1024, `grew to ${grown}`);
  await engine.settled();
  console.log(`linear memory: ${before} bytes, ${grown} after a 20 MB render, ${engine.memoryBytes()} once renewed`);
  assert.ok(engine.memoryBytes() < grown / 4, `memory is given back: ${engine.memoryBytes()}`);
  // The new instance has the edition, and the archive article handed in
  // before is handed in again when asked for.
  assert.equal(engine.renderView(SEED_SLUG, 'article', { withFacts: true }).facts.words > 0, true);
  assert.equal(engine.findArticle('the-edition-and-the-archive'), 'the-edition-and-the-archive');
  assert.match(engine.renderView('the-edition-and-the-archive', 'article').html, /the archive/);
  assert.equal(engine.renderMarkdown('*ok*').html, '<p><em>ok</em></p>\n');
});
