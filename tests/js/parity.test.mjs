// The wasm module and the native CLI are the same C sources: they must print
// the same bytes, for every article in every view and for every content file
// rendered as plain Markdown.
//
//   AW_CLI=build/native/aw-render node --test tests/js/*.test.mjs

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { CLI, CONTENT, importShim, readArticles } from './helpers.mjs';

let aw;
before(async () => {
  if (!existsSync(CLI)) {
    throw new Error(`native CLI not found at ${CLI}: build it (scripts/build) or set AW_CLI`);
  }
  aw = await importShim();
});

function cli(args) {
  return execFileSync(CLI, args, { maxBuffer: 64 * 1024 * 1024 });
}

// First differing byte, for a readable failure.
function assertSameBytes(actual, expected, label) {
  if (Buffer.compare(actual, expected) === 0) return;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const around = (b) => JSON.stringify(b.subarray(Math.max(0, i - 40), i + 40).toString('utf8'));
  assert.fail(`${label}: differ at byte ${i} (wasm ${actual.length} bytes, CLI ${expected.length} bytes)\n` +
    `  wasm: ${around(actual)}\n  CLI:  ${around(expected)}`);
}

const articles = readArticles();

for (const { slug, file } of articles) {
  for (const view of ['article', 'full', 'trending']) {
    test(`${file}: --slug ${slug} --view ${view} is byte-identical`, () => {
      const wasm = Buffer.from(aw.renderView(slug, view), 'utf8');
      assert.ok(wasm.length > 0);
      assertSameBytes(wasm, cli(['--slug', slug, '--view', view]), `${slug} ${view}`);
    });
  }
}

// --heading-level shifts every heading the same way in both builds.
for (const level of [1, 4, 6]) {
  const { slug } = articles[0];
  test(`--slug ${slug} --view full --heading-level ${level} is byte-identical`, () => {
    const wasm = Buffer.from(aw.renderView(slug, 'full', level), 'utf8');
    assert.match(wasm.toString('utf8'), new RegExp(`<h${level} class="aw-title"`));
    assertSameBytes(wasm, cli(['--slug', slug, '--view', 'full', '--heading-level', String(level)]), `${slug} h${level}`);
  });
}

// The CLI reading a content file itself (front matter parsed at run time)
// prints what the module prints from the table embedded at build time.
for (const { slug, file } of articles) {
  test(`${file}: --article is byte-identical to the embedded article`, () => {
    const wasm = Buffer.from(aw.renderView(slug, 'article'), 'utf8');
    assertSameBytes(wasm, cli(['--article', join(CONTENT, file)]), `${file} --article`);
  });
}

const markdownFiles = readdirSync(CONTENT).filter((n) => n.endsWith('.md')).sort();
for (const name of markdownFiles) {
  test(`${name}: --markdown is byte-identical to render()`, () => {
    const path = join(CONTENT, name);
    const wasm = Buffer.from(aw.render(readFileSync(path, 'utf8')), 'utf8');
    assert.ok(wasm.length > 0);
    assertSameBytes(wasm, cli(['--markdown', path]), name);
  });
}

test('--markdown --heading-level 3 is byte-identical to render(markdown, { headingLevel: 3 })', () => {
  const path = join(CONTENT, markdownFiles[0]);
  const wasm = Buffer.from(aw.render(readFileSync(path, 'utf8'), { headingLevel: 3 }), 'utf8');
  assertSameBytes(wasm, cli(['--markdown', path, '--heading-level', '3']), `${markdownFiles[0]} h3`);
  assert.equal(aw.render('# a\n\n##### b', { headingLevel: 3 }), '<h3 id="a">a</h3>\n<h6 id="b">b</h6>\n', 'clamped at 6');
});

test('content/ holds articles to compare', () => {
  assert.ok(articles.length >= 1 && markdownFiles.length >= articles.length);
});
