#!/usr/bin/env node
// Builds dist/: the shim (web/src/, bundled by esbuild) around one renderer
// module, and the package's demo edition and archive.
//
//   node tools/build-web.mjs --wasm build/wasm/article-widget.wasm --out dist \
//       [--content-module build/wasm/article-widget-content.wasm [--content content]] \
//       [--notice md4c=LICENSE.md ...]
//
// --content-module adds the package's command (web/cli/, bundled) and the
// content packer it runs, which packs a site's own articles (README, "Your
// own articles"). --content packs that folder with it, by the command's
// own path (web/cli/site.js), into dist/'s demo edition
// (article-widget.awe) and archive (articles/): what a page that names no
// edition shows.
// Every script embeds the first 16 hex digits of the module's sha384 (it
// loads article-widget.wasm?v=HASH, so a cached script never asks for
// another module) and its SRI hash (fetch(url, { integrity }) refuses any
// other bytes). The module is checked against web/src/abi.js before
// anything is written: a mismatch fails here, not in a reader's browser.
// The files written are OUTPUTS below, their .br and .gz copies
// (web/node/precompress.js), plus manifest.json (sizes and SRI of the
// code) and the demo content: what dist/package.json's "files" lists
// (scripts/pack checks that the two agree). The name and version are
// dist/package.json's.

import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ContentError } from '../web/cli/errors.js';
import { createPacker } from '../web/cli/packer.js';
import { buildContent } from '../web/cli/site.js';
import { checkContentModule, checkModule } from '../web/node/check-module.js';
import { moduleHash, sriHash } from '../web/node/hashes.js';
import { makeManifest } from '../web/node/manifest.js';
import {
  COMMAND, CONTENT_PACKER, MANIFEST, NODE_MODULE, NODE_REQUIRE, NOTICES, PAGE_MODULE, PAGE_SCRIPT, RENDERER, SINGLE_FILE,
} from '../web/node/package-layout.js';
import { addPrecompressedCopies } from '../web/node/precompress.js';
import { EDITION_FILE } from '../web/src/abi.js';
import { bundle, bundleCommand, widgetCss } from './bundle.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_JSON = join(REPO, 'dist', 'package.json');
// Hand-written files the package ships as they are.
const COPIED = {
  'article-widget.d.ts': join(REPO, 'web', 'src', 'article-widget.d.ts'),
  'wasm.d.ts': join(REPO, 'web', 'src', 'wasm.d.ts'),
  'edition.d.ts': join(REPO, 'web', 'src', 'edition.d.ts'),
  'custom-elements.json': join(REPO, 'web', 'src', 'custom-elements.json'),
  LICENSE: join(REPO, 'LICENSE'),
};

// name -> how it is bundled. Minified ones get a .map (but the single file).
const OUTPUTS = {
  'article-widget.js': { entry: 'entry-classic.js', format: 'iife' },
  [PAGE_SCRIPT]: { entry: 'entry-classic.js', format: 'iife', minify: true, map: true },
  'article-widget.mjs': { entry: 'entry-module.js', format: 'esm' },
  [PAGE_MODULE]: { entry: 'entry-module.js', format: 'esm', minify: true, map: true },
  // `inline`: the module inside, base64; 'node': the demo edition too. The
  // Node builds use them where a server bundler left no file beside them.
  [NODE_MODULE]: { entry: 'entry-node.js', format: 'esm', inline: 'node' },
  [NODE_REQUIRE]: { entry: 'entry-node.js', format: 'cjs', inline: 'node' },
  // For hosts that cannot serve a .wasm at all.
  [SINGLE_FILE]: { entry: 'entry-classic.js', format: 'iife', minify: true, inline: true },
};

function usage(message) {
  if (message) process.stderr.write(`build-web: ${message}\n`);
  process.stderr.write('usage: node tools/build-web.mjs --wasm MODULE.wasm --out DIR [--notice NAME=LICENSE_FILE ...]'
    + ' [--content-module PACKER.wasm [--content CONTENT_DIR]]\n');
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
  if (args.content && !args.contentModule) usage('--content needs --content-module (the packer)');
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
  const bytes = readFileSync(resolve(wasm));
  const renderer = checkModule(bytes, resolve(wasm));

  const hash = moduleHash(bytes);
  const pkg = readPackage();
  const { version } = pkg;
  const defines = { version, hash, integrity: sriHash(bytes) };
  const banner = `/*! article-widget ${version} | wasm sha384 ${hash} | built from web/src by tools/build-web.mjs */\n`;

  // The demo content, packed as the command packs a site's (and checked
  // by this renderer) before anything is written.
  const packer = contentModule && readFileSync(resolve(contentModule));
  if (packer) checkContentModule(packer, resolve(contentModule));
  const demo = content && await buildContent({
    pack: createPacker(packer, resolve(contentModule)), renderer, contentDir: content,
  });

  // What a script carries: the module, base64; the Node builds the demo
  // edition too (a server bundle leaves both files behind).
  const carried = (inline) => ({
    base64: bytes.toString('base64'),
    ...(inline === 'node' && demo ? { edition: demo.edition.toString('base64') } : {}),
  });

  const files = {};
  for (const [name, o] of Object.entries(OUTPUTS)) {
    const mapName = o.map ? `${name}.map` : null;
    const { code, map } = await bundle({
      entry: o.entry, format: o.format, minify: o.minify, mapName, banner,
      defines: { ...defines, ...(o.inline && carried(o.inline)) },
    });
    files[name] = Buffer.from(code);
    if (map) files[mapName] = Buffer.from(map);
  }
  files[RENDERER] = bytes;
  if (notices.length) files[NOTICES] = Buffer.from(noticesText(notices));
  for (const [name, path] of Object.entries(COPIED)) files[name] = readFileSync(path);
  addPrecompressedCopies(files);
  if (contentModule) {
    files[CONTENT_PACKER] = packer;
    files[COMMAND] = Buffer.from(await bundleCommand({ version }));
  }

  mkdirSync(outDir, { recursive: true });
  for (const [name, data] of Object.entries(files)) writeFileSync(join(outDir, name), data);
  if (files[COMMAND]) chmodSync(join(outDir, COMMAND), 0o755); // runs as ./article-widget-cli.mjs too
  const styleHash = `sha256-${createHash('sha256').update(await widgetCss()).digest('base64')}`;
  const manifest = makeManifest({ name: pkg.name, version, wasmHash: hash, styleHash, files });
  writeFileSync(join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  if (demo) {
    // The archive afresh: no file of an article since removed.
    for (const path of new Set([...demo.archive.keys()].map((p) => dirname(p)))) rmSync(join(outDir, path), { recursive: true, force: true });
    writeFileSync(join(outDir, EDITION_FILE), demo.edition);
    for (const [path, data] of demo.archive) {
      mkdirSync(dirname(join(outDir, path)), { recursive: true });
      writeFileSync(join(outDir, path), data);
    }
  }
  return { version, hash, manifest, demo };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  try {
    const { version, hash, manifest, demo } = await build(args);
    const lines = [
      `build-web: article-widget ${version}, wasm ${hash} -> ${resolve(args.out)}`,
      `  ${'file'.padEnd(30)} ${'raw'.padStart(8)} ${'gzip -9'.padStart(8)} ${'brotli'.padStart(8)}`,
    ];
    for (const [name, f] of Object.entries(manifest.files)) {
      lines.push(`  ${name.padEnd(30)} ${String(f.bytes).padStart(8)} ${String(f.gzip).padStart(8)} ${String(f.brotli).padStart(8)}`);
    }
    if (demo) {
      lines.push(`  demo: ${EDITION_FILE} (${demo.catalog.length} trending articles) ${demo.edition.length} bytes gzip, `
        + `archive of ${demo.archive.size} articles`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (err) {
    // Bad content is said as scripts/build's aw-embed says it.
    process.stderr.write(err instanceof ContentError ? `${err.message}\n` : `build-web: ${err.message}\n`);
    process.exit(1);
  }
}
