#!/usr/bin/env node
// Builds the distributable shim around a renderer module:
//
//   node tools/build-web.mjs --wasm build/wasm/article-widget.wasm --out dist \
//       [--notice md4c=path/to/LICENSE.md ...]
//
// writes
//   DIR/article-widget.js        classic script (IIFE), auto-mounts widgets
//   DIR/article-widget.mjs       ES module: export { ready, articles, render, mount, scan, version, renderView }
//   DIR/article-widget.min.js    the same, minified (esbuild), with
//   DIR/article-widget.min.mjs   .map source maps pointing back to the readable files
//   DIR/article-widget.wasm      copy of --wasm
//   DIR/article-widget.inline.min.js  single-file build: the classic script with the .wasm inside
//   DIR/THIRD-PARTY-NOTICES.md   the licences of what the .wasm contains (--notice)
//   DIR/article-widget.d.ts, DIR/custom-elements.json, DIR/LICENSE
//                                copies of web/src/... and LICENSE (hand-written)
//   DIR/manifest.json            every file: bytes raw, gzip, brotli; sha384 SRI hash
// Both scripts are web/src/core.js plus web/src/widget.css (as a string),
// wrapped; no transpiling. Each embeds the first 16 hex digits of the
// wasm's sha384 and loads the module as article-widget.wasm?v=HASH, so a
// cached script never asks for a module it was not built with; it also
// embeds the full sha384 as SRI, given to fetch(url, { integrity }), so a
// mismatched module (a stale CDN copy) is refused rather than run.
//
// The module is checked against the shim's contract before anything is
// written (magic, zero imports, every aw_* export present): a mismatch fails
// the build here instead of in a visitor's browser.
//
// node: modules only, except esbuild for minifying (tools/minify.mjs).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { makeManifest, sriHash } from './manifest.mjs';
import { minify } from './minify.mjs';

// Version used when dist/package.json does not exist (or has no version).
export const DEFAULT_VERSION = '0.1.0';

const SELF = import.meta.filename ?? decodeURIComponent(new URL(import.meta.url).pathname);
const REPO = resolve(dirname(SELF), '..');
const CORE = join(REPO, 'web', 'src', 'core.js');
const CSS = join(REPO, 'web', 'src', 'widget.css');
// Hand-written files the package ships as they are.
const COPIED = {
  'article-widget.d.ts': join(REPO, 'web', 'src', 'article-widget.d.ts'),
  'custom-elements.json': join(REPO, 'web', 'src', 'custom-elements.json'),
  LICENSE: join(REPO, 'LICENSE'),
};

// Must match REQUIRED_EXPORTS in web/src/core.js.
const REQUIRED_EXPORTS = [
  'memory', 'aw_abi_version', 'aw_alloc', 'aw_free', 'aw_render_markdown',
  'aw_article_count', 'aw_article_find', 'aw_render_view', 'aw_catalog_json',
  'aw_output_ptr', 'aw_output_len',
];

function usage(message) {
  if (message) process.stderr.write(`build-web: ${message}\n`);
  process.stderr.write('usage: node tools/build-web.mjs --wasm PATH_TO_WASM --out DIR [--notice NAME=LICENSE_FILE ...]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { notices: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const key = eq > 0 ? a.slice(0, eq) : a;
    if (key !== '--wasm' && key !== '--out' && key !== '--notice') usage(`unknown argument ${a}`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (!value) usage(`${key} needs a value`);
    if (key === '--notice') {
      const [name, file] = [value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1)];
      if (!name || !file) usage('--notice takes NAME=LICENSE_FILE');
      args.notices.push({ name, file });
    } else {
      args[key.slice(2)] = value;
    }
  }
  if (!args.wasm || !args.out) usage('--wasm and --out are required');
  return args;
}

// The package description: OUT/package.json, else the repository's
// dist/package.json (when building elsewhere, e.g. in tests).
function readPackage(outDir) {
  for (const file of [join(outDir, 'package.json'), join(REPO, 'dist', 'package.json')]) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  }
  return {};
}

function noticesText(notices) {
  const parts = ['# Third-party notices\n\n`article-widget.wasm` contains code from the projects below, under these licences.\n'];
  for (const { name, file } of notices) {
    parts.push(`\n## ${name}\n\n${readFileSync(file, 'utf8').trim()}\n`);
  }
  return parts.join('');
}

// Throws an Error naming what is wrong when `bytes` does not satisfy the
// shim's module contract.
export function checkModule(bytes, label) {
  const magic = Buffer.from([0x00, 0x61, 0x73, 0x6d]);
  if (bytes.length < 8 || !bytes.subarray(0, 4).equals(magic)) {
    throw new Error(`${label} is not a WebAssembly module (bad magic)`);
  }
  let module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (err) {
    throw new Error(`${label} does not compile: ${err.message}`);
  }
  const imports = WebAssembly.Module.imports(module);
  if (imports.length) {
    const names = imports.map((i) => `${i.module}.${i.name} (${i.kind})`).join(', ');
    throw new Error(`${label} must import nothing, but imports: ${names}`);
  }
  const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  const missing = REQUIRED_EXPORTS.filter((n) => !exported.has(n));
  if (missing.length) throw new Error(`${label} does not export: ${missing.join(', ')}`);
}

function banner(version, hash) {
  return `/*! article-widget ${version} | wasm sha384 ${hash}
 * GENERATED by tools/build-web.mjs from web/src/core.js and web/src/widget.css: do not edit. */
`;
}

function constants(version, hash, integrity, css, wasmBase64) {
  return `const VERSION = ${JSON.stringify(version)};
// What this build fixes: the runtime's config, less where the .wasm is.
const BUILD = {
  version: VERSION,
  wasmHash: ${JSON.stringify(hash)},
  wasmIntegrity: ${JSON.stringify(integrity)},
  css: ${JSON.stringify(css)},${wasmBase64 ? `
  // Single-file build: the module itself, base64.
  wasmBase64: ${JSON.stringify(wasmBase64)},` : ''}
};
`;
}

function indent(text, prefix) {
  return text.replace(/^(?=.)/gm, prefix);
}

// `wasmBase64`: the single-file build, with the module inside.
export function classicScript({ version, hash, integrity, css, core, wasmBase64 }) {
  return `${banner(version, hash)}(function () {
  'use strict';
  // Captured synchronously: document.currentScript is null after this first
  // run. The tagName check defeats DOM clobbering (<img name="currentScript">).
  let currentScript = typeof document !== 'undefined' ? document.currentScript : null;
  if (!currentScript || currentScript.tagName !== 'SCRIPT') currentScript = null;
  if (typeof window === 'undefined') return;
  if (!currentScript) {
    // Clobbered: fall back to the page's last script tag that loads us.
    const ours = [...document.getElementsByTagName('script')].filter((s) => /article-widget(\\.min)?\\.js([?#]|$)/.test(s.src));
    currentScript = ours.length ? ours[ours.length - 1] : null;
  }
  // Loaded twice: the first copy stays in charge (one module per page).
  const existing = window.ArticleWidget;
  if (existing && existing[Symbol.for('article-widget.api')]) {
    if (existing.version !== ${JSON.stringify(version)}) {
      console.warn('[article-widget] version ' + existing.version + ' is already loaded; this copy (' + ${JSON.stringify(version)} + ') stays idle');
    }
    return;
  }

${indent(constants(version, hash, integrity, css, wasmBase64), '  ')}
  // The .wasm lives beside this script, or in the folder named by the
  // script's data-base-path attribute (resolved against the page URL).
  function wasmUrl() {
    const base = currentScript && currentScript.getAttribute('data-base-path');
    if (base) return new URL('article-widget.wasm', new URL(base.endsWith('/') ? base : base + '/', document.baseURI));
    if (currentScript && currentScript.src) return new URL('article-widget.wasm', currentScript.src);
    return new URL('article-widget.wasm', document.baseURI);
  }

  /* ===== web/src/core.js (not indented: copied verbatim) ===== */
${core}
  /* ===== classic-script entry ===== */
  // data-autoload="false" on the script tag: nothing mounts until
  // ArticleWidget.scan() or mount() (and setBasePath() can still apply).
  const autoload = !(currentScript && currentScript.getAttribute('data-autoload') === 'false');
  const runtime = createArticleWidget({ ...BUILD, wasmUrl: wasmUrl(), autoMount: true, autoload });
  if (existing === undefined) {
    window.ArticleWidget = Object.freeze(runtime.api);
  } else {
    console.warn('[article-widget] window.ArticleWidget is taken by something else; widgets still mount');
  }
})();
`;
}

export function moduleScript({ version, hash, integrity, css, core }) {
  return `${banner(version, hash)}${constants(version, hash, integrity, css)}
/* ===== web/src/core.js ===== */
${core}
/* ===== ES module entry ===== */
// Defines <article-widget> when there is a DOM; [data-article-widget]
// elements are mounted by calling mount() (only the classic script scans).
const runtime = createArticleWidget({
  ...BUILD,
  wasmUrl: new URL('./article-widget.wasm', import.meta.url),
  // Node, Deno, Bun: a file: URL is read from disk.
  readFileUrl: async (url) => (await import('node:fs/promises')).readFile(url),
  autoMount: false,
});

// Importing starts the .wasm download (\`ready\` is read here).
export const { ready, articles, render, mount, scan } = runtime.api;
export const version = VERSION;
// renderView(slug | null, 'full' | 'trending' | 'article') -> HTML string,
// byte-identical to the native CLI; for server-side rendering and tests.
export const { renderView } = runtime;
`;
}

export async function build({ wasm, out, notices = [] }) {
  const wasmPath = resolve(wasm);
  const outDir = resolve(out);
  if (!existsSync(wasmPath)) throw new Error(`no such file: ${wasmPath}`);
  const bytes = readFileSync(wasmPath);
  checkModule(bytes, wasmPath);

  const hash = createHash('sha384').update(bytes).digest('hex').slice(0, 16);
  const integrity = sriHash(bytes);
  const pkg = readPackage(outDir);
  const version = typeof pkg.version === 'string' && pkg.version ? pkg.version : DEFAULT_VERSION;
  const parts = { version, hash, integrity, css: readFileSync(CSS, 'utf8'), core: readFileSync(CORE, 'utf8') };

  const files = {};
  const readable = { 'article-widget.js': classicScript(parts), 'article-widget.mjs': moduleScript(parts) };
  for (const [name, text] of Object.entries(readable)) {
    files[name] = Buffer.from(text);
    const minName = name.replace(/\.(m?js)$/, '.min.$1');
    const min = await minify(text, { sourceName: name, mapName: `${minName}.map`, module: name.endsWith('.mjs') });
    files[minName] = Buffer.from(min.code);
    files[`${minName}.map`] = Buffer.from(min.map);
  }
  files['article-widget.wasm'] = bytes;
  // For hosts that cannot serve a .wasm at all: minified only (a readable
  // copy would be the same script plus one long line of base64).
  const single = classicScript({ ...parts, wasmBase64: bytes.toString('base64') });
  files['article-widget.inline.min.js'] = Buffer.from((await minify(single, { sourceName: 'article-widget.inline.js' })).code);
  if (notices.length) files['THIRD-PARTY-NOTICES.md'] = Buffer.from(noticesText(notices));
  for (const [name, path] of Object.entries(COPIED)) files[name] = readFileSync(path);

  mkdirSync(outDir, { recursive: true });
  for (const [name, data] of Object.entries(files)) writeFileSync(join(outDir, name), data);

  const manifest = makeManifest({ name: pkg.name ?? 'article-widget', version, wasmHash: hash, files });
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { version, hash, manifest };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(SELF)) {
  const args = parseArgs(process.argv.slice(2));
  try {
    const { version, hash, manifest } = await build(args);
    const lines = [
      `build-web: article-widget ${version}, wasm ${hash} -> ${resolve(args.out)}`,
      `  ${'file'.padEnd(28)} ${'raw'.padStart(8)} ${'gzip -9'.padStart(8)} ${'brotli'.padStart(8)}`,
    ];
    for (const [name, f] of Object.entries(manifest.files)) {
      lines.push(`  ${name.padEnd(28)} ${String(f.bytes).padStart(8)} ${String(f.gzip).padStart(8)} ${String(f.brotli).padStart(8)}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
  } catch (err) {
    process.stderr.write(`build-web: ${err.message}\n`);
    process.exit(1);
  }
}
