// The packed package in the frameworks news sites are built with (issue
// 20), those that fit in scripts/test: each fixture of tests/frameworks/ is
// built with the framework's own command and only the settings
// docs/frameworks.md gives (none, but Vue's isCustomElement line and
// Rollup's asset plugin), served, and its page opened in Chromium
// (harness.mjs: trending list and article in the shadow root, one .wasm
// request answered as application/wasm, no console error). Each test prints
// its build time. The others (Astro, SvelteKit, Parcel): frameworks-longer.test.mjs.
//
//   node --test tests/frameworks/frameworks.test.mjs   (AW_PACK, AW_CHROMIUM)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';

import {
  SERVER_FALLBACK, T, assertBuilt, assertServedPage, freePort, installed, lockfiles, nodeFor, nodeVersion, run, stage,
  startProcess, startStatic, useFixtures,
} from './harness.mjs';

const { tmp, browser } = useFixtures();

test('every fixture pins its versions in a lockfile that names no registry', () => {
  for (const file of lockfiles()) {
    assert.doesNotMatch(readFileSync(file, 'utf8'), /"resolved"/, file);
    // Whatever the user's npmrc says, npm keeps it that way in this folder.
    assert.match(readFileSync(join(dirname(file), '.npmrc'), 'utf8'), /^omit-lockfile-registry-resolved=true$/m, file);
  }
});

describe(`Next.js ${installed('next', 'next')} App Router, React ${installed('next', 'react')}: no configuration`, () => {
  // The server component's render() and renderView() are in the HTML the
  // server sends; the client component's widget renders over the latter.
  function assertServerRendered(html) {
    assert.match(html, /<h3 id="notes-from-the-server">Notes from the server<\/h3>/, 'render() in a server component');
    assert.match(html, /<p>Not a link and &lt;b&gt;raw HTML&lt;\/b&gt;\.<\/p>/, 'render() kept its safety policy');
    assert.match(html, /<article-widget heading-level="2"><div><nav class="aw-trending"/, 'renderView() as the fallback inside <article-widget>');
  }

  for (const [bundler, args] of [['Turbopack', []], ['webpack', ['--webpack']]]) {
    test(`${bundler}: next build${args.length ? ` ${args.join(' ')}` : ''} (tsc included), next start`, T, async (t) => {
      const node = nodeFor('next');
      const dir = stage('next', join(tmp, bundler));
      const build = run(node, dir, 'next/dist/bin/next', ['build', ...args]);
      t.diagnostic(`build: ${build.seconds.toFixed(1)} s`);
      assertBuilt('next build', build);
      assert.doesNotMatch(build.output, /warn|error/i, build.output);
      const port = await freePort();
      assertServerRendered(await assertServedPage(browser(),
        startProcess(node, dir, 'next/dist/bin/next', ['start', '-p', String(port)], { port })));
    });
  }
});

test(`Vite ${installed('vite-react-ts', 'vite')} + React ${installed('vite-react-ts', 'react')} + TypeScript `
  + `${installed('vite-react-ts', 'typescript')} (create-vite react-ts): tsc -b && vite build`, T, async (t) => {
  const node = nodeFor('vite-react-ts');
  const dir = stage('vite-react-ts', tmp);
  const tsc = run(node, dir, 'typescript/bin/tsc', ['-b']);
  assertBuilt('tsc -b', tsc);
  const vite = run(node, dir, 'vite/bin/vite.js', ['build']);
  t.diagnostic(`build: ${(tsc.seconds + vite.seconds).toFixed(1)} s (tsc -b ${tsc.seconds.toFixed(1)} s, vite build ${vite.seconds.toFixed(1)} s)`);
  assertBuilt('vite build', vite);
  assert.doesNotMatch(vite.output, /\bnode:|warn/i, vite.output);
  await assertServedPage(browser(), startStatic(join(dir, 'dist')));
});

test(`Nuxt ${installed('nuxt', 'nuxt')} (server-side rendering, Vue ${installed('nuxt', 'vue')}): nuxt build with the isCustomElement line, `
  + 'node .output/server/index.mjs', T, async (t) => {
  const node = nodeFor('nuxt');
  const dir = stage('nuxt', tmp);
  const build = run(node, dir, 'nuxt/bin/nuxt.mjs', ['build']);
  t.diagnostic(`build: ${build.seconds.toFixed(1)} s (Node ${nodeVersion(node)})`);
  assertBuilt('nuxt build', build);
  const port = await freePort();
  const html = await assertServedPage(browser(), startProcess(node, dir, './.output/server/index.mjs', [], { port }));
  // Rendered by the server as an element with its fallback, not <!---->.
  assert.match(html, /<article-widget heading-level="2"><div><nav class="aw-trending"/, 'the server-rendered fallback');
  // Nuxt prefetches the .wasm; the widget asks for the very same URL, so
  // the browser's cache answers it (the one request counted above).
  assert.match(html, /<link rel="prefetch" href="\/_nuxt\/article-widget\.[\w-]+\.wasm">/, 'Nuxt prefetches the .wasm');
});

test(`Vue ${installed('vue-vite', 'vue')} + Vite ${installed('vue-vite', 'vite')} (create-vite vue-ts), the isCustomElement line: `
  + `vue-tsc ${installed('vue-vite', 'vue-tsc')} -b && vite build`, T, async (t) => {
  const node = nodeFor('vue-vite');
  const dir = stage('vue-vite', tmp);
  const check = run(node, dir, 'vue-tsc/bin/vue-tsc.js', ['-b']);
  assertBuilt('vue-tsc -b', check);
  const vite = run(node, dir, 'vite/bin/vite.js', ['build']);
  t.diagnostic(`build: ${(check.seconds + vite.seconds).toFixed(1)} s (vue-tsc -b ${check.seconds.toFixed(1)} s, vite build ${vite.seconds.toFixed(1)} s)`);
  assertBuilt('vite build', vite);
  assert.doesNotMatch(vite.output, /\bnode:|warn/i, vite.output);
  await assertServedPage(browser(), startStatic(join(dir, 'dist')));
});

test(`<article-widget> in Preact ${installed('jsx-types', 'preact')} and Solid ${installed('jsx-types', 'solid-js')} TSX: `
  + `tsc ${installed('jsx-types', 'typescript')}`, T, (t) => {
  const node = nodeFor('jsx-types');
  const dir = stage('jsx-types', tmp);
  for (const framework of ['preact', 'solid']) {
    const check = run(node, dir, 'typescript/bin/tsc', ['-p', framework]);
    t.diagnostic(`tsc -p ${framework}: ${check.seconds.toFixed(1)} s`);
    assertBuilt(`tsc -p ${framework}`, check);
  }
});

test(`Eleventy ${installed('eleventy', '@11ty/eleventy')}: a shortcode calling renderView(), the classic script copied; eleventy`,
  T, async (t) => {
    const node = nodeFor('eleventy');
    const dir = stage('eleventy', tmp);
    const build = run(node, dir, '@11ty/eleventy/cmd.cjs');
    t.diagnostic(`build: ${build.seconds.toFixed(1)} s`);
    assertBuilt('eleventy', build);
    assert.match(await assertServedPage(browser(), startStatic(join(dir, '_site'))), SERVER_FALLBACK);
  });

test(`Rollup ${installed('rollup', 'rollup')} + @rollup/plugin-node-resolve ${installed('rollup', '@rollup/plugin-node-resolve')}`
  + ` + @web/rollup-plugin-import-meta-assets ${installed('rollup', '@web/rollup-plugin-import-meta-assets')}: rollup -c`, T, async (t) => {
  const node = nodeFor('rollup');
  const dir = stage('rollup', tmp);
  const build = run(node, dir, 'rollup/dist/bin/rollup', ['-c']);
  t.diagnostic(`build: ${build.seconds.toFixed(1)} s`);
  assertBuilt('rollup -c', build);
  assert.doesNotMatch(build.output, /\(!\)/, build.output); // Rollup's warnings
  await assertServedPage(browser(), startStatic(join(dir, 'public')), { selector: '#news' });
});
