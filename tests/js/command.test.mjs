// The package's command (dist/article-widget-cli.mjs, what `npx
// article-widget` runs): bad content fails exactly as scripts/build fails,
// writing nothing; good content gives the package's page files as they are
// and the edition and archive that aw-embed writes, byte for byte once
// inflated, and the same articles through the Node builds; a rebuild
// writes only what changed; the preview server serves, rebuilds and keeps
// the last good build.
//
//   node --test tests/js/command.test.mjs   (AW_DIST; the native aw-embed of build/native)

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, describe, test } from 'node:test';

import { CONTENT, DIST, readTrending } from './helpers.mjs';
import { embedErrorCases, writeContentFolder, writeErrorCase } from './content-folders.mjs';
import { buildEvents, command, embed, nextEvent, runAsync, run as runIn, startPreview as startPreviewIn } from './command-runner.mjs';
import { DEFAULT_CSP } from '../../web/node/server.js';
import { RECORD } from '../../web/cli/output.js';

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

// Every file under `dir` but manifest.json and the writer's record:
// { path: Buffer }.
function builtFiles(dir) {
  const out = {};
  const walk = (at) => readdirSync(at, { withFileTypes: true }).forEach((e) => {
    if (e.isDirectory()) walk(join(at, e.name));
    else out[relative(dir, join(at, e.name))] = readFileSync(join(at, e.name));
  });
  walk(dir);
  delete out['manifest.json'];
  delete out[RECORD];
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}
const gunzipped = (bytes) => (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
// The content files of `dir` (its edition and archive), inflated.
const contentFiles = (dir) => Object.fromEntries(Object.entries(builtFiles(dir))
  .filter(([p]) => p === 'article-widget.awe' || p.startsWith('articles/')).map(([p, b]) => [p, gunzipped(b)]));

// The catalog (the edition's articles) and every article of `slugs` in
// every view, through a dist folder's Node build, which reads the archive
// from disk.
async function rendered(dir, slugs) {
  const aw = await import(pathToFileURL(join(dir, 'article-widget.node.mjs')).href);
  await aw.ready;
  const out = { catalog: aw.articles() };
  for (const slug of slugs) {
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
      const nativeOut = join(tmp, 'bad-native', c.name);
      const native = await runAsync(tmp, embed(), ['--out', nativeOut, '--trending', join(folder, 'trending.md'), ...articles]);
      assert.notEqual(native.status, 0);
      assert.equal(r.stderr, native.stderr);
      assert.ok(!existsSync(nativeOut), 'aw-embed wrote nothing');
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

describe('good content: the package\'s page files, the edition and archive aw-embed writes', () => {
  const NEW_SLUGS = NEW_ARTICLES.map((a) => a.slug);

  test('content/ gives dist/\'s files byte for byte (the demo edition and archive too), and the same articles', async () => {
    const out = join(tmp, 'ours');
    const r = run('build', CONTENT, '--out', out, '--precompress');
    assert.equal(r.status, 0, r.stderr);
    const dist = builtFiles(DIST);
    for (const name of ['article-widget-cli.mjs', 'article-widget-content.wasm', 'package.json']) delete dist[name];
    for (const name of Object.keys(dist).filter((n) => n.endsWith('.tgz'))) delete dist[name];
    const built = builtFiles(out);
    // The pre-rendered elements (one per trending article) are what the
    // package's Node build returns for the same edition, dist/'s demo one.
    const { ready, renderElement } = await import(pathToFileURL(join(DIST, 'article-widget.node.mjs')).href);
    await ready;
    const trending = readTrending(CONTENT);
    assert.deepEqual(Object.keys(built).filter((n) => n.startsWith('elements/')), trending.map((slug) => `elements/${slug}.html`).sort());
    for (const slug of trending) {
      assert.equal(built[`elements/${slug}.html`].toString(), renderElement(slug), `elements/${slug}.html is renderElement('${slug}')`);
      delete built[`elements/${slug}.html`];
    }
    assertSameFiles(built, dist);
    const slugs = readdirSync(CONTENT).filter((n) => n !== 'trending.md').map((n) => readFileSync(join(CONTENT, n), 'utf8').match(/^slug: (.*)$/m)[1]);
    assert.deepEqual(await rendered(out, slugs), await rendered(DIST, slugs));
  });

  test('new articles: the package\'s page files as they are, and aw-embed\'s edition and archive once inflated', async () => {
    const folder = join(tmp, 'new');
    writeContentFolder(folder, NEW_ARTICLES, NEW_TRENDING);
    const out = join(tmp, 'new-out');
    const r = run('build', folder, '--out', out, '--precompress', '--article-url', '/news/{slug}/');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^article-widget: 3 articles \(2 trending\) from .* -> .* \(\d+ ms\)\n/);
    assert.match(r.stdout, /\n  pre-rendered elements +2 files: 2 written \(.*style-src 'sha256-[A-Za-z0-9+/]+=*'\)\n/);

    // The page files: the package's, untouched (the renderer is the same for every site).
    const built = builtFiles(out);
    for (const [name, bytes] of Object.entries(builtFiles(DIST))) {
      if (name in built && !contentFiles(out)[name]) assert.ok(built[name].equals(bytes), `${name} is the package's`);
    }
    // The content: what scripts/build's embedder writes for the same folder, gzip as published.
    const native = join(tmp, 'new-native');
    const paths = NEW_ARTICLES.map((a) => join(folder, `${a.slug}.md`)).sort();
    execFileSync(embed(), ['--out', native, '--trending', join(folder, 'trending.md'), ...paths]);
    assertSameFiles(contentFiles(out), builtFiles(native));
    for (const path of Object.keys(contentFiles(out))) assert.deepEqual(built[path].subarray(0, 2), Buffer.from([0x1f, 0x8b]), `${path} is gzip`);

    const html = await rendered(out, NEW_SLUGS);
    // And it is what the folder says: the edition is the trending list, in its order.
    assert.deepEqual(html.catalog.map((a) => a.slug), NEW_TRENDING);
    assert.equal(html.catalog[0].title, 'Library Extends Opening Hours');
    const nav = html['bridge-vote trending h0'];
    assert.deepEqual([...nav.matchAll(/data-aw-slug="([^"]+)"/g)].map((m) => m[1]), NEW_TRENDING);
    assert.match(html['bridge-vote article h0'], /Čeština, 日本語 and emoji 🌉/, 'an article of the archive alone, read from disk');
    assert.match(html['harbour-reopens article h0'], /café on the quay/);

    // A pre-rendered element per trending article, renderElement()'s for
    // the site's edition, its links to articles the site's pages.
    const site = await import(pathToFileURL(join(out, 'article-widget.node.mjs')).href);
    for (const slug of NEW_TRENDING) {
      const element = built[`elements/${slug}.html`].toString();
      assert.equal(element, site.renderElement(slug, { articleUrl: '/news/{slug}/' }));
      assert.match(element, /^<article-widget article="[a-z-]+" data-aw-build="[0-9a-f]{16}\.[0-9a-f]{16}"><template shadowrootmode="open"><style>/);
      assert.deepEqual([...element.matchAll(/<a class="aw-trending-link"[^>]* href="([^"]+)"/g)].map((m) => m[1]),
        NEW_TRENDING.map((s) => `/news/${s}/`));
    }
    assert.equal(run('build', folder, '--out', join(tmp, 'no-pattern'), '--article-url', '/news/').status, 2, '--article-url without {slug}');
  });

  test('manifest.json: the package\'s description of each page file (bytes, sizes, SRI); --precompress its copies', () => {
    const folder = join(tmp, 'new');
    for (const [out, precompress] of [[join(tmp, 'new-out'), true], [join(tmp, 'new-plain'), false]]) {
      if (!precompress) assert.equal(run('build', folder, '--out', out).status, 0);
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      const packaged = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
      assert.equal(manifest.wasmHash, packaged.wasmHash);
      assert.equal(Object.keys(manifest.encoded).length, precompress ? 6 : 0,
        'a .br and a .gz of each minified script and the .wasm, only with --precompress');
      // The code is described; the content, which changes with every publication, is not.
      const files = builtFiles(out);
      const content = [...Object.keys(contentFiles(out)), ...Object.keys(files).filter((n) => n.startsWith('elements/'))];
      assert.deepEqual([...Object.keys(manifest.files), ...Object.keys(manifest.encoded)].sort(),
        Object.keys(files).filter((n) => !content.includes(n)).sort());
      for (const [name, copy] of Object.entries(manifest.encoded)) {
        const decoded = copy.encoding === 'br' ? brotliDecompressSync(files[name]) : gunzipSync(files[name]);
        assert.deepEqual(decoded, files[copy.of], `${name} is ${copy.of}`);
      }
      for (const [name, f] of Object.entries(manifest.files)) {
        assert.deepEqual(f, packaged.files[name], name);
        assert.equal(f.bytes, files[name].length, name);
        assert.equal(f.integrity, `sha384-${createHash('sha384').update(files[name]).digest('base64')}`, name);
        assert.ok(f.gzip > 0 && f.brotli > 0, name);
      }
    }
  });

  test('a rebuild writes only what changed: nothing, one archive file, or it and the edition; the site\'s files stay', () => {
    const folder = join(tmp, 'rebuilt');
    writeContentFolder(folder, NEW_ARTICLES, NEW_TRENDING);
    const out = join(tmp, 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), '<p>the site\'s own page</p>\n');
    let r = run('build', folder, '--out', out, '--precompress');
    assert.equal(r.status, 0, r.stderr);
    const count = Object.keys(builtFiles(out)).length; // less the site's index.html, and the manifest
    assert.match(r.stdout, new RegExp(`\n  ${count} written, 0 unchanged, 0 removed\n`));
    assert.match(r.stdout, /\n  the archive +3 files: 3 written, 0 unchanged\n/);
    assert.deepEqual(JSON.parse(readFileSync(join(out, RECORD), 'utf8')).files,
      [...Object.keys(builtFiles(out)), 'manifest.json'].filter((n) => n !== 'index.html').sort(),
      'the record lists the files it wrote, not the site\'s');

    // The same folder again: nothing is rewritten.
    const inodes = () => Object.fromEntries(Object.keys(builtFiles(out)).map((n) => [n, lstatSync(join(out, n)).ino]));
    const before = inodes();
    r = run('build', folder, '--out', out, '--precompress');
    assert.match(r.stdout, /\n  article-widget\.wasm +\d+ +\d+ +\d+  unchanged\n/);
    assert.match(r.stdout, new RegExp(`\n  0 written, ${count} unchanged, 0 removed\n`));
    assert.match(r.stdout, /\n  the archive +3 files: 0 written, 3 unchanged\n/);
    assert.deepEqual(inodes(), before, 'not one file replaced');

    // An article of the archive alone corrected: its file, nothing else.
    const bridge = join(folder, 'bridge-vote.md');
    writeFileSync(bridge, readFileSync(bridge, 'utf8').replace('on Thursday', 'on Friday'));
    r = run('build', folder, '--out', out, '--precompress');
    assert.match(r.stdout, new RegExp(`\n  1 written, ${count - 1} unchanged, 0 removed\n`));
    assert.match(r.stdout, /\n    written +articles\/bridge-vote\.awa\n/);
    assert.match(r.stdout, /\n  article-widget\.awe \(the edition\) +\d+ +unchanged\n/);
    // A trending article corrected: its file, the edition and its pre-rendered element.
    const library = join(folder, 'library-hours.md');
    writeFileSync(library, readFileSync(library, 'utf8').replace('until nine', 'until ten'));
    r = run('build', folder, '--out', out, '--precompress');
    assert.match(r.stdout, new RegExp(`\n  3 written, ${count - 3} unchanged, 0 removed\n`));
    assert.match(r.stdout, /\n  pre-rendered elements +2 files: 1 written /);
    assert.match(r.stdout, /\n    written +articles\/library-hours\.awa\n/);
    assert.match(r.stdout, /\n  article-widget\.awe \(the edition\) +\d+ +written\n/);
    // An article removed: its file goes.
    rmSync(bridge);
    r = run('build', folder, '--out', out, '--precompress');
    assert.match(r.stdout, new RegExp(`\n  0 written, ${count - 1} unchanged, 1 removed\n`));
    assert.match(r.stdout, /\n    removed +articles\/bridge-vote\.awa\n/);
    assert.ok(!existsSync(join(out, 'articles', 'bridge-vote.awa')));

    // A build without copies takes away those of the last one.
    r = run('build', folder, '--out', out);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\n    removed +article-widget\.wasm\.br\n/);
    assert.match(r.stdout, new RegExp(`\n  1 written, ${count - 8} unchanged, 6 removed\n`), 'manifest.json changes');
    assert.deepEqual(readdirSync(out).filter((n) => /\.(br|gz)$/.test(n)), []);
    assert.equal(readFileSync(join(out, 'index.html'), 'utf8'), '<p>the site\'s own page</p>\n');
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
      assert.ok(Buffer.from(await first.arrayBuffer()).equals(readFileSync(join(DIST, 'article-widget.wasm'))), 'the package\'s');
      // The content as the packer writes it (a local page: not compressed).
      const editionUrl = new URL('dist/article-widget.awe', url);
      const archived = await fetch(new URL('dist/articles/bridge-vote.awa', url));
      assert.equal(archived.status, 200);
      assert.ok(Buffer.from(await archived.arrayBuffer()).subarray(0, 4).equals(Buffer.from('AWA1')));
      assert.match(html, /<a href="#aw\/bridge-vote">bridge-vote<\/a>/, 'an article of the archive, listed by slug');

      const events = buildEvents(url);
      assert.deepEqual((await events.next()).value, { build: 1, error: null });
      let last = 1;

      const file = join(folder, 'harbour-reopens.md');
      const good = readFileSync(file, 'utf8');
      writeFileSync(file, good.replace('Harbour Reopens', 'Harbour Finally Reopens'));
      last = (await nextEvent(events, (e) => e.build > last && e.error === null)).build;
      const secondEdition = Buffer.from(await (await fetch(editionUrl)).arrayBuffer());
      assert.ok(secondEdition.includes(Buffer.from('Harbour Finally Reopens')), 'a trending article: the edition has it');
      assert.match(await (await fetch(url)).text(), /Harbour Finally Reopens/);

      writeFileSync(file, good.replace('date: 2026-03-02', 'date: 2026-02-30'));
      const broken = await nextEvent(events, (e) => e.error !== null);
      const message = `${join(folder, 'harbour-reopens.md')}:4: date '2026-02-30' is not a calendar date written YYYY-MM-DD`;
      assert.deepEqual(broken, { build: last, error: message }, 'the build stays the last good one');
      assert.ok(output.stderr.includes(`${message}\n`), output.stderr);
      assert.ok(Buffer.from(await (await fetch(editionUrl)).arrayBuffer()).equals(secondEdition), 'the last good build is served');
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
