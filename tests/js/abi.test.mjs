// The wasm interface is written once per side: src/wasm_exports.h (with
// wasm_module.h, errors.h, content_blob.h, article_html.h, markdown_html.h)
// in C, web/src/abi.js in JavaScript. This reads the C headers and holds
// the JS module to them, and checks the built module exports exactly that
// interface.

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

// The strings of a `#define NAME { "a", "b" }` list.
function cStrings(text, name) {
  return JSON.parse(`[${/^\{(.*)\}$/.exec(cValue(text, name))[1]}]`);
}

test('ABI version, views, link targets, frames and the edition\'s file name agree with the C headers', () => {
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
  // The names C parses (aw-render --view) are the names the shim passes.
  assert.deepEqual(Object.entries(abi.VIEWS), cStrings(views, 'AW_VIEW_NAMES').map((name, i) => [name, i]));
  const markdown = header('markdown_html.h');
  assert.equal(Number(cValue(markdown, 'AW_LINK_TARGET_NONE')), 0);
  assert.deepEqual(abi.LINK_TARGETS, {
    _self: Number(cValue(markdown, 'AW_LINK_TARGET_SELF')),
    _blank: Number(cValue(markdown, 'AW_LINK_TARGET_BLANK')),
    _parent: Number(cValue(markdown, 'AW_LINK_TARGET_PARENT')),
    _top: Number(cValue(markdown, 'AW_LINK_TARGET_TOP')),
  });
  // The attribute values C writes are the option values the shim takes.
  assert.deepEqual(['', ...Object.keys(abi.LINK_TARGETS)], cStrings(markdown, 'AW_LINK_TARGET_NAMES'));
  assert.equal(cValue(header('content_blob.h'), 'AW_EDITION_FILE'), JSON.stringify(abi.EDITION_FILE));
});

test('the markup the shim reads is the markup C writes', () => {
  const h = header('article_html.h');
  assert.equal(cValue(h, 'AW_HASH_PREFIX'), JSON.stringify(abi.HASH_PREFIX));
  assert.equal(cValue(h, 'AW_SLUG_ATTRIBUTE'), JSON.stringify(abi.SLUG_ATTRIBUTE));
  assert.equal(cValue(h, 'AW_TITLE_CLASS'), JSON.stringify(abi.TITLE_CLASS));
  assert.equal(cValue(h, 'AW_BACK_TO_TOP_CLASS'), JSON.stringify(abi.BACK_TO_TOP_CLASS));
  // ...and article_html.c writes them through those names, not as copies.
  const c = header('article_html.c');
  for (const literal of [abi.HASH_PREFIX, abi.SLUG_ATTRIBUTE, abi.BACK_TO_TOP_CLASS, `class=\\"${abi.TITLE_CLASS}`]) {
    assert.ok(!c.includes(literal), `article_html.c spells ${literal} out instead of using its #define`);
  }
});

test('status codes and the input limit agree with errors.h', () => {
  const errorsH = header('errors.h');
  assert.equal(Number(cValue(errorsH, 'AW_ERR_TOO_LARGE')), -4);
  assert.equal(abi.STATUS_ERROR_CODES[cValue(errorsH, 'AW_ERR_TOO_LARGE')], 'input-too-large');
  assert.equal(abi.STATUS_ERROR_CODES[cValue(errorsH, 'AW_ERR_OUTPUT_TOO_LARGE')], 'output-too-large');
  assert.equal(Number(cValue(errorsH, 'AW_ERR_UNKNOWN_ARTICLE')), abi.STATUS_UNKNOWN_ARTICLE);
  assert.equal(abi.STATUS_ERROR_CODES[cValue(errorsH, 'AW_ERR_UNKNOWN_ARTICLE')], 'unknown-article');
  assert.equal(abi.STATUS_ERROR_CODES[cValue(errorsH, 'AW_ERR_CONTENT')], 'content-invalid');
  for (const status of Object.keys(abi.STATUS_ERROR_CODES)) {
    assert.match(errorsH, new RegExp(`AW_ERR_\\w+ = ${status}\\b`), `status ${status} exists in C`);
  }
  assert.equal(cValue(errorsH, 'AW_MAX_INPUT_SIZE'), '((size_t)AW_MAX_INPUT_MIB * 1024 * 1024)');
  assert.equal(abi.MAX_INPUT_BYTES, Number(cValue(errorsH, 'AW_MAX_INPUT_MIB')) * 1024 * 1024);
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
