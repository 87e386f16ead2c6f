// The wasm interface is written once per side: src/wasm_exports.h (with
// wasm_module.h, errors.h, content_blob.h, article_html.h) in C,
// web/src/abi.js in JavaScript. This reads the C headers and holds the JS module to them,
// and checks the built module exports exactly that interface.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import * as abi from '../../web/src/abi.js';
import { DIST, REPO, requireFile } from './helpers.mjs';

const header = (name) => readFileSync(join(REPO, 'src', name), 'utf8');

// The value of an enumerator or #define `name` in `text`.
function cValue(text, name) {
  const m = new RegExp(`\\b${name}\\s*=\\s*(-?\\d+)|#define\\s+${name}\\s+(.+)`).exec(text);
  assert.ok(m, `${name} not found`);
  return m[1] ?? m[2].replace(/\/\*.*$/, '').trim();
}

test('ABI version, views, frames and the content section name agree with the C headers', () => {
  const exportsH = header('wasm_exports.h');
  assert.equal(Number(cValue(exportsH, 'AW_ABI_VERSION')), abi.ABI_VERSION);
  assert.equal(Number(cValue(exportsH, 'AW_FRAME_NONE')), abi.FRAME_NONE);
  assert.equal(Number(cValue(exportsH, 'AW_FRAME_ARTICLE')), abi.FRAME_ARTICLE);
  const views = header('article_html.h');
  assert.deepEqual(abi.VIEWS, {
    full: Number(cValue(views, 'AW_VIEW_FULL')),
    trending: Number(cValue(views, 'AW_VIEW_TRENDING')),
    article: Number(cValue(views, 'AW_VIEW_ARTICLE')),
  });
  assert.equal(cValue(header('content_blob.h'), 'AW_CONTENT_SECTION'), JSON.stringify(abi.CONTENT_SECTION));
});

test('status codes and the input limit agree with errors.h', () => {
  const errorsH = header('errors.h');
  assert.equal(Number(cValue(errorsH, 'AW_ERR_TOO_LARGE')), -4);
  assert.equal(abi.STATUS_ERROR_CODES[cValue(errorsH, 'AW_ERR_TOO_LARGE')], 'input-too-large');
  assert.equal(abi.STATUS_ERROR_CODES[cValue(errorsH, 'AW_ERR_OUTPUT_TOO_LARGE')], 'output-too-large');
  for (const status of Object.keys(abi.STATUS_ERROR_CODES)) {
    assert.match(errorsH, new RegExp(`AW_ERR_\\w+ = ${status}\\b`), `status ${status} exists in C`);
  }
  const limit = /#define AW_MAX_INPUT_SIZE \(\(size_t\)(\d+) \* (\d+) \* (\d+)\)/.exec(errorsH);
  assert.ok(limit, 'AW_MAX_INPUT_SIZE');
  assert.equal(abi.MAX_INPUT_BYTES, limit.slice(1).reduce((a, b) => a * Number(b), 1));
});

test('the export list is the headers\', and the built module exports exactly it', () => {
  const declared = ['wasm_exports.h', 'wasm_module.h'].flatMap((name) =>
    [...header(name).matchAll(/AW_EXPORT\("(\w+)"\)/g)].map((m) => m[1]));
  assert.deepEqual([...declared, 'memory'].sort(), [...abi.EXPORTS].sort());
  const module = new WebAssembly.Module(readFileSync(requireFile(join(DIST, 'article-widget.wasm'), 'run scripts/build')));
  // Ours, and Emscripten's _initialize (it runs constructors): the stack
  // helpers, the function table and __errno_location are pruned at the
  // link (tools/prune-exports.mjs).
  const exported = WebAssembly.Module.exports(module).map((e) => e.name);
  assert.deepEqual(exported.sort(), [...abi.EXPORTS, '_initialize'].sort());
  assert.deepEqual(WebAssembly.Module.imports(module), []);
});
