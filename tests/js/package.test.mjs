// The publishable package: the tarball scripts/pack made (npm pack of dist/),
// its package.json fields, its types (tsc --noEmit on tests/types/usage.ts
// against the package resolved by name) and the checks of tools/pack.mjs.
//
//   node --test tests/js/package.test.mjs   (AW_PACK: the tarball; default build/pack/NAME-VERSION.tgz)

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { CLI, DIST, REPO, SEED_SLUG, requireFile } from './helpers.mjs';
import { packAndCheck } from '../../tools/pack.mjs';

const pkg = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8'));
const TARBALL = resolve(process.env.AW_PACK || join(REPO, 'build', 'pack', `${pkg.name}-${pkg.version}.tgz`));
const tmp = mkdtempSync(join(tmpdir(), 'aw-package-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

// A project that depends on the package: node_modules/article-widget is the
// extracted tarball.
const project = join(tmp, 'project');
const installed = join(project, 'node_modules', pkg.name);
before(() => {
  requireFile(TARBALL, 'run scripts/pack (or set AW_PACK)');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', TARBALL, '-C', installed, '--strip-components=1']);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }));
});

describe('the packed package', () => {
  test('package.json: entry points exist, classic script for CDNs, types, custom elements, licence', () => {
    const p = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.equal(p.version, pkg.version);
    assert.equal(p.license, 'MIT');
    assert.ok(existsSync(join(installed, 'LICENSE')));
    assert.equal(p.unpkg, './article-widget.min.js');
    assert.equal(p.jsdelivr, './article-widget.min.js');
    assert.equal(p.types, './article-widget.d.ts');
    // Browsers and bundlers get the ES module; Node its own builds (import
    // and require), which read the .wasm from disk.
    assert.deepEqual(p.exports['.'], {
      types: './article-widget.d.ts',
      node: { import: './article-widget.node.mjs', require: './article-widget.cjs' },
      default: './article-widget.mjs',
    });
    assert.deepEqual(p.exports['./wasm'], { types: './wasm.d.ts', default: './article-widget.wasm' });
    // The demo edition, for a bundler's file loader (esbuild) and a server bundle.
    assert.deepEqual(p.exports['./edition'], { types: './edition.d.ts', default: './article-widget.awe' });
    assert.equal(p.exports['./article-widget.awe'], './article-widget.awe');
    assert.ok(readdirSync(join(installed, 'articles')).length > 0, 'the demo archive is packed');
    // The command that builds a site's own articles (README, "Your own articles").
    assert.deepEqual(p.bin, { 'article-widget': './article-widget-cli.mjs' });
    const targets = [p.main, p.module, p.types, p.unpkg, p.customElements, ...p.sideEffects, ...Object.values(p.bin)];
    const leaves = (v) => (typeof v === 'string' ? [v] : Object.values(v).flatMap(leaves));
    for (const value of Object.values(p.exports)) targets.push(...leaves(value));
    for (const t of targets) assert.ok(existsSync(join(installed, t)), `${t} is in the tarball`);
    // The classic script, not module syntax, behind unpkg/jsdelivr.
    assert.ok(!/^\s*(import|export)\s/m.test(readFileSync(join(installed, p.unpkg), 'utf8')));
  });

  test('custom-elements.json describes the element the script defines', async () => {
    const cem = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'));
    const [decl] = cem.modules[0].declarations;
    assert.equal(decl.tagName, 'article-widget');
    const src = join(REPO, 'web', 'src');
    assert.ok(readFileSync(join(src, 'element.js'), 'utf8').includes(`customElements.define('${decl.tagName}'`));
    // The element observes exactly the option table's attributes, and the manifest names them all.
    const { ATTRIBUTES } = await import(pathToFileURL(join(src, 'options.js')).href);
    assert.deepEqual(decl.attributes.map((a) => a.name).sort(), [...ATTRIBUTES].sort());
    const code = readdirSync(src).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(src, f), 'utf8')).join('\n');
    const emitted = [...new Set(code.match(/'article-widget:[a-z]+'/g).map((t) => t.slice(1, -1)))].sort();
    assert.deepEqual(decl.events.map((e) => e.name).sort(), emitted);
  });

  test('imported and required by name in Node, through "exports", it renders', async () => {
    writeFileSync(join(project, 'use.mjs'), `import { ready, renderView, version } from '${pkg.name}';
await ready;
process.stdout.write(JSON.stringify({ version, html: renderView(${JSON.stringify(SEED_SLUG)}, 'article') }));\n`);
    const out = JSON.parse(execFileSync(process.execPath, [join(project, 'use.mjs')], { cwd: project, encoding: 'utf8' }));
    assert.equal(out.version, pkg.version);
    assert.ok(out.html.startsWith(`<article class="aw-article" data-aw-slug="${SEED_SLUG}">`));
    writeFileSync(join(project, 'use.cjs'), `const aw = require('${pkg.name}');
aw.ready.then(() => process.stdout.write(aw.renderView(null, 'trending')));\n`);
    const nav = execFileSync(process.execPath, [join(project, 'use.cjs')], { cwd: project, encoding: 'utf8' });
    assert.ok(nav.startsWith('<nav class="aw-trending"'), nav.slice(0, 80));
    // An article of the demo archive alone, read from the installed package.
    writeFileSync(join(project, 'archive.mjs'), `import { ready, renderView } from '${pkg.name}';
await ready;
process.stdout.write(renderView('the-edition-and-the-archive', 'article'));\n`);
    const archived = execFileSync(process.execPath, [join(project, 'archive.mjs')], { cwd: project, encoding: 'utf8' });
    assert.ok(archived.startsWith('<article class="aw-article" data-aw-slug="the-edition-and-the-archive">'), archived.slice(0, 100));
  });

  test('one version: package.json, the manifest and aw-render --version', async () => {
    assert.equal(execFileSync(requireFile(CLI, 'run scripts/build'), ['--version'], { encoding: 'utf8' }), `${pkg.version}\n`);
    const manifest = JSON.parse(readFileSync(join(installed, 'manifest.json'), 'utf8'));
    assert.equal(manifest.version, pkg.version);
  });

  test('the types check: tsc --noEmit on tests/types/usage.ts', () => {
    for (const f of ['usage.ts', 'tsconfig.json']) cpSync(join(REPO, 'tests', 'types', f), join(project, f));
    const tsc = join(REPO, 'node_modules', '.bin', 'tsc');
    const r = spawnSync(tsc, ['-p', project, '--noEmit'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);

    // The check can fail: a misuse without its @ts-expect-error is reported.
    writeFileSync(join(project, 'usage.ts'), readFileSync(join(project, 'usage.ts'), 'utf8').replace('// @ts-expect-error no such view\n', ''));
    const bad = spawnSync(tsc, ['-p', project, '--noEmit'], { encoding: 'utf8' });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stdout, /usage\.ts\(\d+,\d+\): error TS\d+: .*"wide"/);
  });
});

describe('tools/pack.mjs refuses a broken package', () => {
  // A copy of dist/ to break; npm pack runs on it for real.
  function distCopy(name) {
    const dir = join(tmp, name);
    cpSync(DIST, dir, { recursive: true, filter: (src) => !src.endsWith('.tgz') });
    return dir;
  }

  test('the dist/ as built passes', async () => {
    const r = await packAndCheck({ dist: distCopy('good'), out: join(tmp, 'out-good') });
    assert.deepEqual(r.problems, []);
    assert.ok(r.page > 0 && r.page <= r.budget);
    assert.ok(r.edition > 0, 'the demo edition is reported');
  });

  test('a missing file, a stale manifest, an over-budget build', async () => {
    const dir = distCopy('bad');
    unlinkSync(join(dir, 'article-widget.min.js.map'));
    const wasm = readFileSync(join(dir, 'article-widget.wasm'));
    wasm[wasm.length - 1] ^= 1;
    writeFileSync(join(dir, 'article-widget.wasm'), wasm);
    const { problems } = await packAndCheck({ dist: dir, out: join(tmp, 'out-bad'), budget: 1000 });
    const text = problems.join('\n');
    assert.match(text, /missing from the tarball: article-widget\.min\.js\.map/);
    assert.match(text, /manifest\.json article-widget\.wasm integrity is stale/);
    assert.match(text, /article-widget\.js was not built with this \.wasm/);
    assert.match(text, /article-widget\.wasm\.br is not article-widget\.wasm, br-encoded/, 'precompressed copies are checked');
    assert.match(text, /article-widget\.wasm\.gz is not article-widget\.wasm, gzip-encoded/);
    assert.match(text, /size budget exceeded: .* is \d+ bytes brotli, the budget is 1000/);
  });

  test('a demo archive file damaged, or misplaced, is caught', async () => {
    const dir = distCopy('content');
    const one = join(dir, 'articles', 'the-edition-and-the-archive.awa');
    const bytes = readFileSync(one);
    writeFileSync(join(dir, 'articles', 'stray.awa'), bytes);
    writeFileSync(one, bytes.subarray(0, bytes.length - 5));
    const text = (await packAndCheck({ dist: dir, out: join(tmp, 'out-content') })).problems.join('\n');
    assert.match(text, /articles\/the-edition-and-the-archive\.awa does not load: .*(damaged|truncated)/);
    assert.match(text, /articles\/stray\.awa does not load: .*the article file for 'stray' holds the article 'the-edition-and-the-archive'/);
  });

  test('a command without its #! line, a content packer that imports something', async () => {
    const dir = distCopy('command');
    const command = join(dir, 'article-widget-cli.mjs');
    writeFileSync(command, readFileSync(command, 'utf8').replace('#!/usr/bin/env node\n', ''));
    // type section: () -> (); import section: env.f as function 0.
    writeFileSync(join(dir, 'article-widget-content.wasm'), Buffer.from([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
      0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
      0x02, 0x09, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x01, 0x66, 0x00, 0x00,
    ]));
    const text = (await packAndCheck({ dist: dir, out: join(tmp, 'out-command') })).problems.join('\n');
    assert.match(text, /bin article-widget: article-widget-cli\.mjs does not start with #!\/usr\/bin\/env node/);
    assert.match(text, /article-widget-content\.wasm must import nothing, but imports: env\.f \(function\)/);
  });

  test('a file the package does not list is not packed; one it lists but the manifest lacks is caught', async () => {
    const dir = distCopy('extra');
    writeFileSync(join(dir, 'secret.txt'), 'not for publishing\n');
    const p = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    p.files.push('notes.md');
    writeFileSync(join(dir, 'package.json'), JSON.stringify(p));
    writeFileSync(join(dir, 'notes.md'), '# notes\n');
    const { problems, report } = await packAndCheck({ dist: dir, out: join(tmp, 'out-extra') });
    assert.ok(!report.files.some((f) => f.path === 'secret.txt'), 'secret.txt not packed');
    assert.match(problems.join('\n'), /manifest\.json lists .*; the tarball has .*notes\.md/);
  });

  test('a file the build writes that package.json does not list is caught', async () => {
    const dir = distCopy('unlisted');
    const p = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    p.files = p.files.filter((f) => f !== 'wasm.d.ts');
    writeFileSync(join(dir, 'package.json'), JSON.stringify(p));
    const { problems, report } = await packAndCheck({ dist: dir, out: join(tmp, 'out-unlisted') });
    assert.ok(!report.files.some((f) => f.path === 'wasm.d.ts'), 'wasm.d.ts not packed');
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], /^manifest\.json lists .*wasm\.d\.ts.*; the tarball has /);
  });
});
