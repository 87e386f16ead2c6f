// The output bound through the JS API: the amplifying inputs of
// tests/conformance/amplification-inputs.mjs fail with code
// output-too-large through render(), and through the shim's engine without
// the module's memory growing past what the bound allows; the module keeps
// working; dense legitimate documents render; the native CLI gives the
// same status and message.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { createEngine } from '../../web/src/engine.js';
import { AMPLIFYING, LEGITIMATE } from '../conformance/amplification-inputs.mjs';
import { CLI, DIST, importShim, requireFile } from './helpers.mjs';

// src/errors.h: AW_OUTPUT_RATIO and AW_OUTPUT_ALLOWANCE, and errors.c's message.
const RATIO = 32;
const ALLOWANCE = 64 * 1024;
const MESSAGE = 'the HTML would be larger than 32 times the input plus 64 KiB';

let aw;
let engine; // the shim's engine on its own instance: its memory can be read
const tmp = mkdtempSync(join(tmpdir(), 'aw-output-cap-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

before(async () => {
  aw = await importShim();
  const bytes = readFileSync(requireFile(join(DIST, 'article-widget.wasm'), 'run scripts/build (or set AW_DIST)'));
  engine = await createEngine(await WebAssembly.compile(bytes));
});

// Renders `markdown` with the CLI: { status, stdout, stderr }.
function cli(markdown) {
  const file = join(tmp, 'input.md');
  writeFileSync(file, markdown);
  return spawnSync(requireFile(CLI, 'run scripts/build (or set AW_CLI)'), ['--markdown', file],
    { encoding: 'utf8', maxBuffer: 1 << 28 });
}

for (const [name, make] of Object.entries(AMPLIFYING)) {
  test(`${name}: output-too-large, and render() keeps working`, () => {
    assert.throws(() => aw.render(make()),
      (err) => err instanceof Error && err.code === 'output-too-large' && err.message === `[article-widget] ${MESSAGE}`);
    assert.equal(aw.render('still *fine*'), '<p>still <em>fine</em></p>\n');
  });

  test(`${name}: the module's memory grows no more than the bound allows`, async () => {
    const markdown = make();
    const bytes = Buffer.byteLength(markdown);
    await engine.settled(); // a renewal after the previous render is over
    const before = engine.memoryBytes();
    assert.throws(() => engine.renderMarkdown(markdown), (err) => err.code === 'output-too-large');
    // What the module may need: the input copy (3 bytes per UTF-16 unit),
    // the output up to the bound plus one buffer growth (1.5x) during which
    // the old block is still held, and md4c's own tables.
    const allowed = 3 * markdown.length + 2.5 * (RATIO * bytes + ALLOWANCE) + 16 * bytes + (1 << 20);
    const grown = engine.memoryBytes() - before;
    assert.ok(grown <= allowed, `memory grew by ${grown} bytes for ${bytes} bytes of input (allowed ${allowed})`);
    assert.equal(engine.renderMarkdown('still *fine*').html, '<p>still <em>fine</em></p>\n');
  });

  test(`${name}: the CLI fails the same way`, () => {
    const run = cli(make());
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `aw-render: ${MESSAGE}\n`);
  });
}

test('a 5,000-row table renders every row and cell', () => {
  const rows = Array.from({ length: 5000 }, (_, i) => [`Item ${i}`, String((i * 7) % 1000), `${(i % 13) - 6}%`]);
  const markdown = '| Name | Value | Change |\n|---|---:|---:|\n' + rows.map((r) => `| ${r.join(' | ')} |\n`).join('');
  assert.equal(markdown, LEGITIMATE['table, 5,000 rows of 3 cells'](), 'the same table as the figures');
  const html = aw.render(markdown);
  const body = html.slice(html.indexOf('<tbody>'));
  const cells = [...body.matchAll(/<td(?: align="right")?>([^<]*)<\/td>/g)].map((m) => m[1]);
  assert.deepEqual(cells, rows.flat());
  assert.equal(body.match(/<tr>/g).length, 5000);
  assert.ok(html.endsWith('</tbody>\n</table>\n'));
});

for (const [name, make] of Object.entries(LEGITIMATE)) {
  test(`${name}: renders, byte for byte as the CLI`, () => {
    const markdown = make();
    const html = aw.render(markdown);
    assert.ok(html.length > markdown.length);
    const run = cli(markdown);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, html);
  });
}
