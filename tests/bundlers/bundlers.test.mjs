// The packed package in real bundlers (issue 9): a host project that
// depends on the tarball scripts/pack made, and imports the package by
// name, is built by webpack 5, Vite 8 and 7 (build and dev server) and
// esbuild with no configuration but the one setting the README gives where
// a bundler needs one (esbuild: --loader:.wasm=file --loader:.awe=file,
// setWasmUrl and setEditionUrl; Vite 5 to 7's dev server with the package
// installed above the Vite root: optimizeDeps.exclude). Each is served and
// opened in Chromium: both widgets of the page show the seed article (from
// the package's demo edition, which the bundler emitted or inlined),
// nothing is logged as an error, and the one .wasm request is answered as
// application/wasm. A page that imports the module and mounts nothing
// fetches no .wasm. In Node: import and require() by name, and a server
// bundle (esbuild --platform=node) that finds the .wasm and the edition.
//
//   node --test tests/bundlers/bundlers.test.mjs   (AW_PACK, AW_CHROMIUM)
//
// The bundlers are pinned in tests/bundlers/package-lock.json (scripts/setup).

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { chromium } from 'playwright-core';

import { DIST, REPO, SEED_SLUG, SEED_TITLE, readSeed, requireFile } from '../js/helpers.mjs';
import { LAUNCH, T } from '../browser/harness.mjs';
import { startServer } from '../../web/node/server.js';
import { BUNDLERS, IDLE_SCRIPT, makeHost, pageHtml, pageScript, publish, run } from './hosts.mjs';

const pkg = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8'));
const TARBALL = resolve(process.env.AW_PACK || join(REPO, 'build', 'pack', `${pkg.name}-${pkg.version}.tgz`));
const FIRST_PARAGRAPH = readSeed().paragraphs[0];
const tmp = mkdtempSync(join(tmpdir(), 'aw-bundlers-'));
let browser;

before(async () => {
  requireFile(TARBALL, 'run scripts/pack (or set AW_PACK)');
  browser = await chromium.launch(LAUNCH);
});
after(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

// Opens `url` in a fresh context; collects console errors, page errors,
// article-widget:error details and the responses to .wasm requests.
async function openPage(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = { consoleErrors: [], wasm: [] };
  page.on('console', (m) => m.type() === 'error' && seen.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => seen.consoleErrors.push(e.message));
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.endsWith('.wasm')) seen.wasm.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] });
  });
  await page.addInitScript(() => {
    window.__awErrors = [];
    document.addEventListener('article-widget:error', (e) => window.__awErrors.push(e.detail));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { context, page, seen };
}

// Opens `url` and checks what a visitor gets: both widgets show the seed
// article, nothing is logged as an error, and the page asked for one .wasm,
// answered as WebAssembly.
async function assertArticleRenders(url) {
  const { context, page, seen } = await openPage(url);
  try {
    const ids = ['element', 'mounted'];
    // Until both render or one fails; on a timeout the asserts say what is missing.
    await page.waitForFunction((list) => window.__awErrors.length > 0
      || list.every((id) => document.getElementById(id)?.shadowRoot?.querySelector('.aw-body p')), ids, { timeout: 30_000 })
      .catch(() => {});
    const { errors, widgets } = await page.evaluate((list) => ({
      errors: window.__awErrors,
      widgets: list.map((id) => {
        const root = document.getElementById(id)?.shadowRoot;
        return {
          id,
          slug: root?.querySelector('.aw-article')?.getAttribute('data-aw-slug') ?? null,
          title: root?.querySelector('.aw-title')?.textContent ?? null,
          firstParagraph: root?.querySelector('.aw-body p')?.textContent ?? null,
        };
      }),
    }), ids);
    assert.deepEqual(errors, [], 'no article-widget:error');
    for (const w of widgets) assert.deepEqual(w, { id: w.id, slug: SEED_SLUG, title: SEED_TITLE, firstParagraph: FIRST_PARAGRAPH });
    assert.deepEqual(seen.consoleErrors, [], 'no console errors');
    const { wasm } = seen;
    assert.equal(wasm.length, 1, `one .wasm request: ${JSON.stringify(wasm)}`);
    assert.equal(wasm[0].status, 200, wasm[0].url);
    assert.match(wasm[0].type ?? '', /^application\/wasm\b/, wasm[0].url);
  } finally {
    await context.close();
  }
}

// Serves a published build (see publish()) with web/node/server.js, which
// sends the strict CSP the widget is meant to work under, and checks it.
async function assertSiteRenders(site) {
  const server = await startServer({ port: 0, root: site });
  try {
    await assertArticleRenders(server.url);
  } finally {
    await server.close();
  }
}

// Vite takes port 0 for "the default port" (5173), which another run may hold.
function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function assertDevServerRenders(module, root) {
  const { createServer } = await import(module);
  const server = await createServer({
    root, logLevel: 'error', clearScreen: false, server: { host: '127.0.0.1', port: await freePort(), strictPort: true },
  });
  try {
    await server.listen();
    await assertArticleRenders(server.resolvedUrls.local[0]);
  } finally {
    await server.close();
  }
}

function assertBuilt(name, build) {
  assert.ok(build.ok, `${name} failed:\n${build.output}`);
  // A warning about node: modules means Node code reached the browser build.
  assert.doesNotMatch(build.output, /\bnode:|WARNING/, `${name} warned:\n${build.output}`);
}

describe('a page that imports the package by name, built by each bundler, renders in Chromium', () => {
  test(`webpack ${BUNDLERS.webpack.version}: webpack --mode production`, T, async () => {
    const host = makeHost(join(tmp, 'webpack'), TARBALL, { 'src/index.js': pageScript() });
    assertBuilt('webpack', run([BUNDLERS.webpack.bin, '--mode', 'production'], host));
    await assertSiteRenders(publish(host, 'dist', pageHtml('<script defer src="main.js"></script>')));
  });

  for (const name of ['vite', 'vite7']) {
    const { version, bin, module } = BUNDLERS[name];
    const viteHost = (dir) => makeHost(join(tmp, dir), TARBALL, {
      'index.html': pageHtml('<script type="module" src="/main.js"></script>'),
      'main.js': pageScript(),
    });

    test(`Vite ${version}: vite build`, T, async () => {
      const host = viteHost(`${name}-build`);
      assertBuilt(`vite ${version} build`, run([bin, 'build'], host));
      await assertSiteRenders(publish(host, 'dist'));
    });

    test(`Vite ${version}: the dev server (vite)`, T, async () => {
      await assertDevServerRenders(module, viteHost(`${name}-dev`));
    });
  }

  // Where the package is installed above the Vite root (npm workspaces),
  // Vite 5 to 7 need the README's one setting; Vite 8 needs none.
  test(`Vite ${BUNDLERS.vite7.version}: the dev server in a workspace, with the README's setting optimizeDeps.exclude`, T, async () => {
    const top = makeHost(join(tmp, 'vite7-workspace'), TARBALL, {
      'package.json': JSON.stringify({ private: true, workspaces: ['app'] }),
      'app/package.json': JSON.stringify({ name: 'app', private: true, type: 'module' }),
      'app/vite.config.js': "export default { optimizeDeps: { exclude: ['article-widget'] } };\n",
      'app/index.html': pageHtml('<script type="module" src="/main.js"></script>'),
      'app/main.js': pageScript(),
    });
    await assertDevServerRenders(BUNDLERS.vite7.module, join(top, 'app'));
  });

  // One build serves two pages: the article page, and one that imports the
  // module and mounts nothing.
  let esbuildSite;
  function buildWithEsbuild() {
    esbuildSite ??= (() => {
      const host = makeHost(join(tmp, 'esbuild'), TARBALL, { 'main.js': pageScript({ wasmImport: true }), 'idle.js': IDLE_SCRIPT });
      assertBuilt('esbuild', run([BUNDLERS.esbuild.bin, 'main.js', 'idle.js', '--bundle', '--format=esm', '--loader:.wasm=file',
        '--loader:.awe=file', '--outdir=dist'], host));
      const site = publish(host, 'dist', pageHtml('<script type="module" src="main.js"></script>'));
      writeFileSync(join(site, 'web', 'idle.html'), pageHtml('<script type="module" src="idle.js"></script>', { widgets: false }));
      return site;
    })();
    return esbuildSite;
  }

  test(`esbuild ${BUNDLERS.esbuild.version}: --bundle --format=esm --loader:.wasm=file --loader:.awe=file, setWasmUrl and setEditionUrl(the imported files)`, T, async () => {
    await assertSiteRenders(buildWithEsbuild());
  });

  test('importing the module downloads nothing (esbuild bundle, a page without widgets)', T, async () => {
    const server = await startServer({ port: 0, root: buildWithEsbuild() });
    const { context, page, seen } = await openPage(new URL('idle.html', server.url).href);
    try {
      assert.equal(await page.evaluate(() => document.documentElement.dataset.awVersion), pkg.version, 'the module ran');
      assert.deepEqual(seen.wasm, [], 'no .wasm request');
      assert.deepEqual(seen.consoleErrors, [], 'no console errors');
    } finally {
      await context.close();
      await server.close();
    }
  });
});
describe('Node uses the package by name', () => {
  // Prints what a server renders: the version and the seed article's HTML.
  const SERVER_CODE = `await ready;
process.stdout.write(JSON.stringify({ version, html: renderView(${JSON.stringify(SEED_SLUG)}, 'article') }));\n`;

  function assertRendered({ ok, output }) {
    assert.ok(ok, output);
    const { version, html } = JSON.parse(output);
    assert.equal(version, pkg.version);
    assert.ok(html.startsWith(`<article class="aw-article" data-aw-slug="${SEED_SLUG}">`), html.slice(0, 200));
    assert.ok(html.includes(`>${SEED_TITLE}</`), 'the title is in the HTML');
  }

  test('import', T, () => {
    const host = makeHost(join(tmp, 'node-import'), TARBALL, {
      'server.mjs': `import { ready, renderView, version } from 'article-widget';\n${SERVER_CODE}`,
    });
    assertRendered(run([process.execPath, 'server.mjs'], host));
  });

  test('require(), without require(esm) as on Node 20.0 to 20.18', T, () => {
    const host = makeHost(join(tmp, 'node-require'), TARBALL, {
      'server.cjs': `const { ready, renderView, version } = require('article-widget');\n(async () => {\n${SERVER_CODE}})();\n`,
    });
    assertRendered(run([process.execPath, '--no-experimental-require-module', 'server.cjs'], host));
  });

  test(`a server bundle: esbuild ${BUNDLERS.esbuild.version} --bundle --platform=node --format=esm`, T, () => {
    const host = makeHost(join(tmp, 'node-bundle'), TARBALL, {
      'server.mjs': `import { ready, renderView, version } from 'article-widget';\n${SERVER_CODE}`,
    });
    assertBuilt('esbuild', run([BUNDLERS.esbuild.bin, 'server.mjs', '--bundle', '--platform=node', '--format=esm', '--outfile=out/server.mjs'], host));
    assertRendered(run([process.execPath, join('out', 'server.mjs')], host));
  });
});
