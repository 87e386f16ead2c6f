// Hostile sizes through the JS API: 10,000 render() calls of mixed inputs
// leave memory flat (the curve is printed; this runs first, before the huge
// inputs below grow memory for good); a 10 MB document renders; input over
// the module's limit fails with a clear Error and the module keeps working. The module's memory is observed by wrapping
// WebAssembly.instantiate before the shim loads it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { hostileCorpus } from '../browser/hostile-corpus.mjs';
import { CONTENT, importShim, readArticles } from './helpers.mjs';

let aw;
let memory;

before(async () => {
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async (...args) => {
    const result = await instantiate.apply(WebAssembly, args);
    memory = (result.instance ?? result).exports.memory;
    return result;
  };
  try {
    aw = await importShim();
  } finally {
    WebAssembly.instantiate = instantiate;
  }
  assert.ok(memory instanceof WebAssembly.Memory, 'saw the module being instantiated');
});

const MB = 1024 * 1024;

// Varied Markdown of about `size` bytes.
function document(size) {
  const block = '## Section\n\nA paragraph with *emphasis*, **strong**, `code`, [a link](https://example.com/x) '
    + 'and &copy; “quotes”.\n\n- item one\n- item [two](/two)\n\n> quoted <b>raw</b>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n';
  return block.repeat(Math.ceil(size / block.length));
}

test('10,000 render() calls of mixed inputs: memory stops growing', () => {
  const articles = readArticles(CONTENT).map((a) => readFileSync(join(CONTENT, a.file), 'utf8'));
  const inputs = [
    ...articles,
    ...hostileCorpus().map((c) => c[2]),
    '', '\u0000', '\uFEFF# bom', 'x\r\ny\rz', '\uD800 lone surrogate',
    '> '.repeat(5000) + 'deep', '*a '.repeat(5000), '[a'.repeat(5000), '# h\n'.repeat(2000),
    document(256 * 1024), document(2 * MB),
  ];
  const curve = [];
  for (let i = 1; i <= 10_000; i++) {
    const html = aw.render(inputs[(i * 7919) % inputs.length]);
    assert.equal(typeof html, 'string');
    if (i % 1000 === 0) curve.push(memory.buffer.byteLength);
  }
  console.log(`memory after every 1,000 render() calls (KiB): ${curve.map((b) => b / 1024).join(', ')}`);
  // Whatever the first calls needed, the second half needs nothing more.
  assert.equal(curve.at(-1), curve[4], `memory grew after 5,000 calls: ${curve.join(', ')}`);
});

test('a 10 MB document renders through render()', () => {
  const markdown = document(10 * MB);
  const started = performance.now();
  const html = aw.render(markdown);
  const ms = performance.now() - started;
  assert.ok(markdown.length >= 10 * MB);
  assert.ok(html.length > markdown.length, 'HTML is longer than its Markdown');
  assert.ok(html.endsWith('</table>\n'));
  assert.ok(!html.includes('<b>'));
  console.log(`10 MB document: ${(markdown.length / MB).toFixed(1)} MB in ${ms.toFixed(0)} ms`);
});

test('input over the 64 MiB limit fails with a clear Error, and the module keeps working', () => {
  assert.throws(() => aw.render('a'.repeat(64 * MB + 1)),
    (err) => err instanceof Error && err.message === '[article-widget] input is larger than 64 MiB' && err.code === 'input-too-large');
  assert.equal(aw.render('still *fine*'), '<p>still <em>fine</em></p>\n');
  assert.ok(aw.articles().length > 0);
});
