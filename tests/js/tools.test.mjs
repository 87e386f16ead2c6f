// tools/build-web.mjs (with tools/bundle.mjs and web/node/: the module checks,
// hashes, manifest and precompressed copies; the demo content through the
// command's own path) and web/node/server.js.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';

import { CONTENT, DIST, REPO, SEED_SLUG, requireFile } from './helpers.mjs';
import { DEFAULT_CSP, startServer } from '../../web/node/server.js';

const BUILD = join(REPO, 'tools', 'build-web.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'aw-tools-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function buildWeb(wasm, out, ...extra) {
  return spawnSync(process.execPath, [BUILD, '--wasm', wasm, '--out', out, ...extra], { encoding: 'utf8' });
}

describe('build-web', () => {
  const out = join(tmp, 'dist');
  let wasmPath;
  let hash;
  let integrity;

  before(() => {
    wasmPath = requireFile(join(DIST, 'article-widget.wasm'), 'run scripts/build (or set AW_DIST)');
    const digest = createHash('sha384').update(readFileSync(wasmPath)).digest();
    hash = digest.toString('hex').slice(0, 16);
    integrity = `sha384-${digest.toString('base64')}`;
    writeFileSync(join(tmp, 'NOTICE.md'), 'Example licence text\n');
    const r = buildWeb(wasmPath, out, '--notice', `example=${join(tmp, 'NOTICE.md')}`,
      '--content-module', join(DIST, 'article-widget-content.wasm'), '--content', CONTENT);
    assert.equal(r.status, 0, r.stderr);
  });

  test('every script carries the version and the hash and SRI of its one .wasm; no eval', () => {
    assert.deepEqual(readFileSync(join(out, 'article-widget.wasm')), readFileSync(wasmPath));
    for (const name of ['article-widget.js', 'article-widget.mjs', 'article-widget.min.js', 'article-widget.min.mjs',
      'article-widget.node.mjs', 'article-widget.cjs', 'article-widget.inline.min.js']) {
      const text = readFileSync(join(out, name), 'utf8');
      assert.ok(text.startsWith(`/*! article-widget ${JSON.parse(readFileSync(join(DIST, 'package.json'))).version} | wasm sha384 ${hash} |`), `${name} banner`);
      assert.ok(text.includes(`"${hash}"`) && text.includes(`"${integrity}"`), `${name} embeds the wasm hashes`);
      assert.ok(!/\beval\s*\(|new Function\b/.test(text), `${name} has no eval`);
    }
  });

  test('minified scripts with source maps back to the modules of web/src', async () => {
    for (const name of ['article-widget.js', 'article-widget.mjs']) {
      const minName = name.replace(/\.(m?js)$/, '.min.$1');
      const readable = readFileSync(join(out, name), 'utf8');
      const min = readFileSync(join(out, minName), 'utf8');
      assert.ok(min.length < readable.length * 0.7, `${minName} is minified (${min.length} vs ${readable.length})`);
      assert.ok(min.trimEnd().endsWith(`//# sourceMappingURL=${minName}.map`), `${minName} names its map`);
      const map = JSON.parse(readFileSync(join(out, `${minName}.map`), 'utf8'));
      assert.equal(map.version, 3);
      assert.ok(map.sources.includes('web/src/controller.js'), map.sources.join(', '));
      const i = map.sources.indexOf('web/src/loader.js');
      assert.equal(map.sourcesContent[i], readFileSync(join(REPO, 'web', 'src', 'loader.js'), 'utf8'));
      assert.ok(map.mappings.length > 1000);
    }
    new vm.Script(readFileSync(join(out, 'article-widget.min.js'), 'utf8')); // still a classic script
  });

  test('manifest.json: every file with raw, gzip and brotli bytes and its sha384', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    assert.equal(manifest.wasmHash, hash);
    assert.match(manifest.version, /^\d+\.\d+\.\d+/);
    for (const name of ['article-widget.js', 'article-widget.mjs', 'article-widget.min.js', 'article-widget.min.mjs',
      'article-widget.min.js.map', 'article-widget.min.mjs.map', 'article-widget.node.mjs', 'article-widget.cjs',
      'article-widget.wasm', 'article-widget.inline.min.js', 'THIRD-PARTY-NOTICES.md', 'article-widget.d.ts',
      'custom-elements.json', 'LICENSE']) {
      const bytes = readFileSync(join(out, name));
      const f = manifest.files[name];
      assert.ok(f, `${name} listed`);
      assert.equal(f.bytes, bytes.length, name);
      assert.equal(f.integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, name);
      assert.ok(f.gzip > 0 && f.gzip < f.bytes && f.brotli > 0 && f.brotli < f.bytes, `${name} compressed sizes`);
    }
    assert.equal(manifest.files['article-widget.wasm'].integrity, integrity);
    // What a page loads also comes brotli- and gzip-encoded, listed apart.
    const pageFiles = ['article-widget.min.js', 'article-widget.min.mjs', 'article-widget.wasm'];
    assert.deepEqual(Object.keys(manifest.encoded).sort(), pageFiles.flatMap((n) => [`${n}.br`, `${n}.gz`]).sort());
    for (const n of pageFiles) {
      const original = readFileSync(join(out, n));
      const br = readFileSync(join(out, `${n}.br`));
      const gz = readFileSync(join(out, `${n}.gz`));
      assert.deepEqual(brotliDecompressSync(br), original, `${n}.br`);
      assert.deepEqual(gunzipSync(gz), original, `${n}.gz`);
      assert.deepEqual(manifest.encoded[`${n}.br`], { of: n, encoding: 'br', bytes: br.length, integrity: `sha384-${createHash('sha384').update(br).digest('base64')}` });
      assert.equal(br.length, manifest.files[n].brotli, `${n}.br is the size the manifest reports`);
      assert.equal(gz.length, manifest.files[n].gzip, `${n}.gz is the size the manifest reports`);
    }
    const single = readFileSync(join(out, 'article-widget.inline.min.js'), 'utf8');
    assert.ok(single.includes(`"${readFileSync(wasmPath).toString('base64')}"`), 'the single-file build carries the .wasm');
    new vm.Script(single);
    assert.match(readFileSync(join(out, 'THIRD-PARTY-NOTICES.md'), 'utf8'), /## example\n\nExample licence text/);
  });

  test('the classic script is one IIFE, no module syntax, reading its own script tag', () => {
    const js = readFileSync(join(out, 'article-widget.js'), 'utf8');
    new vm.Script(js, { filename: 'article-widget.js' }); // parses as a classic script
    assert.match(js.replace(/^\/\*![^\n]*\*\/\s*/, ''), /^"use strict";\s*\(\(\) => \{/);
    assert.ok(js.includes('document.currentScript') && js.includes('current.tagName === "SCRIPT"'));
    assert.ok(js.includes('"data-base-path"'));
    assert.ok(!/^\s*(import|export)\s/m.test(js), 'no module syntax');
  });

  test('the browser module imports nothing from node:, and names its .wasm literally for bundlers', () => {
    for (const name of ['article-widget.mjs', 'article-widget.min.mjs']) {
      const text = readFileSync(join(out, name), 'utf8');
      assert.ok(!/\bnode:/.test(text), `${name} mentions no node: module`);
      assert.ok(!/^\s*import\s/m.test(text), `${name} imports nothing`);
      assert.match(text, /new URL\(\s*"\.\/article-widget\.wasm",\s*import\.meta\.url\s*\)/, name);
    }
  });

  test('the Node builds, ESM and CommonJS, read their own .wasm', async () => {
    const m = await import(pathToFileURL(join(out, 'article-widget.node.mjs')).href);
    await m.ready;
    assert.ok(m.renderView(SEED_SLUG, 'article').includes(SEED_SLUG));
    const r = spawnSync(process.execPath, ['-e', `const m = require(${JSON.stringify(join(out, 'article-widget.cjs'))});
      m.ready.then(() => process.stdout.write(m.renderView(${JSON.stringify(SEED_SLUG)}, 'trending')));`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith('<nav class="aw-trending"'), r.stdout.slice(0, 80));
  });

  test('the Node builds carry their .wasm and the demo edition: moved alone, as a server bundler moves them, they render with them', async () => {
    const wasm = readFileSync(wasmPath);
    const edition = readFileSync(join(out, 'article-widget.awe'));
    const alone = join(tmp, 'server-bundle');
    mkdirSync(alone);
    for (const name of ['article-widget.node.mjs', 'article-widget.cjs']) {
      const text = readFileSync(join(out, name), 'utf8');
      assert.ok(text.includes(`"${wasm.toString('base64')}"`), `${name} carries the .wasm`);
      assert.ok(text.includes(`"${edition.toString('base64')}"`), `${name} carries the demo edition`);
      // Nothing a server bundler would turn into a web asset or a module of its own.
      assert.doesNotMatch(text, /new URL\(\s*["']\.\/article-widget\.(wasm|awe)["']|createRequire|require\.resolve|import\.meta\.resolve/, name);
      copyFileSync(join(out, name), join(alone, name));
    }
    const m = await import(pathToFileURL(join(alone, 'article-widget.node.mjs')).href);
    await m.ready;
    assert.ok(m.renderView(SEED_SLUG, 'article').includes(SEED_SLUG));
    const r = spawnSync(process.execPath, ['--no-experimental-require-module', '-e', `const m = require(${JSON.stringify(join(alone, 'article-widget.cjs'))});
      m.ready.then(() => process.stdout.write(m.renderView(${JSON.stringify(SEED_SLUG)}, 'trending')));`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith('<nav class="aw-trending"'), r.stdout.slice(0, 80));
  });

  test('--content packs the folder beside the module, as the command does; the module carries no articles', () => {
    // The module is the renderer alone: the same bytes for every site.
    const module = new WebAssembly.Module(readFileSync(join(out, 'article-widget.wasm')));
    assert.deepEqual(WebAssembly.Module.customSections(module, 'article-widget.content'), []);
    for (const f of ['article-widget.awe', ...readdirSync(join(DIST, 'articles')).map((n) => `articles/${n}`)]) {
      assert.deepEqual(readFileSync(join(out, f)), readFileSync(join(DIST, f)), `${f}: dist/'s, from the same content/`);
    }
    // Bad content is said as aw-embed says it, and nothing is written.
    const bad = join(tmp, 'bad-content');
    mkdirSync(bad);
    writeFileSync(join(bad, 'a.md'), '---\ntitle: A\nslug: a\ndate: 2026-02-30\n---\nText.\n');
    writeFileSync(join(bad, 'trending.md'), '1. a\n');
    const r = buildWeb(wasmPath, join(tmp, 'bad-out'), '--content-module', join(DIST, 'article-widget-content.wasm'), '--content', bad);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `${bad}/a.md:4: date '2026-02-30' is not a calendar date written YYYY-MM-DD\n`);
    assert.ok(!existsSync(join(tmp, 'bad-out')));
    assert.match(buildWeb(wasmPath, join(tmp, 'bad-out'), '--content', bad).stderr, /--content needs --content-module/);
  });

  test('a different .wasm beside the module is refused (version skew)', async () => {
    const skew = join(tmp, 'skew');
    assert.equal(buildWeb(wasmPath, skew).status, 0);
    // Still a valid module: the real one plus a custom section at the end.
    const name = Buffer.from('skew');
    const extra = Buffer.from([0x00, name.length + 1, name.length, ...name]);
    writeFileSync(join(skew, 'article-widget.wasm'), Buffer.concat([readFileSync(wasmPath), extra]));
    await WebAssembly.compile(readFileSync(join(skew, 'article-widget.wasm')));
    const m = await import(pathToFileURL(join(skew, 'article-widget.node.mjs')).href);
    await assert.rejects(m.ready, (err) => {
      assert.match(err.message, /\[article-widget\] .*article-widget\.wasm is not the module this script was built with/);
      assert.equal(err.code, 'integrity');
      return true;
    });
    assert.throws(() => m.render('x'), /not ready/);
  });

  test('a module that imports anything is refused, naming the import', () => {
    // type section: () -> (); import section: env.f as function 0.
    const withImport = Buffer.from([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
      0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
      0x02, 0x09, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x01, 0x66, 0x00, 0x00,
    ]);
    const file = join(tmp, 'imports.wasm');
    writeFileSync(file, withImport);
    const r = buildWeb(file, join(tmp, 'bad1'));
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /must import nothing, but imports: env\.f \(function\)/);
  });

  test('a module without the aw_* exports, or not a module at all, is refused', () => {
    const empty = join(tmp, 'empty.wasm');
    writeFileSync(empty, Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
    let r = buildWeb(empty, join(tmp, 'bad2'));
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /does not export: memory, aw_alloc, .*aw_abi_version/);

    const text = join(tmp, 'text.wasm');
    writeFileSync(text, '<!doctype html>');
    r = buildWeb(text, join(tmp, 'bad3'));
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /not a WebAssembly module/);

    r = spawnSync(process.execPath, [BUILD, '--out', join(tmp, 'bad4')], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /usage:/);
  });
});

// Raw GET: the path is sent exactly as given (no client-side normalisation).
function get(base, path, method = 'GET', headers = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve', () => {
  let server;
  let wrongMime;
  before(async () => {
    server = await startServer({ port: 0, root: REPO, dist: DIST });
    wrongMime = await startServer({ port: 0, root: REPO, dist: DIST, wasmContentType: 'application/octet-stream' });
  });
  after(async () => {
    await server?.close();
    await wrongMime?.close();
  });

  test('listens on 127.0.0.1 and an ephemeral port', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.notEqual(server.port, 8000);
  });

  test('/ is web/index.html, with a strict CSP', async () => {
    const r = await get(server.url, '/');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(r.headers['content-security-policy'], DEFAULT_CSP);
    assert.deepEqual(r.body, readFileSync(join(REPO, 'web', 'index.html')));
    const page = await get(server.url, '/two-widgets.html');
    assert.equal(page.status, 200);
    assert.deepEqual(page.body, readFileSync(join(REPO, 'web', 'two-widgets.html')));
  });

  test('/dist/ files with the right MIME types; query strings ignored', async () => {
    const wasm = await get(server.url, '/dist/article-widget.wasm?v=0123456789abcdef');
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers['content-type'], 'application/wasm');
    assert.deepEqual(wasm.body, readFileSync(join(DIST, 'article-widget.wasm')));
    for (const name of ['article-widget.js', 'article-widget.mjs']) {
      const r = await get(server.url, `/dist/${name}`);
      assert.equal(r.status, 200, name);
      assert.equal(r.headers['content-type'], 'text/javascript; charset=utf-8', name);
    }
    const head = await get(server.url, '/dist/article-widget.wasm', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(Number(head.headers['content-length']), wasm.body.length);
    const wrong = await get(wrongMime.url, '/dist/article-widget.wasm');
    assert.equal(wrong.headers['content-type'], 'application/octet-stream');
  });

  test('sends the precompressed copy the request accepts, else the file as it is', async () => {
    const wasm = readFileSync(join(DIST, 'article-widget.wasm'));
    const cases = [
      ['br, gzip', 'br'], ['gzip, deflate, br;q=0.5', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'],
      ['identity', undefined], ['', undefined],
    ];
    for (const [acceptEncoding, encoding] of cases) {
      const r = await get(server.url, '/dist/article-widget.wasm?v=x', 'GET', { 'Accept-Encoding': acceptEncoding });
      assert.equal(r.status, 200, acceptEncoding);
      assert.equal(r.headers['content-encoding'], encoding, acceptEncoding);
      assert.equal(r.headers['content-type'], 'application/wasm', acceptEncoding);
      assert.equal(r.headers.vary, 'Accept-Encoding', acceptEncoding);
      assert.equal(Number(r.headers['content-length']), r.body.length, acceptEncoding);
      const body = encoding === 'br' ? brotliDecompressSync(r.body) : encoding === 'gzip' ? gunzipSync(r.body) : r.body;
      assert.deepEqual(body, wasm, acceptEncoding);
      if (encoding) assert.ok(r.body.length < wasm.length * 0.6, `${acceptEncoding}: ${r.body.length} of ${wasm.length} bytes sent`);
    }
    // A file without copies is sent as it is, whatever the request takes.
    const js = await get(server.url, '/dist/article-widget.js', 'GET', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(js.headers['content-encoding'], undefined);
    assert.equal(js.headers.vary, undefined);
    assert.deepEqual(js.body, readFileSync(join(DIST, 'article-widget.js')));
  });

  test('refuses path traversal and unknown paths', async () => {
    const secret = readFileSync(join(REPO, 'package.json'));
    for (const path of [
      '/../package.json', '/dist/../../package.json', '/%2e%2e/package.json', '/dist/%2e%2e/%2e%2e/package.json',
      '/..%2fpackage.json', '/dist/..%2f..%2fpackage.json', '/%2e%2e%5cpackage.json', '/src%00.html', '/%E0%A4%A',
      '//etc/passwd', '/dist//etc/passwd',
    ]) {
      const r = await get(server.url, path);
      assert.ok([400, 403, 404].includes(r.status), `${path} -> ${r.status}`);
      assert.ok(!r.body.includes(secret.subarray(0, 40)), `${path} leaked package.json`);
      assert.ok(!r.body.toString().includes('root:'), `${path} leaked /etc/passwd`);
    }
    assert.equal((await get(server.url, '/no-such-page.html')).status, 404);
    assert.equal((await get(server.url, '/dist/no-such-file.js')).status, 404);
    assert.equal((await get(server.url, '/', 'POST')).status, 405);
  });

  test('ownHostOnly (scripts/serve, the preview): a Host that does not name the server gets 421 (DNS rebinding)', async () => {
    const own = await startServer({ port: 0, root: REPO, dist: DIST, ownHostOnly: true });
    try {
      for (const host of [`attacker.example:${own.port}`, `127.0.0.1:${own.port + 1}`, 'localhost', '127.0.0.1']) {
        const r = await get(own.url, '/dist/article-widget.wasm', 'GET', { Host: host });
        assert.equal(r.status, 421, host);
        assert.ok(!r.body.includes(Buffer.from('asm')), `${host} got the module`);
      }
      for (const host of [`127.0.0.1:${own.port}`, `localhost:${own.port}`, `LocalHost:${own.port}`]) {
        assert.equal((await get(own.url, '/dist/article-widget.wasm', 'GET', { Host: host })).status, 200, host);
      }
      const other = await get(server.url, '/dist/article-widget.wasm', 'GET', { Host: 'attacker.example' });
      assert.equal(other.status, 200, 'without the option any Host is answered (second-origin tests pose as a CDN)');
    } finally {
      await own.close();
    }
  });
});
