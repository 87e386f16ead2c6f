// The content packer's interface is written once per side:
// src/content_exports.h in C, web/node/content-abi.js in JavaScript. This
// holds the JS module to the header, and checks that the packer in dist/
// exports exactly that, imports nothing, and packs as the native embedder
// does: the same edition and archive files, one article at a time.
//
//   node --test tests/js/content-module.test.mjs   (AW_DIST, AW_EMBED)

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

import * as abi from '../../web/node/content-abi.js';
import { CONTENT, DIST, REPO, requireFile } from './helpers.mjs';

const header = (name) => readFileSync(join(REPO, 'src', name), 'utf8');
const packerBytes = () => readFileSync(requireFile(join(DIST, 'article-widget-content.wasm'), 'run scripts/build (or set AW_DIST)'));
const tmp = mkdtempSync(join(tmpdir(), 'aw-content-module-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

test('ABI version, export list and the content status agree with the C headers', () => {
  const h = header('content_exports.h');
  assert.equal(Number(/#define AW_CONTENT_ABI_VERSION (\d+)/.exec(h)[1]), abi.CONTENT_ABI_VERSION);
  const declared = [h, header('wasm_module.h')].flatMap((text) => [...text.matchAll(/AW_EXPORT\("(\w+)"\)/g)].map((m) => m[1]));
  assert.deepEqual([...declared, 'memory'].sort(), [...abi.CONTENT_EXPORTS].sort());
  assert.equal(Number(/AW_ERR_CONTENT = (-\d+)/.exec(header('errors.h'))[1]), abi.STATUS_CONTENT);
});

test('the limits the command checks before reading are content_blob.h\'s', () => {
  const h = header('content_blob.h');
  const value = (name) => {
    const m = new RegExp(`#define ${name} (?:(\\d+)|\\(\\(size_t\\)(\\d+) << (\\d+)\\))\n`).exec(h);
    assert.ok(m, name);
    return m[1] !== undefined ? Number(m[1]) : Number(m[2]) * 2 ** Number(m[3]);
  };
  assert.equal(value('AW_CONTENT_MAX_ARTICLES'), abi.MAX_ARTICLES);
  assert.equal(value('AW_CONTENT_MAX_FILE_SIZE'), abi.MAX_FILE_SIZE);
  assert.equal(value('AW_CONTENT_MAX_TOTAL_SIZE'), abi.MAX_TOTAL_SIZE);
});

test('the built packer exports exactly that interface and imports nothing', () => {
  const module = new WebAssembly.Module(packerBytes());
  assert.deepEqual(WebAssembly.Module.imports(module), []);
  const ours = WebAssembly.Module.exports(module).map((e) => e.name).filter((n) => n === 'memory' || n.startsWith('aw_'));
  assert.deepEqual(ours.sort(), [...abi.CONTENT_EXPORTS].sort());
});

test('content/ packed by the module, one article at a time, is what the native embedder writes', () => {
  const { exports: x } = new WebAssembly.Instance(new WebAssembly.Module(packerBytes()), {});
  x._initialize?.();
  assert.equal(x.aw_content_abi_version(), abi.CONTENT_ABI_VERSION);
  const put = (text) => {
    const bytes = typeof text === 'string' ? Buffer.from(text) : text;
    const ptr = x.aw_alloc(bytes.length);
    new Uint8Array(x.memory.buffer, ptr, bytes.length).set(bytes);
    return [ptr, bytes.length];
  };
  const output = () => Buffer.from(new Uint8Array(x.memory.buffer, x.aw_output_ptr(), x.aw_output_len()));

  assert.equal(x.aw_content_add_article(...put('a.md'), ...put('x')), -2, 'no build begun: invalid argument');
  assert.equal(x.aw_content_finish(), -2);
  assert.equal(x.aw_content_begin(...put('content/trending.md'), ...put(readFileSync(join(CONTENT, 'trending.md')))), 0);
  const articles = readdirSync(CONTENT).filter((n) => n.endsWith('.md') && n !== 'trending.md').sort();
  const packed = {};
  for (const name of articles) {
    assert.equal(x.aw_content_add_article(...put(`content/${name}`), ...put(readFileSync(join(CONTENT, name)))), 0, output().toString());
    // slug NUL path NUL file
    const out = output();
    const slugEnd = out.indexOf(0);
    const pathEnd = out.indexOf(0, slugEnd + 1);
    const path = out.subarray(slugEnd + 1, pathEnd).toString();
    assert.equal(path, `articles/${out.subarray(0, slugEnd)}.awa`);
    packed[path] = Buffer.from(out.subarray(pathEnd + 1));
  }
  assert.equal(x.aw_content_finish(), 0, output().toString());
  packed['article-widget.awe'] = output();

  const native = join(tmp, 'content');
  execFileSync(requireFile(resolve(process.env.AW_EMBED || 'build/native/aw-embed'), 'run scripts/build (or set AW_EMBED)'),
    ['--out', native, '--trending', join(CONTENT, 'trending.md'), ...articles.map((n) => join(CONTENT, n))]);
  const written = ['article-widget.awe', ...readdirSync(join(native, 'articles')).map((n) => `articles/${n}`)].sort();
  assert.deepEqual(Object.keys(packed).sort(), written);
  for (const path of written) assert.ok(packed[path].equals(readFileSync(join(native, path))), path);

  // A second build starts afresh; bad content gives file:line: message.
  assert.equal(x.aw_content_begin(...put('trending.md'), ...put('1. a\n')), 0);
  assert.equal(x.aw_content_add_article(...put('a.md'), ...put('---\ntitle: A\nslug: a\ndate: 2026-13-01\n---\nText\n')),
    abi.STATUS_CONTENT);
  assert.equal(output().toString(), "a.md:4: date '2026-13-01' is not a calendar date written YYYY-MM-DD");
  assert.equal(x.aw_content_begin(...put('trending.md'), ...put('1. missing\n')), 0);
  assert.equal(x.aw_content_add_article(...put('a.md'), ...put('---\ntitle: A\nslug: a\ndate: 2026-12-01\n---\nText\n')), 0);
  assert.equal(x.aw_content_finish(), abi.STATUS_CONTENT);
  assert.equal(output().toString(), "trending.md:1: no article in the folder has the slug 'missing'");
});
