#!/usr/bin/env node
// A newsroom's archive (issue 17): for 3, 1,000 and 10,000 generated news
// articles of about 750 words (tests/js/content-folders.mjs: realistic
// text, links between articles, the same two on the trending list at every
// size), what a page costs and what a build costs. Prints figures; it is
// not a test.
//
//   node tests/bench/archive.mjs [--sizes 3,1000,10000] [--runs N] [--no-browser]   (AW_DIST: the package)
//
// Per size:
// - the build: `article-widget build DIR --out OUT --precompress` in a new
//   process into an empty folder, as a site owner runs it: wall time, CPU
//   time (user + system) and peak memory (the process's maximum resident
//   set), the least and the median of the runs; then the same folder again
//   (nothing changed), one archive article changed, one trending article
//   changed: time and the files each wrote;
// - the preview: from saving one article to the preview's next build (the
//   server-sent event its page reloads on);
// - in Chromium and Firefox (tests/browser/engines.mjs; AW_ENGINES picks
//   one), the built folder served by web/node/server.js (the .br copies of
//   the code, as a CDN sends them compressed; the content files gzip as
//   built): the requests and bytes before the first article is shown (raw,
//   and as served: the transfer's encoded body) and when it was shown
//   (ms after navigation), then the requests and bytes to open an article
//   of the archive (a link followed) and the time from the click to the
//   frame after it is rendered, and the same after a hover fetched it.
// Writes build/bench/archive-results.json; tools/docs-figures.mjs
// --write --archive build/bench/archive-results.json publishes it in
// docs/benchmark.md.

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { archiveReport } from '../../tools/archive-report.mjs';
import { startServer } from '../../web/node/server.js';
import { newsSlug, writeNewsroom } from '../js/content-folders.mjs';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DIST = resolve(process.env.AW_DIST || join(REPO, 'dist'));
const COMMAND = join(DIST, 'article-widget-cli.mjs');
const OUT = join(REPO, 'build', 'bench');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const SIZES = option('--sizes', '3,1000,10000').split(',').map(Number);
const RUNS = Number(option('--runs', 3));
const BROWSER = !args.includes('--no-browser');
const TRENDING = 2;
// The archive article every size has and the first trending article links to.
const ARCHIVED = newsSlug(3);

// Writes the child's CPU time and peak resident set to fd 3 as it exits.
const PROBE = 'data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>{const u=process.resourceUsage();'
  + 'writeSync(3,JSON.stringify({cpu:(u.userCPUTime+u.systemCPUTime)/1000,rss:u.maxRSS*1024}))})';

// One `article-widget build`: { wall, cpu, rss (bytes), written, unchanged, removed, names (written) }.
function build(dir, out) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', PROBE, COMMAND, 'build', dir, '--out', out, '--precompress'], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'], maxBuffer: 1 << 26,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`the command failed: ${r.stderr}`);
  const [, written, unchanged, removed] = /\n {2}(\d+) written, (\d+) unchanged, (\d+) removed\n/.exec(r.stdout).map(Number);
  const names = [...r.stdout.matchAll(/^ {4}written +(\S+)$/gm)].map((m) => m[1]);
  if (/\(the edition\) .* written$/m.test(r.stdout)) names.push('article-widget.awe');
  return { wall, ...JSON.parse(r.output[3]), written, unchanged, removed, names };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (runs, key) => ({ min: Math.min(...runs.map((r) => r[key])), median: median(runs.map((r) => r[key])) });

// An article's file changed: one more sentence at its end.
function touch(dir, slug) {
  const file = join(dir, `${slug}.md`);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nA correction was added later.\n`);
}

/* ===== The preview ===== */

// Milliseconds from saving one article to the preview's next build event.
async function previewRebuild(dir) {
  const child = spawn(process.execPath, [COMMAND, 'preview', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  child.stdout.on('data', (d) => { printed += d; });
  try {
    const url = await new Promise((ok, fail) => {
      child.stdout.on('data', () => {
        const m = /previewing .* at (http:\/\/\S+) /.exec(printed);
        if (m) ok(m[1]);
      });
      child.on('exit', (code) => fail(new Error(`preview exited with ${code}`)));
    });
    const res = await fetch(new URL('events', url));
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const nextBuild = async (after) => {
      for (;;) {
        const m = [...text.matchAll(/data: (\{.*\})\n/g)].map((x) => JSON.parse(x[1])).find((e) => e.build > after && !e.error);
        if (m) return m.build;
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        text += decoder.decode(value, { stream: true });
      }
    };
    const first = await nextBuild(0);
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      text = '';
      const started = performance.now();
      touch(dir, newsSlug(3));
      await nextBuild(first + i);
      times.push(performance.now() - started);
    }
    await reader.cancel();
    const own = [...printed.matchAll(/ in (\d+) ms\n/g)].map((m) => Number(m[1]));
    return { save: { min: Math.min(...times), median: median(times) }, firstBuild: own[0], rebuild: median(own.slice(1)) };
  } finally {
    child.kill();
  }
}

/* ===== The page, in Chromium and Firefox ===== */

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newsroom</title>
<link rel="icon" href="data:,"><script src="dist/article-widget.min.js" defer></script></head>
<body><main><article-widget><p>Read the news on our site.</p></article-widget></main></body></html>
`;
// The link in the first trending article to the archive article.
const LINK = ['main > article-widget', `.aw-body a[href="#aw/${ARCHIVED}"]`];

// In the page, before its scripts: when the first article was shown, when
// the frame after each article's render began (its paint), and when the
// reader last clicked (all on the page's clock, ms after navigation).
function recordTimes() {
  window.__awTimes = { painted: {}, clicked: null };
  document.addEventListener('article-widget:ready', (e) => { window.__awTimes.ready = e.timeStamp; });
  document.addEventListener('article-widget:render', (e) => {
    const { slug } = e.detail;
    requestAnimationFrame(() => { window.__awTimes.painted[slug] ??= performance.now(); });
  });
  document.addEventListener('click', (e) => { window.__awTimes.clicked = e.timeStamp; }, true);
}

// In the page: the resources under /dist/ since the `from`th.
function resources(from) {
  return performance.getEntriesByType('resource').slice(from).filter((r) => new URL(r.name).pathname.startsWith('/dist/'))
    .map((r) => ({ path: new URL(r.name).pathname.slice('/dist/'.length).replace(/\?.*$/, ''), served: r.encodedBodySize, decoded: r.decodedBodySize }));
}

// { chromium: costs, firefox: costs } of the folder `out` served as a CDN
// serves it (the .br copies of the code; the content files gzip as built).
async function pageCosts(out) {
  const { ENGINES } = await import('../browser/engines.mjs');
  const site = mkdtempSync(join(tmpdir(), 'aw-bench-site-'));
  mkdirSync(join(site, 'web'));
  writeFileSync(join(site, 'web', 'index.html'), PAGE);
  const server = await startServer({ port: 0, root: site, dist: out });
  // The content files as served are gzip: raw, they are what they inflate to.
  const raw = (r) => (r.path.endsWith('.awe') || r.path.endsWith('.awa') ? gunzipSync(readFileSync(join(out, r.path))).length : r.decoded);
  const sum = (list) => ({ requests: list.length, raw: list.reduce((n, r) => n + raw(r), 0), served: list.reduce((n, r) => n + r.served, 0),
    files: list.map((r) => r.path) });
  const entries = () => performance.getEntriesByType('resource').length;
  const costs = {};
  try {
    for (const engine of ENGINES) {
      const browser = await engine.launch();
      const open = async () => {
        const page = await browser.open(server.url, { viewport: { width: 1280, height: 800 }, routes: new Map(), init: [recordTimes] });
        await page.waitForFunction(() => window.__awTimes.ready !== undefined);
        return page;
      };
      const shown = (page) => page.waitForFunction((s) => window.__awTimes.painted[s] !== undefined, ARCHIVED);
      const afterClick = (page) => page.evaluate((s) => window.__awTimes.painted[s] - window.__awTimes.clicked, ARCHIVED);
      const runs = { ready: [], cold: [], hovered: [] };
      let first;
      let archived;
      let afterHover;
      try {
        for (let i = 0; i < RUNS; i++) {
          // Before the first article, then an article of the archive opened (its link followed).
          let page = await open();
          first = await page.evaluate(resources, 0);
          runs.ready.push(await page.evaluate(() => window.__awTimes.ready));
          const seen = await page.evaluate(entries);
          await page.click(LINK);
          await shown(page);
          runs.cold.push(await afterClick(page));
          archived = await page.evaluate(resources, seen);
          await page.close();

          // The same link hovered first (the widget fetches it after 65 ms): the click after it.
          page = await open();
          await page.hover(LINK);
          await page.waitForFunction((s) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(`/${s}.awa`)), ARCHIVED);
          await new Promise((r) => { setTimeout(r, 100); }); // its bytes handed to the module
          const before = await page.evaluate(entries);
          await page.click(LINK);
          await shown(page);
          runs.hovered.push(await afterClick(page));
          afterHover = await page.evaluate(resources, before);
          await page.close();
        }
      } finally {
        await browser.close();
      }
      const times = (xs) => ({ min: Math.min(...xs), median: median(xs) });
      costs[engine.name] = {
        first: { ...sum(first), ready: times(runs.ready) },
        archived: { ...sum(archived), paint: times(runs.cold) },
        afterHover: { ...sum(afterHover), paint: times(runs.hovered) },
      };
    }
    return costs;
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
}

/* ===== The run ===== */

const tmp = mkdtempSync(join(tmpdir(), 'aw-bench-archive-'));
const run = {
  date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  machine: `${cpus()[0].model.trim()}, ${cpus().length} cores, Node ${process.version}`,
  loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
  runs: RUNS,
  trending: TRENDING,
  sizes: [],
};
try {
  for (const count of SIZES) {
    process.stderr.write(`archive bench: ${count} articles\n`);
    const dir = join(tmp, `newsroom-${count}`);
    writeNewsroom(dir, count, TRENDING);
    const markdown = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    const builds = [];
    let out;
    for (let i = 0; i < RUNS; i++) {
      out = join(tmp, `out-${count}-${i}`);
      builds.push(build(dir, out));
      if (i < RUNS - 1) rmSync(out, { recursive: true, force: true });
    }
    const unchanged = Array.from({ length: RUNS }, () => build(dir, out));
    touch(dir, newsSlug(count));
    const changed = build(dir, out);
    touch(dir, newsSlug(1));
    const trendingChanged = build(dir, out);
    const size = {
      articles: count,
      markdown,
      build: { wall: summary(builds, 'wall'), cpu: summary(builds, 'cpu'), rss: summary(builds, 'rss'), written: builds[0].written },
      unchanged: { wall: summary(unchanged, 'wall'), cpu: summary(unchanged, 'cpu'), written: unchanged[0].written, archiveWritten: unchanged[0].names.length },
      changed: { wall: changed.wall, cpu: changed.cpu, written: changed.written, files: changed.names },
      trendingChanged: { wall: trendingChanged.wall, cpu: trendingChanged.cpu, written: trendingChanged.written, files: trendingChanged.names },
    };
    process.stderr.write('archive bench: preview\n');
    size.preview = await previewRebuild(dir);
    if (BROWSER) {
      process.stderr.write('archive bench: Chromium and Firefox\n');
      size.page = await pageCosts(out);
    }
    run.sizes.push(size);
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'archive-results.json'), `${JSON.stringify(run, null, 2)}\n`);
process.stdout.write(archiveReport(run));
process.stderr.write(`archive bench: wrote ${join(OUT, 'archive-results.json')}\n`
  + 'archive bench: to publish it in docs/benchmark.md: node tools/docs-figures.mjs --write --archive build/bench/archive-results.json\n');
