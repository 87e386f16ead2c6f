// The package's command (dist/article-widget-cli.mjs, what `npx
// article-widget` runs): bad content fails exactly as scripts/build fails,
// writing nothing; good content gives what scripts/build gives, byte for
// byte, and the same articles through the Node builds; the preview server
// serves, rebuilds and keeps the last good build.
//
//   node --test tests/js/command.test.mjs   (AW_DIST; the native aw-embed of build/native)

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, describe, test } from 'node:test';

import { CONTENT, DIST, REPO, requireFile } from './helpers.mjs';
import { embedErrorCases, writeContentFolder, writeErrorCase } from './content-folders.mjs';
import { buildEvents, command, embed, nextEvent, runAsync, run as runIn, startPreview as startPreviewIn } from './command-runner.mjs';
import { DEFAULT_CSP } from '../../web/node/server.js';
import { RECORD } from '../../web/cli/output.js';

const RENDERER = resolve(process.env.AW_WASM || 'build/wasm/article-widget.wasm');
const tmp = mkdtempSync(join(tmpdir(), 'aw-command-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const run = (...args) => runIn(tmp, ...args);
const startPreview = (folder) => startPreviewIn(tmp, folder);

// New articles, none of them ours: Unicode, quoted values, a table, a link.
const NEW_ARTICLES = [
  {
    slug: 'harbour-reopens', title: 'Harbour Reopens After Storm Repairs', date: '2026-03-02', source: 'Staff reporter',
    topics: ['Harbour', 'Weather'], summary: 'Boats are back.',
    body: 'The harbour reopened on Monday after **three weeks** of repairs.\n\nFishing boats left at dawn; the café on the quay opened at six.\n\n| Berth | Boats |\n| --- | --- |\n| North | 12 |',
  },
  {
    slug: 'library-hours', title: '"Library Extends Opening Hours"', date: '2026-02-11',
    body: 'From next month the library stays open until nine.\n\n## Why\n\nReaders asked for it ([the survey](https://example.com/survey)).',
  },
  {
    slug: 'bridge-vote', title: 'Council Votes On The Old Bridge', date: '2026-01-20', source: 'Council notes',
    body: 'The vote is on Thursday. Čeština, 日本語 and emoji 🌉 all pass through.',
  },
];
const NEW_TRENDING = ['library-hours', 'harbour-reopens'];

// Every file of `dir` but manifest.json and the writer's record: { name: Buffer }.
function pageFiles(dir) {
  return Object.fromEntries(readdirSync(dir).filter((n) => n !== 'manifest.json' && n !== RECORD).sort()
    .map((n) => [n, readFileSync(join(dir, n))]));
}

// Every article in every view, and the catalog, through a dist folder's
// Node build.
async function rendered(dir) {
  const aw = await import(pathToFileURL(join(dir, 'article-widget.node.mjs')).href);
  await aw.ready;
  const out = { catalog: aw.articles() };
  for (const { slug } of out.catalog) {
    for (const view of ['full', 'trending', 'article']) {
      for (const level of [0, 3]) out[`${slug} ${view} h${level}`] = aw.renderView(slug, view, level);
    }
  }
  return out;
}

function assertSameFiles(actual, expected) {
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort());
  for (const name of Object.keys(expected)) assert.ok(actual[name].equals(expected[name]), `${name} is byte-identical`);
}

describe('malformed content fails as scripts/build fails, and nothing is written', { concurrency: 4 }, () => {
  for (const c of embedErrorCases()) {
    test(c.name, async () => {
      const folder = join(tmp, 'bad', c.name);
      const expected = writeErrorCase(folder, c);
      const out = join(tmp, 'bad-out', c.name);
      const r = await runAsync(tmp, process.execPath, [command(), 'build', folder, '--out', out]);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stdout, '');
      assert.ok(r.stderr.includes(expected), `expected ${JSON.stringify(expected)}, got ${JSON.stringify(r.stderr)}`);
      assert.match(r.stderr, /^[^\n]+\.md:\d+: [^\n]+\n$/, 'one line: file:line: message');
      assert.ok(!existsSync(out), 'nothing written');
      // What scripts/build runs on the same folder (CMake passes the sorted paths) says the very same.
      const articles = readdirSync(folder).filter((n) => n !== 'trending.md').sort().map((n) => join(folder, n));
      const native = await runAsync(tmp, embed(),
        ['--blob', join(tmp, `${c.name}.bin`), '--trending', join(folder, 'trending.md'), ...articles]);
      assert.notEqual(native.status, 0);
      assert.equal(r.stderr, native.stderr);
    });
  }

  test('a failed build leaves an existing folder as it was', () => {
    const out = join(tmp, 'kept');
    mkdirSync(out);
    writeFileSync(join(out, 'article-widget.wasm'), 'an older build\n');
    const folder = join(tmp, 'kept-bad-date');
    writeErrorCase(folder, embedErrorCases().find((c) => c.name === 'bad_date'));
    assert.equal(run('build', folder, '--out', out).status, 1);
    assert.deepEqual(readdirSync(out), ['article-widget.wasm']);
    assert.equal(readFileSync(join(out, 'article-widget.wasm'), 'utf8'), 'an older build\n');
  });
});

describe('usage and setup mistakes are named', () => {
  test('no command, an unknown option, build without --out: usage, exit 2', () => {
    for (const args of [[], ['publish', 'x'], ['build', 'x'], ['build', 'x', '--out', 'y', '--colour'], ['preview', 'x', '--precompress']]) {
      const r = run(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^article-widget: .+\n\nusage: article-widget build CONTENT_DIR --out OUT_DIR/);
    }
  });

  test('--port takes decimal digits only, 0 to 65535', () => {
    for (const port of ['', '0x1F90', '1e3', '-1', '65536', ' 80', '80 ', '+80', '08000', '1.5', '８０']) {
      const r = run('preview', CONTENT, '--port', port);
      assert.equal(r.status, 2, JSON.stringify(port));
      assert.ok(r.stderr.startsWith(`article-widget: --port takes a port number from 0 to 65535, not '${port}'\n`), r.stderr);
    }
  });

  test('a folder that is missing, or has no trending.md; --out naming the package', () => {
    assert.match(run('build', 'nowhere', '--out', 'o').stderr, /^article-widget: cannot read the content folder nowhere: no such folder\n$/);
    const folder = join(tmp, 'no-trending');
    writeContentFolder(folder, NEW_ARTICLES, NEW_TRENDING);
    rmSync(join(folder, 'trending.md'));
    const r = run('build', folder, '--out', join(tmp, 'o'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /trending\.md is missing: it lists the slugs of the trending articles/);
    assert.match(run('build', CONTENT, '--out', DIST).stderr, /is the package itself: name another folder/);
  });

  test('--version is the package\'s', () => {
    assert.equal(run('--version').stdout, `${JSON.parse(readFileSync(join(DIST, 'package.json'))).version}\n`);
  });
});

describe('good content: what scripts/build gives', () => {
  test('content/ gives dist/\'s page files byte for byte, and the same articles', async () => {
    const out = join(tmp, 'ours');
    const r = run('build', CONTENT, '--out', out, '--precompress');
    assert.equal(r.status, 0, r.stderr);
    const built = pageFiles(out);
    const dist = pageFiles(DIST);
    for (const name of ['article-widget-cli.mjs', 'article-widget-content.wasm', 'package.json']) delete dist[name];
    for (const name of Object.keys(dist).filter((n) => n.endsWith('.tgz'))) delete dist[name];
    assertSameFiles(built, dist);
    assert.deepEqual(await rendered(out), await rendered(DIST));
  });

  test('new articles: the same bytes as aw-embed + tools/build-web.mjs on the renderer CMake links', async () => {
    const folder = join(tmp, 'new');
    writeContentFolder(folder, NEW_ARTICLES, NEW_TRENDING);
    const out = join(tmp, 'new-out');
    const r = run('build', folder, '--out', out, '--precompress');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^article-widget: 3 articles from .* -> .* \(wasm sha384 [0-9a-f]{16}, \d+ ms\)\n/);

    // The steps of scripts/build (cmake/WasmModule.cmake), by hand.
    const blob = join(tmp, 'new.bin');
    const paths = NEW_ARTICLES.map((a) => join(folder, `${a.slug}.md`)).sort();
    execFileSync(embed(), ['--blob', blob, '--trending', join(folder, 'trending.md'), ...paths]);
    const reference = join(tmp, 'new-reference');
    execFileSync(process.execPath, [join(REPO, 'tools', 'build-web.mjs'), '--wasm', requireFile(RENDERER, 'run scripts/build'),
      '--content', blob, '--out', reference]);
    const expected = pageFiles(reference);
    expected['THIRD-PARTY-NOTICES.md'] = readFileSync(join(DIST, 'THIRD-PARTY-NOTICES.md')); // written with --notice
    assertSameFiles(pageFiles(out), expected);

    const html = await rendered(out);
    assert.deepEqual(html, await rendered(reference));
    // And it is what the folder says: trending.md's order first, then the newest.
    assert.deepEqual(html.catalog.map((a) => a.slug), ['library-hours', 'harbour-reopens', 'bridge-vote']);
    assert.equal(html.catalog[0].title, 'Library Extends Opening Hours');
    const nav = html['bridge-vote trending h0'];
    assert.deepEqual([...nav.matchAll(/data-aw-slug="([^"]+)"/g)].map((m) => m[1]), NEW_TRENDING);
    assert.match(html['harbour-reopens article h0'], /café on the quay/);
  });

  test('manifest.json: every file with its bytes and SRI; --sizes adds gzip and brotli, --precompress the copies', () => {
    const folder = join(tmp, 'new');
    for (const [out, sizes, precompress] of [[join(tmp, 'new-out'), false, true], [join(tmp, 'new-sized'), true, false]]) {
      if (sizes) assert.equal(run('build', folder, '--out', out, '--sizes').status, 0);
      assert.equal(Object.keys(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).encoded).length,
        precompress ? 6 : 0, 'a .br and a .gz of each minified script and the .wasm, only with --precompress');
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      const wasm = readFileSync(join(out, 'article-widget.wasm'));
      assert.equal(manifest.wasmHash, createHash('sha384').update(wasm).digest('hex').slice(0, 16));
      // The precompressed copies for static hosts are listed apart.
      assert.deepEqual([...Object.keys(manifest.files), ...Object.keys(manifest.encoded)].sort(), Object.keys(pageFiles(out)));
      for (const [name, copy] of Object.entries(manifest.encoded)) {
        const bytes = readFileSync(join(out, name));
        assert.equal(copy.integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, name);
        const decoded = copy.encoding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes);
        assert.deepEqual(decoded, readFileSync(join(out, copy.of)), `${name} is ${copy.of} with this site's articles`);
      }
      for (const [name, f] of Object.entries(manifest.files)) {
        const bytes = readFileSync(join(out, name));
        assert.equal(f.bytes, bytes.length, name);
        assert.equal(f.integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, name);
        assert.equal('brotli' in f && 'gzip' in f, sizes, name);
      }
      assert.deepEqual(WebAssembly.Module.imports(new WebAssembly.Module(wasm)), [], 'the module imports nothing');
    }
  });

  test('a build into a site\'s folder keeps the site\'s files, writes only what changed, removes what it no longer has', () => {
    const out = join(tmp, 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), '<p>the site\'s own page</p>\n');
    let r = run('build', join(tmp, 'new'), '--out', out, '--precompress');
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(join(out, 'article-widget.wasm.br')));
    assert.match(r.stdout, /\n  article-widget\.wasm\.br +\d+  written\n/);
    assert.match(r.stdout, /\n  22 written, 0 unchanged, 0 removed\n/);
    assert.deepEqual(JSON.parse(readFileSync(join(out, RECORD), 'utf8')).files, Object.keys(pageFiles(out)).concat('manifest.json')
      .filter((n) => n !== 'index.html').sort(), 'the record lists the files it wrote, not the site\'s');

    // The same folder again: nothing is rewritten.
    const inode = lstatSync(join(out, 'article-widget.wasm')).ino;
    r = run('build', join(tmp, 'new'), '--out', out, '--precompress');
    assert.match(r.stdout, /\n  article-widget\.wasm +\d+  unchanged\n/);
    assert.match(r.stdout, /\n  0 written, 22 unchanged, 0 removed\n/);
    assert.equal(lstatSync(join(out, 'article-widget.wasm')).ino, inode);

    // A build without copies takes away those of the last one: they would
    // not match the new .wasm.
    r = run('build', join(tmp, 'new'), '--out', out);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\n  article-widget\.wasm\.br +removed\n/);
    assert.match(r.stdout, /\n  1 written, 15 unchanged, 6 removed\n/, 'manifest.json changes');
    assert.deepEqual(readdirSync(out).filter((n) => /\.(br|gz)$/.test(n)), []);
    assert.equal(readFileSync(join(out, 'index.html'), 'utf8'), '<p>the site\'s own page</p>\n');
    assert.ok(readFileSync(join(out, 'article-widget.wasm')).equals(readFileSync(join(tmp, 'new-out', 'article-widget.wasm'))));
    assert.deepEqual(readdirSync(out).filter((n) => n.includes('staging')), [], 'no staging folder left');
  });
});

describe('preview', () => {
  test('serves the page and the build, rebuilds on a change, keeps the last good build on an error', async () => {
    const folder = join(tmp, 'preview');
    writeContentFolder(folder, NEW_ARTICLES, NEW_TRENDING);
    const { child, output, url: started } = startPreview(folder);
    try {
      const url = await started;
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('content-security-policy'), DEFAULT_CSP);
      const html = await page.text();
      assert.match(html, /<script src="dist\/article-widget\.js" defer><\/script>/);
      assert.match(html, /<a href="#aw\/library-hours">Library Extends Opening Hours<\/a>/);
      for (const asset of ['preview-client.js', 'demo.css', 'preview.css', 'favicon.svg']) {
        assert.equal((await fetch(new URL(asset, url))).status, 200, asset);
      }
      const wasmUrl = new URL('dist/article-widget.wasm', url);
      const first = await fetch(wasmUrl);
      assert.equal(first.headers.get('content-type'), 'application/wasm');
      const firstBytes = Buffer.from(await first.arrayBuffer());

      const events = buildEvents(url);
      assert.deepEqual((await events.next()).value, { build: 1, error: null });
      let last = 1;

      const file = join(folder, 'harbour-reopens.md');
      const good = readFileSync(file, 'utf8');
      writeFileSync(file, good.replace('Harbour Reopens', 'Harbour Finally Reopens'));
      last = (await nextEvent(events, (e) => e.build > last && e.error === null)).build;
      const secondBytes = Buffer.from(await (await fetch(wasmUrl)).arrayBuffer());
      assert.ok(!secondBytes.equals(firstBytes), 'a new module');
      assert.ok(secondBytes.includes(Buffer.from('Harbour Finally Reopens')));
      assert.match(await (await fetch(url)).text(), /Harbour Finally Reopens/);

      writeFileSync(file, good.replace('date: 2026-03-02', 'date: 2026-02-30'));
      const broken = await nextEvent(events, (e) => e.error !== null);
      const message = `${join(folder, 'harbour-reopens.md')}:4: date '2026-02-30' is not a calendar date written YYYY-MM-DD`;
      assert.deepEqual(broken, { build: last, error: message }, 'the build stays the last good one');
      assert.ok(output.stderr.includes(`${message}\n`), output.stderr);
      assert.ok(Buffer.from(await (await fetch(wasmUrl)).arrayBuffer()).equals(secondBytes), 'the last good build is served');
      assert.ok((await (await fetch(url)).text()).includes(message), 'the page shows the error');

      writeFileSync(file, good);
      await nextEvent(events, (e) => e.build > last && e.error === null);
      await events.return();
    } finally {
      child.kill();
    }
  });

  test('a port in use is named', async () => {
    const folder = join(tmp, 'preview');
    const { child, url } = startPreview(folder);
    try {
      const port = new URL(await url).port;
      const r = run('preview', folder, '--port', port);
      assert.equal(r.status, 1);
      assert.match(r.stderr, new RegExp(`article-widget: port ${port} is in use: pass --port N`));
    } finally {
      child.kill();
    }
  });
});
