#!/usr/bin/env node
// Builds dist/: the shim (web/src/, bundled by esbuild) around one renderer
// module and its articles.
//
//   node tools/build-web.mjs --wasm build/wasm/article-widget.wasm \
//       [--content build/wasm/generated/content.bin] --out dist [--notice md4c=LICENSE.md ...] \
//       [--content-module build/wasm/article-widget-content.wasm]
//
// --content puts the content blob into the module's custom section (a
// module that carries one already, such as a dist/ .wasm, needs none).
// --content-module adds the package's command (web/cli/, bundled) and the
// content packer it runs, which put a site's own articles into this
// renderer (README, "Your own articles").
// Every script embeds the first 16 hex digits of the module's sha384 (it
// loads article-widget.wasm?v=HASH, so a cached script never asks for
// another module) and its SRI hash (fetch(url, { integrity }) refuses any
// other bytes). The module is checked against web/src/abi.js before
// anything is written: a mismatch fails here, not in a reader's browser.
// The files written are OUTPUTS below, their .br and .gz copies
// (web/node/precompress.js), plus manifest.json (sizes and SRI): what
// dist/package.json's "files" lists (scripts/pack checks that the two
// agree). The name and version are dist/package.json's.

import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { checkContentModule, checkModule } from '../web/node/check-module.js';
import { moduleHash, sriHash } from '../web/node/hashes.js';
import { makeManifest } from '../web/node/manifest.js';
import {
  COMMAND, CONTENT_PACKER, MANIFEST, NOTICES, PAGE_MODULE, PAGE_SCRIPT, RENDERER, SINGLE_FILE,
} from '../web/node/package-layout.js';
import { addPrecompressedCopies } from '../web/node/precompress.js';
import { withCustomSection } from '../web/node/wasm-sections.js';
import { CONTENT_SECTION } from '../web/src/abi.js';
import { bundle, bundleCommand } from './bundle.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_JSON = join(REPO, 'dist', 'package.json');
// Hand-written files the package ships as they are.
const COPIED = {
  'article-widget.d.ts': join(REPO, 'web', 'src', 'article-widget.d.ts'),
  'wasm.d.ts': join(REPO, 'web', 'src', 'wasm.d.ts'),
  'custom-elements.json': join(REPO, 'web', 'src', 'custom-elements.json'),
  LICENSE: join(REPO, 'LICENSE'),
};

// name -> how it is bundled. Minified ones get a .map (but the single file).
const OUTPUTS = {
  'article-widget.js': { entry: 'entry-classic.js', format: 'iife' },
  [PAGE_SCRIPT]: { entry: 'entry-classic.js', format: 'iife', minify: true, map: true },
  'article-widget.mjs': { entry: 'entry-module.js', format: 'esm' },
  [PAGE_MODULE]: { entry: 'entry-module.js', format: 'esm', minify: true, map: true },
  // `inline`: the module inside, base64. The Node builds use it where a
  // server bundler left no .wasm beside them.
  'article-widget.node.mjs': { entry: 'entry-node.js', format: 'esm', inline: true },
  'article-widget.cjs': { entry: 'entry-node.js', format: 'cjs', inline: true },
  // For hosts that cannot serve a .wasm at all.
  [SINGLE_FILE]: { entry: 'entry-classic.js', format: 'iife', minify: true, inline: true },
};

function usage(message) {
  if (message) process.stderr.write(`build-web: ${message}\n`);
  process.stderr.write('usage: node tools/build-web.mjs --wasm MODULE.wasm [--content BLOB] --out DIR [--notice NAME=LICENSE_FILE ...]'
    + ' [--content-module PACKER.wasm]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { notices: [] };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i]];
    if (!['--wasm', '--content', '--out', '--notice', '--content-module'].includes(key)) usage(`unknown argument ${argv[i]}`);
    const value = inline ?? argv[++i];
    if (!value) usage(`${key} needs a value`);
    if (key === '--notice') {
      const eq = value.indexOf('=');
      if (eq <= 0 || eq === value.length - 1) usage('--notice takes NAME=LICENSE_FILE');
      args.notices.push({ name: value.slice(0, eq), file: value.slice(eq + 1) });
    } else {
      args[key === '--content-module' ? 'contentModule' : key.slice(2)] = value;
    }
  }
  if (!args.wasm || !args.out) usage('--wasm and --out are required');
  return args;
}

// { name, version }: the package's, wherever the build writes (tests build
// into other folders).
function readPackage() {
  const { name, version } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));
  if (typeof name !== 'string' || !name || typeof version !== 'string' || !version) {
    throw new Error(`${PACKAGE_JSON} has no "name" or no "version"`);
  }
  return { name, version };
}

function noticesText(notices) {
  const parts = ['# Third-party notices\n\n`article-widget.wasm` contains code from the projects below, under these licences.\n'];
  for (const { name, file } of notices) parts.push(`\n## ${name}\n\n${readFileSync(file, 'utf8').trim()}\n`);
  return parts.join('');
}

export async function build({ wasm, content, out, notices = [], contentModule }) {
  const outDir = resolve(out);
  if (!existsSync(resolve(wasm))) throw new Error(`no such file: ${resolve(wasm)}`);
  let bytes = readFileSync(resolve(wasm));
  if (content) bytes = Buffer.from(withCustomSection(bytes, CONTENT_SECTION, readFileSync(resolve(content))));
  checkModule(bytes, resolve(wasm));

  const hash = moduleHash(bytes);
  const pkg = readPackage();
  const { version } = pkg;
  const defines = { version, hash, integrity: sriHash(bytes) };
  const banner = `/*! article-widget ${version} | wasm sha384 ${hash} | built from web/src by tools/build-web.mjs */\n`;

  const files = {};
  for (const [name, o] of Object.entries(OUTPUTS)) {
    const mapName = o.map ? `${name}.map` : null;
    const { code, map } = await bundle({
      entry: o.entry, format: o.format, minify: o.minify, mapName, banner,
      defines: o.inline ? { ...defines, base64: bytes.toString('base64') } : defines,
    });
    files[name] = Buffer.from(code);
    if (map) files[mapName] = Buffer.from(map);
  }
  files[RENDERER] = bytes;
  if (notices.length) files[NOTICES] = Buffer.from(noticesText(notices));
  for (const [name, path] of Object.entries(COPIED)) files[name] = readFileSync(path);
  addPrecompressedCopies(files);
  if (contentModule) {
    files[CONTENT_PACKER] = readFileSync(resolve(contentModule));
    checkContentModule(files[CONTENT_PACKER], resolve(contentModule));
    files[COMMAND] = Buffer.from(await bundleCommand({ version }));
  }

  mkdirSync(outDir, { recursive: true });
  for (const [name, data] of Object.entries(files)) writeFileSync(join(outDir, name), data);
  if (files[COMMAND]) chmodSync(join(outDir, COMMAND), 0o755); // runs as ./article-widget-cli.mjs too
  const manifest = makeManifest({ name: pkg.name, version, wasmHash: hash, files });
  writeFileSync(join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { version, hash, manifest };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  try {
    const { version, hash, manifest } = await build(args);
    const lines = [
      `build-web: article-widget ${version}, wasm ${hash} -> ${resolve(args.out)}`,
      `  ${'file'.padEnd(30)} ${'raw'.padStart(8)} ${'gzip -9'.padStart(8)} ${'brotli'.padStart(8)}`,
    ];
    for (const [name, f] of Object.entries(manifest.files)) {
      lines.push(`  ${name.padEnd(30)} ${String(f.bytes).padStart(8)} ${String(f.gzip).padStart(8)} ${String(f.brotli).padStart(8)}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (err) {
    process.stderr.write(`build-web: ${err.message}\n`);
    process.exit(1);
  }
}
