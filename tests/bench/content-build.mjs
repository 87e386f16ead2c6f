#!/usr/bin/env node
// How long the package's command takes to build a site of 100 articles of
// 2 to 20 KB each (issue 13's target: under a second). Prints figures; it
// is not a test.
//
//   node tests/bench/content-build.mjs [--runs N] [--articles N]   (AW_DIST: the package, default dist/)
//
// Each run is the whole command as a site owner runs it: a new Node
// process, `article-widget build DIR --out OUT`. Reported per run: wall
// time of the process, its CPU time (user + system, read in the process
// at exit: steadier than wall time on a loaded machine), and the time the
// command reports for itself (after Node has started). Minimum and median
// of the runs; then, with fewer runs, the same with --precompress (the
// .br and .gz copies) and with --sizes (gzip and brotli in the manifest).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { generateArticles } from '../js/content-folders.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const RUNS = option('--runs', 7);
const COUNT = option('--articles', 100);
const COMMAND = join(resolve(process.env.AW_DIST || 'dist'), 'article-widget-cli.mjs');
// Writes the child's CPU time to fd 3 as it exits.
const CPU_PROBE = 'data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>{const u=process.cpuUsage();writeSync(3,String((u.user+u.system)/1000))})';

function once(dir, out, extra) {
  rmSync(out, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', CPU_PROBE, COMMAND, 'build', dir, '--out', out, ...extra], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`the command failed: ${r.stderr}`);
  const own = Number(/, (\d+) ms\)/.exec(r.stdout)?.[1]);
  return { wall, cpu: Number(r.output[3]), own };
}

const fmt = (ms) => Math.round(ms).toLocaleString('en-US');
function summary(runs, key) {
  const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
  return `${fmt(sorted[0])} / ${fmt(sorted[Math.floor(sorted.length / 2)])}`;
}

const tmp = mkdtempSync(join(tmpdir(), 'aw-bench-content-'));
try {
  const dir = join(tmp, 'articles');
  generateArticles(dir, COUNT);
  const sizes = readdirSync(dir).filter((n) => n !== 'trending.md').map((n) => statSync(join(dir, n)).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const out = join(tmp, 'public');

  process.stdout.write(`article-widget build: ${COUNT} articles, ${fmt(total)} bytes of Markdown `
    + `(${(Math.min(...sizes) / 1024).toFixed(1)} to ${(Math.max(...sizes) / 1024).toFixed(1)} KB each)\n`
    + `node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the start\n\n`
    + `| run | runs | wall ms, min / median | CPU ms, min / median | command's own ms, min / median |\n`
    + '| --- | ---: | ---: | ---: | ---: |\n');
  const fewer = Math.max(1, Math.ceil(RUNS / 3));
  for (const [label, extra, runs] of [['build', [], RUNS], ['build --precompress', ['--precompress'], fewer],
    ['build --sizes', ['--sizes'], fewer]]) {
    once(dir, out, extra); // warm the file cache
    const results = Array.from({ length: runs }, () => once(dir, out, extra));
    process.stdout.write(`| ${label} | ${runs} | ${summary(results, 'wall')} | ${summary(results, 'cpu')} | ${summary(results, 'own')} |\n`);
  }
  const wasm = statSync(join(out, 'article-widget.wasm')).size;
  process.stdout.write(`\nThe built article-widget.wasm: ${fmt(wasm)} bytes. Target: build under 1,000 ms.\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
