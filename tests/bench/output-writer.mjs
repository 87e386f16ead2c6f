#!/usr/bin/env node
// How long the package command's writer (web/cli/output.js) takes with
// many small files, as issue 17's archive will give it (one file per
// article under articles/). Prints figures; it is not a test.
//
//   node tests/bench/output-writer.mjs [--files N] [--runs N] [--in DIR]
//
// DIR (default: the system's temporary folder) is where the folders are
// made: a disk, or a tmpfs such as /dev/shm, where what is left is the
// writer's own cost rather than the disk's.
// Per run, in a new folder: the first write (everything new), the same
// build again (every file compared, none written), a build where 1% of the
// files change and one is dropped, and one where every file changes.
// Minimum and median of the runs, in milliseconds: wall time, and the
// process's CPU time (user + system: steadier on a loaded machine).

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { writeOutput } from '../../web/cli/output.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const COUNT = option('--files', 10000);
const RUNS = option('--runs', 5);
const IN = args.includes('--in') ? args[args.indexOf('--in') + 1] : tmpdir();

// COUNT files of 1 to 8 KB under articles/, and a few beside them.
function build(seed) {
  const files = new Map();
  for (const name of ['article-widget.wasm', 'article-widget.min.js', 'LICENSE', 'manifest.json']) files.set(name, randomBytes(4096));
  for (let i = 0; i < COUNT; i++) files.set(`articles/article-${i}.awa`, Buffer.alloc(1024 + ((i * 7919 + seed) % 7168), i % 251));
  return files;
}

const tmp = mkdtempSync(join(IN, 'aw-bench-writer-'));
const timings = { first: [], same: [], 'one in a hundred changed': [], 'all changed': [] };
const cpuTimings = { first: [], same: [], 'one in a hundred changed': [], 'all changed': [] };
try {
  const base = build(0);
  const some = new Map(base);
  [...some.keys()].filter((_, i) => i % 100 === 7).forEach((k) => some.set(k, Buffer.concat([some.get(k), Buffer.from('!')])));
  some.delete('articles/article-0.awa');
  const all = build(1);
  for (let run = 0; run < RUNS; run++) {
    const out = join(tmp, `out-${run}`);
    for (const [label, files] of [['first', base], ['same', base], ['one in a hundred changed', some], ['all changed', all]]) {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      await writeOutput(out, files);
      timings[label].push(Number(process.hrtime.bigint() - started) / 1e6);
      const used = process.cpuUsage(cpu);
      cpuTimings[label].push((used.user + used.system) / 1000);
    }
    rmSync(out, { recursive: true, force: true });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// The file system's name, from its magic number (statfs(2)).
function statfsType(dir) {
  const type = statfsSync(dir).type;
  return { 0xEF53: 'ext4', 0x01021994: 'tmpfs', 0x58465342: 'xfs', 0x9123683E: 'btrfs', 0x794C7630: 'overlayfs' }[type]
    ?? `file system 0x${type.toString(16)}`;
}

const fmt = (ms) => Math.round(ms).toLocaleString('en-US');
process.stdout.write(`writeOutput(): ${COUNT.toLocaleString('en-US')} files of 1 to 8 KB under articles/ and 4 beside them, `
  + `${RUNS} runs, in ${IN} (${statfsType(IN)})\nnode ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end\n\n`
  + '| build | wall ms, min / median | CPU ms, min / median |\n| --- | ---: | ---: |\n');
const summary = (runs) => {
  const sorted = [...runs].sort((a, b) => a - b);
  return `${fmt(sorted[0])} / ${fmt(sorted[Math.floor(sorted.length / 2)])}`;
};
for (const label of Object.keys(timings)) {
  process.stdout.write(`| ${label} | ${summary(timings[label])} | ${summary(cpuTimings[label])} |\n`);
}
