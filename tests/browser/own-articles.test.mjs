// A site owner's own articles, as the README tells it: the packed tarball
// installed in a scratch project (offline), a folder of new articles built
// with the package's command, the built folder served and read in
// Chromium; then the preview server, edited while it runs.
//
//   node --test tests/browser/own-articles.test.mjs   (AW_PACK, AW_DIST, AW_CHROMIUM)

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import { DIST, REPO, requireFile } from '../js/helpers.mjs';
import { writeContentFolder } from '../js/content-folders.mjs';
import { startServer } from '../../web/node/server.js';
import { LAUNCH, T, assertClean, open, state, waitForArticle, widgetState } from './harness.mjs';

const pkg = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8'));
const TARBALL = resolve(process.env.AW_PACK || join(REPO, 'build', 'pack', `${pkg.name}-${pkg.version}.tgz`));
const tmp = mkdtempSync(join(tmpdir(), 'aw-own-articles-'));
const project = join(tmp, 'project');
const command = join(project, 'node_modules', '.bin', 'article-widget');

const ARTICLES = [
  {
    slug: 'tram-line-opens', title: 'The New Tram Line Opens To Passengers', date: '2026-05-04', source: 'City desk',
    topics: ['Transport'], summary: 'Trams run every six minutes.',
    paragraphs: ['The first tram left the depot at half past five in the morning.', 'Trams will run every six minutes until midnight.'],
  },
  {
    slug: 'bakery-award', title: 'Corner Bakery Wins The Regional Award', date: '2026-04-28', source: 'Food',
    paragraphs: ['The judges tasted forty loaves before they chose.', 'The bakery has been on the corner since 1952.'],
  },
  {
    slug: 'park-benches', title: 'Park Benches Repainted', date: '2026-04-30',
    paragraphs: ['Volunteers repainted sixty benches over the weekend.'],
  },
];
// Not the date order: the list follows trending.md.
const TRENDING = ['bakery-award', 'tram-line-opens'];
const body = (a) => a.paragraphs.join('\n\n');

let server;
before(async () => {
  requireFile(TARBALL, 'run scripts/pack (or set AW_PACK)');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-news-site', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', TARBALL], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] });
  writeContentFolder(join(project, 'articles'), ARTICLES.map((a) => ({ ...a, body: body(a) })), TRENDING);
  const out = execFileSync(process.execPath, [command, 'build', 'articles', '--out', 'public', '--precompress'],
    { cwd: project, encoding: 'utf8' });
  assert.match(out, /^article-widget: 3 articles \(2 trending\) from articles -> public/);

  // The site: its own page at /, the built folder at /dist/.
  const manifest = JSON.parse(readFileSync(join(project, 'public', 'manifest.json'), 'utf8'));
  mkdirSync(join(project, 'web'));
  writeFileSync(join(project, 'web', 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>My news site</title><link rel="icon" href="data:,">
<script src="dist/article-widget.min.js" integrity="${manifest.files['article-widget.min.js'].integrity}" defer></script>
</head><body><h1>My news site</h1>
<article-widget><p class="widget-fallback">Read our news on the front page.</p></article-widget>
</body></html>
`);
  server = await startServer({ port: 0, root: project, dist: join(project, 'public') });
  state.browser = await chromium.launch(LAUNCH);
});
after(async () => {
  await state.browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('the built folder: the new articles in Chromium, the trending list as trending.md says', T, async () => {
  const { page, context, log } = await open('/', { base: server.url });
  await waitForArticle(page, TRENDING[0]);
  let s = await widgetState(page);
  const titleOf = new Map(ARTICLES.map((a) => [a.slug, a.title]));
  assert.deepEqual(s.links.map((l) => l.slug), TRENDING);
  assert.deepEqual(s.links.map((l) => l.text), TRENDING.map((slug) => titleOf.get(slug)));
  assert.equal(s.title, titleOf.get(TRENDING[0]));
  assert.deepEqual(s.paragraphs, ARTICLES.find((a) => a.slug === TRENDING[0]).paragraphs);

  await page.locator('article-widget .aw-trending-link', { hasText: titleOf.get(TRENDING[1]) }).click();
  await waitForArticle(page, TRENDING[1]);
  s = await widgetState(page);
  assert.equal(s.title, titleOf.get(TRENDING[1]));
  assert.deepEqual(s.paragraphs, ARTICLES.find((a) => a.slug === TRENDING[1]).paragraphs);
  // An article of the archive alone: its one file, fetched.
  await page.evaluate(() => { location.hash = '#aw/park-benches'; });
  await waitForArticle(page, 'park-benches');
  assert.deepEqual((await widgetState(page)).paragraphs, ARTICLES.find((a) => a.slug === 'park-benches').paragraphs);
  assert.deepEqual(log.requests.filter((u) => u.includes('/articles/')).map((u) => new URL(u).pathname), ['/dist/articles/park-benches.awa']);
  assert.equal(log.wasm.length, 1);
  assertClean(log);
  await context.close();
});

test('the built folder: manifest.json\'s SRI matches every file; the module imports nothing', () => {
  const dir = join(project, 'public');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  // The precompressed copies for static hosts are listed apart, under encoded.
  assert.equal(Object.keys(manifest.encoded).length, 6);
  // The code is described; the content (the edition, the archive), which
  // changes with every publication, is not.
  const content = ['article-widget.awe', ...readdirSync(join(dir, 'articles')).map((n) => `articles/${n}`)];
  const code = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)
    .filter((n) => !['manifest.json', '.article-widget-files.json', 'article-widget.awe'].includes(n)).sort();
  assert.deepEqual([...Object.keys(manifest.files), ...Object.keys(manifest.encoded)].sort(), code);
  assert.deepEqual(content.slice(1).sort(), ARTICLES.map((a) => `articles/${a.slug}.awa`).sort());
  // The pre-rendered elements, one per trending article (issue 18).
  const elements = readdirSync(join(dir, 'elements')).map((n) => `elements/${n}`);
  assert.deepEqual(elements.sort(), TRENDING.map((slug) => `elements/${slug}.html`).sort());
  // Beside them, the build's record of the files it wrote (so that it never
  // replaces a file of the site's): every one of them, and nothing else.
  assert.deepEqual(JSON.parse(readFileSync(join(dir, '.article-widget-files.json'), 'utf8')).files,
    [...code, ...content, ...elements, 'manifest.json'].sort());
  for (const [name, f] of [...Object.entries(manifest.files), ...Object.entries(manifest.encoded)]) {
    assert.equal(f.integrity, `sha384-${createHash('sha384').update(readFileSync(join(dir, name))).digest('base64')}`, name);
  }
  const module = new WebAssembly.Module(readFileSync(join(dir, 'article-widget.wasm')));
  assert.deepEqual(WebAssembly.Module.imports(module), []);
  assert.equal(manifest.version, pkg.version);
});

// `preview articles --port 0` in the project: { child, printed (stdout and
// stderr so far), url (resolves once it is printed) }.
function startPreview() {
  const child = spawn(process.execPath, [command, 'preview', 'articles', '--port', '0'], { cwd: project });
  const preview = { child, printed: '' };
  child.stdout.on('data', (d) => { preview.printed += d; });
  child.stderr.on('data', (d) => { preview.printed += d; });
  preview.url = new Promise((resolveUrl, reject) => {
    child.stdout.on('data', () => {
      const m = /previewing articles at (http:\/\/\S+) /.exec(preview.printed);
      if (m) resolveUrl(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${preview.printed}`)));
  });
  return preview;
}

test('preview: the widget with the folder\'s articles; a change reloads the page; an error shows and the last good build stays', T, async () => {
  const preview = startPreview();
  const { child } = preview;
  try {
    const url = await preview.url;
    const { page, context, log } = await open('/', { base: url });
    const wasmTypes = [];
    const editions = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('.wasm')) wasmTypes.push(r.headers()['content-type']);
      if (new URL(r.url()).pathname.endsWith('.awe')) editions.push(r.status());
    });
    await waitForArticle(page, TRENDING[0]);
    const first = ARTICLES.find((a) => a.slug === TRENDING[0]);
    assert.equal((await widgetState(page)).title, first.title);
    assert.equal(await page.locator('#preview-error').isVisible(), false);

    // The writer saves a new title: the page reloads by itself and shows it.
    const file = join(project, 'articles', `${first.slug}.md`);
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(first.title, 'A Changed Headline'));
    await page.waitForFunction(() => document.querySelector('article-widget')?.shadowRoot?.querySelector('.aw-title')?.textContent === 'A Changed Headline');
    assert.ok(editions.length >= 1 && wasmTypes.length >= 1, 'the reloaded page fetched the new edition');
    assert.deepEqual([...new Set(editions)], [200]);
    assert.deepEqual([...new Set(wasmTypes)], ['application/wasm']);

    // A mistake: the page says where, the widget keeps the last good build.
    writeFileSync(file, good.replace(`date: ${first.date}`, 'date: 2026-04-31'));
    const banner = page.locator('#preview-error');
    await banner.waitFor({ state: 'visible' });
    const message = `articles/${first.slug}.md:4: date '2026-04-31' is not a calendar date written YYYY-MM-DD`;
    assert.equal(await banner.textContent(), message);
    assert.equal((await widgetState(page)).title, 'A Changed Headline');
    assert.ok(preview.printed.includes(`${message}\n`), preview.printed);

    writeFileSync(file, good);
    await page.waitForFunction((title) => document.querySelector('article-widget')?.shadowRoot?.querySelector('.aw-title')?.textContent === title, first.title);
    assert.equal(await page.locator('#preview-error').isVisible(), false);
    assertClean(log);
    await context.close();
  } finally {
    child.kill();
  }
});

// DNS rebinding: a page of another site whose name its DNS points at
// 127.0.0.1 (here a host resolver rule) would be same-origin with
// whatever answers on the port. The preview answers only its own names.
test('preview: a page under another name that resolves to 127.0.0.1 reads nothing', T, async () => {
  const preview = startPreview();
  const browser = await chromium.launch({ ...LAUNCH, args: [...LAUNCH.args, '--host-resolver-rules=MAP rebind.test 127.0.0.1'] });
  try {
    const url = await preview.url;
    const port = new URL(url).port;
    const page = await browser.newPage();
    const response = await page.goto(`http://rebind.test:${port}/`);
    assert.equal(response.status(), 421);
    const reads = await page.evaluate(async () => Promise.all(['/dist/article-widget.wasm', '/events', '/'].map(async (path) => {
      const r = await fetch(path);
      return [path, r.status, (await r.text()).slice(0, 200)];
    })));
    for (const [path, status, text] of reads) {
      assert.equal(status, 421, path);
      assert.match(text, /^this server answers only requests for 127\.0\.0\.1:\d+ or localhost:\d+/, path);
    }
    // The same browser, by the preview's own name: the widget.
    await page.goto(`http://localhost:${port}/`);
    await waitForArticle(page, TRENDING[0]);
  } finally {
    await browser.close();
    preview.child.kill();
  }
});
