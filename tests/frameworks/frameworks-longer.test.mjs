// The packed package in Astro, SvelteKit and Parcel (issue 20), the longer
// run (docs/testing.md, "Longer runs"; those in scripts/test are
// frameworks.test.mjs): each fixture of tests/frameworks/ built with the
// framework's own command and only the settings docs/frameworks.md gives,
// served, and its page opened in Chromium (harness.mjs). Each test prints
// its build time.
//
//   scripts/setup --longer && node --test tests/frameworks/frameworks-longer.test.mjs

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import {
  SERVER_FALLBACK, T, assertBuilt, assertServedPage, freePort, installed, nodeFor, nodeVersion, run, stage, startProcess,
  startStatic, useFixtures,
} from './harness.mjs';

const { tmp, browser } = useFixtures();

test(`Astro ${installed('astro', 'astro')}: renderView() in the frontmatter, import in a <script>; astro build`, T, async (t) => {
  const node = nodeFor('astro');
  const dir = stage('astro', tmp);
  const build = run(node, dir, 'astro/bin/astro.mjs', ['build']);
  t.diagnostic(`build: ${build.seconds.toFixed(1)} s (Node ${nodeVersion(node)})`);
  assertBuilt('astro build', build);
  assert.match(await assertServedPage(browser(), startStatic(join(dir, 'dist'))), SERVER_FALLBACK);
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
  assert.match(await assertServedPage(browser(), startProcess(node, dir, './build/index.js', [], { port })), SERVER_FALLBACK);
});

test(`Parcel ${installed('parcel', 'parcel')}: parcel build`, T, async (t) => {
  const node = nodeFor('parcel');
  const dir = stage('parcel', tmp);
  const build = run(node, dir, 'parcel/lib/bin.js', ['build']);
  t.diagnostic(`build: ${build.seconds.toFixed(1)} s`);
  assertBuilt('parcel build', build);
  await assertServedPage(browser(), startStatic(join(dir, 'dist')));
});
