// The packed package in more frameworks (issue 20), the longer run (see
// docs/testing.md, "Longer runs"; the quick ones, in scripts/test, are
// frameworks.test.mjs): each fixture of tests/frameworks/ built with the
// framework's own command and only the settings docs/frameworks.md gives,
// served, and its page opened in Chromium (harness.mjs). Each test prints
// its build time.
//
//   scripts/setup --frameworks && node --test tests/frameworks/frameworks-longer.test.mjs

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import { LAUNCH } from '../browser/harness.mjs';
import {
  assertBuilt, assertWidgetPage, freePort, installed, nodeFor, nodeVersion, run, stage, startProcess, startStatic,
} from './harness.mjs';

const T = { timeout: 600_000 };
const tmp = mkdtempSync(join(tmpdir(), 'aw-frameworks-longer-'));
let browser;

before(async () => {
  browser = await chromium.launch(LAUNCH);
});
after(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

// The fallback renderView() gave inside the element, in the HTML as sent.
const SERVER_FALLBACK = /<article-widget[^>]*>\s*(<div>|<!---->)?\s*<nav class="aw-trending"/;

async function assertStaticSite(folder, check = () => {}, options = {}) {
  const server = await startStatic(folder);
  try {
    check(await assertWidgetPage(browser, server.url, options));
  } finally {
    await server.close();
  }
}

test(`Astro ${installed('astro', 'astro')}: renderView() in the frontmatter, import in a <script>; astro build`, T, async (t) => {
  const node = nodeFor('astro');
  const dir = stage('astro', tmp);
  const build = run(node, dir, 'astro/bin/astro.mjs', ['build']);
  t.diagnostic(`build: ${build.seconds.toFixed(1)} s (Node ${nodeVersion(node)})`);
  assertBuilt('astro build', build);
  await assertStaticSite(join(dir, 'dist'), (html) => assert.match(html, SERVER_FALLBACK));
});

test(`SvelteKit ${installed('sveltekit', '@sveltejs/kit')}, Svelte ${installed('sveltekit', 'svelte')} (adapter-node): `
  + 'svelte-check, vite build, node build', T, async (t) => {
  const node = nodeFor('sveltekit');
  const dir = stage('sveltekit', tmp);
  // The element's attributes are checked: exactly the two wrong values of
  // src/lib/TypeChecks.svelte are reported, and nothing else.
  assertBuilt('svelte-kit sync', run(node, dir, '@sveltejs/kit/svelte-kit.js', ['sync']));
  const check = run(node, dir, 'svelte-check/bin/svelte-check', ['--tsconfig', './tsconfig.json', '--output', 'machine']);
  const errors = check.output.split('\n').filter((l) => /^\d+ ERROR /.test(l));
  assert.equal(errors.length, 2, check.output);
  assert.match(errors[0], /ERROR "src\/lib\/TypeChecks\.svelte" 4:17 .*wide.* is not assignable to type 'View \| undefined'/);
  assert.match(errors[1], /ERROR "src\/lib\/TypeChecks\.svelte" 4:29 "Type '7' is not assignable to type 'HeadingLevel \|/);
  const build = run(node, dir, 'vite/bin/vite.js', ['build']);
  t.diagnostic(`build: ${build.seconds.toFixed(1)} s, svelte-check ${check.seconds.toFixed(1)} s (Node ${nodeVersion(node)})`);
  assertBuilt('vite build', build);
  const port = await freePort();
  const server = await startProcess(node, dir, './build/index.js', [], { port });
  try {
    assert.match(await assertWidgetPage(browser, server.url), SERVER_FALLBACK);
  } finally {
    await server.close();
  }
});

test(`Eleventy ${installed('eleventy', '@11ty/eleventy')}: a shortcode calling renderView(), the classic script copied; eleventy`,
  T, async (t) => {
    const node = nodeFor('eleventy');
    const dir = stage('eleventy', tmp);
    const build = run(node, dir, '@11ty/eleventy/cmd.cjs');
    t.diagnostic(`build: ${build.seconds.toFixed(1)} s`);
    assertBuilt('eleventy', build);
    await assertStaticSite(join(dir, '_site'), (html) => assert.match(html, SERVER_FALLBACK));
  });

test(`Rollup ${installed('rollup', 'rollup')} + @rollup/plugin-node-resolve ${installed('rollup', '@rollup/plugin-node-resolve')}`
  + ` + @web/rollup-plugin-import-meta-assets ${installed('rollup', '@web/rollup-plugin-import-meta-assets')}: rollup -c`, T, async (t) => {
  const node = nodeFor('rollup');
  const dir = stage('rollup', tmp);
  const build = run(node, dir, 'rollup/dist/bin/rollup', ['-c']);
  t.diagnostic(`build: ${build.seconds.toFixed(1)} s`);
  assertBuilt('rollup -c', build);
  assert.doesNotMatch(build.output, /\(!\)/, build.output); // Rollup's warnings
  await assertStaticSite(join(dir, 'public'), () => {}, { selector: '#news' });
});

test(`Parcel ${installed('parcel', 'parcel')}: parcel build`, T, async (t) => {
  const node = nodeFor('parcel');
  const dir = stage('parcel', tmp);
  const build = run(node, dir, 'parcel/lib/bin.js', ['build']);
  t.diagnostic(`build: ${build.seconds.toFixed(1)} s`);
  assertBuilt('parcel build', build);
  await assertStaticSite(join(dir, 'dist'));
});
