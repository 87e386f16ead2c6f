// Host projects for tests/bundlers/bundlers.test.mjs: a scratch folder that
// depends on the packed package the way a site's project does (the tarball
// extracted into node_modules/article-widget, which is all npm does for a
// package without dependencies), the page and scripts that use it by name,
// and the bundlers pinned in tests/bundlers/package-lock.json, run as their
// users run them (scripts/setup installs them).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SEED_SLUG, requireFile } from '../js/helpers.mjs';

const MODULES = join(dirname(fileURLToPath(import.meta.url)), 'node_modules');

function installed(dir) {
  const file = requireFile(join(MODULES, dir, 'package.json'), 'run scripts/setup (it installs tests/bundlers/package-lock.json)');
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

// name -> { version, bin, module }: `bin` is the command users run, `module`
// what a script imports (Vite's dev server is started through its API).
export const BUNDLERS = {
  webpack: { version: installed('webpack'), bin: join(MODULES, 'webpack-cli', 'bin', 'cli.js') },
  vite: { version: installed('vite'), bin: join(MODULES, 'vite', 'bin', 'vite.js'), module: 'vite' },
  vite7: { version: installed('vite7'), bin: join(MODULES, 'vite7', 'bin', 'vite.js'), module: 'vite7' },
  esbuild: { version: installed('esbuild'), bin: join(MODULES, '.bin', 'esbuild') },
};

// Makes `dir` a project that depends on the package in `tarball`, with
// `files` (path -> text) beside it. Returns `dir`.
export function makeHost(dir, tarball, files = {}) {
  const pkgDir = join(dir, 'node_modules', 'article-widget');
  mkdirSync(pkgDir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  files = { 'package.json': JSON.stringify({ name: 'host', private: true, type: 'module', dependencies: { 'article-widget': version } }), ...files };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

// The host page: an <article-widget> element written in the HTML, and an
// empty element the script mounts a second widget on; both show the seed
// article. `script` is the tag that loads the bundle. `widgets: false`: a
// page with neither.
export function pageHtml(script, { widgets = true } = {}) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
${script}
</head><body>
${widgets ? `<article-widget id="element" article="${SEED_SLUG}"><p>Read the article on our site.</p></article-widget>
<div id="mounted"></div>` : '<p>No widget here.</p>'}
</body></html>
`;
}

// A script that imports the module and mounts nothing; it shows that it ran.
export const IDLE_SCRIPT = `import { version } from 'article-widget';

document.documentElement.dataset.awVersion = version;
`;

// The page's script. `wasmImport`: the esbuild way, the .wasm and the demo
// edition imported as files (--loader:.wasm=file --loader:.awe=file) and
// handed to setWasmUrl and setEditionUrl before any mount.
export function pageScript({ wasmImport = false } = {}) {
  return wasmImport ? `import { mount, setEditionUrl, setWasmUrl } from 'article-widget';
import editionUrl from 'article-widget/edition';
import wasmUrl from 'article-widget/wasm';

setWasmUrl(wasmUrl);
setEditionUrl(editionUrl);
mount(document.getElementById('mounted'), { article: '${SEED_SLUG}' });
` : `import { mount } from 'article-widget';

mount(document.getElementById('mounted'), { article: '${SEED_SLUG}' });
`;
}

// Runs `args` (a command and its arguments; a .js/.mjs bin runs under this
// Node) in `cwd`. Returns { ok, output }: output is stdout then stderr.
export function run(args, cwd) {
  const [bin, ...rest] = /\.m?js$/.test(args[0]) ? [process.execPath, ...args] : args;
  const r = spawnSync(bin, rest, {
    cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}` };
}

// Moves a build's output folder `out` (inside `host`) to HOST/site/web, the
// folder web/node/server.js serves at / when given root HOST/site; writes
// `indexHtml` there when the bundler makes no page. Returns HOST/site.
export function publish(host, out, indexHtml) {
  const site = join(host, 'site');
  mkdirSync(site);
  renameSync(join(host, out), join(site, 'web'));
  if (indexHtml) writeFileSync(join(site, 'web', 'index.html'), indexHtml);
  return site;
}
