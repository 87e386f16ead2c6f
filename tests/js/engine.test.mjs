// The shim's engine (web/src/engine.js, imported as a module, no bundle)
// on the built .wasm: the facts C reports match the native CLI's, page
// Markdown is framed as `aw-render --page` frames it, errors carry codes,
// and memory a huge render grew is given back by a fresh instance.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { createEngine } from '../../web/src/engine.js';
import { CLI, CONTENT, DIST, SEED_SLUG, readSeed, requireFile } from './helpers.mjs';

let engine;
before(async () => {
  const bytes = readFileSync(requireFile(join(DIST, 'article-widget.wasm'), 'run scripts/build (or set AW_DIST)'));
  engine = await createEngine(await WebAssembly.compile(bytes));
  requireFile(CLI, 'run scripts/build (or set AW_CLI)');
});

const cli = (args) => execFileSync(CLI, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

test('the catalog comes from the content section, trending order first', () => {
  assert.deepEqual(engine.catalog, JSON.parse(cli(['--catalog'])));
  assert.equal(engine.indexOf(SEED_SLUG), engine.catalog.findIndex((a) => a.slug === SEED_SLUG));
  assert.equal(engine.indexOf('no-such-article'), -1);
});

test('facts of every article view are the native CLI\'s', () => {
  for (const [index, { slug }] of engine.catalog.entries()) {
    for (const level of [0, 4]) {
      engine.renderView(index, 'article', level);
      assert.deepEqual(engine.facts(), JSON.parse(cli(['--slug', slug, '--view', 'article', '--heading-level', String(level || 2), '--facts'])),
        `${slug} at level ${level}`);
    }
  }
  // The seed: its words as an independent count of the paragraphs.
  engine.renderView(engine.indexOf(SEED_SLUG), 'full', 0);
  const words = readSeed().paragraphs.join(' ').split(/\s+/).filter(Boolean).length;
  assert.deepEqual(engine.facts(), { words, minutes: Math.ceil(words / 230), headings: [] });
});

test('page Markdown is framed byte for byte as aw-render --page frames it, with the same facts', () => {
  for (const name of readdirSync(CONTENT).filter((n) => n.endsWith('.md'))) {
    const path = join(CONTENT, name);
    const html = engine.renderMarkdown(readFileSync(path, 'utf8'), 3, true);
    assert.equal(html, cli(['--page', path, '--heading-level', '3']), name);
    assert.deepEqual(engine.facts(), JSON.parse(cli(['--page', path, '--heading-level', '3', '--facts'])), name);
  }
  const md = '# Top &amp; <b>x</b>\n\n## Next\n\nSome words.';
  assert.equal(engine.renderMarkdown(md, 0, true).split('\n')[0], '<article class="aw-article aw-page-article">');
  assert.deepEqual(engine.facts().headings, [
    { level: 2, id: 'top-bxb', text: 'Top & <b>x</b>' },
    { level: 3, id: 'next', text: 'Next' },
  ]);
});

test('a heading\'s text in the facts: numeric references, the XML five and Latin-1 letters decoded, other names as written', () => {
  engine.renderMarkdown('# Q&amp;A: &lt;caf&eacute;&gt; &#8212; &#x41; &hellip;\n', 0, false);
  assert.deepEqual(engine.facts().headings, [{ level: 1, id: 'qa-café-a', text: 'Q&A: <café> \u2014 A &hellip;' }]);
});

test('errors carry their code; the engine keeps working', () => {
  assert.throws(() => engine.renderMarkdown('x'.repeat(64 * 1024 * 1024 + 1), 0, false),
    (err) => err.code === 'input-too-large' && err.message === '[article-widget] input is larger than 64 MiB');
  assert.throws(() => engine.renderView(99, 'full', 0), (err) => err.code === 'render-failed' && /invalid argument/.test(err.message));
  assert.throws(() => engine.renderMarkdown(42, 0, false), TypeError);
  assert.equal(engine.renderMarkdown('*ok*', 0, false), '<p><em>ok</em></p>\n');
});

test('memory a huge render grew is given back by a fresh instance', async () => {
  const before = engine.memoryBytes();
  const html = engine.renderMarkdown('word '.repeat(4 * 1024 * 1024), 0, false); // 20 MB
  assert.ok(html.length > 20 * 1024 * 1024);
  const grown = engine.memoryBytes();
  assert.ok(grown > 32 * 1024 * 1024, `grew to ${grown}`);
  await engine.settled();
  console.log(`linear memory: ${before} bytes, ${grown} after a 20 MB render, ${engine.memoryBytes()} once renewed`);
  assert.ok(engine.memoryBytes() < grown / 4, `memory is given back: ${engine.memoryBytes()}`);
  // The new instance has the articles and renders as before.
  engine.renderView(0, 'article', 0);
  assert.equal(engine.facts().words > 0, true);
  assert.equal(engine.renderMarkdown('*ok*', 0, false), '<p><em>ok</em></p>\n');
});
