#!/usr/bin/env node
// The figures in README.md and docs/*.md are never typed by hand. Each one
// sits in a generated block
//
//     <!-- generated:NAME -->
//     ...
//     <!-- /generated:NAME -->
//
// whose contents this script writes from what the project produces:
//
//   sizes        dist/manifest.json (scripts/build writes it)
//   page-budget  dist/manifest.json and the budgets in tools/pack.mjs
//   conformance  tests/conformance/conformance.mjs --json, run now (native and wasm)
//   benchmark    docs/benchmark-results.json: one scripts/bench run, committed
//   archive      docs/archive-results.json: one tests/bench/archive.mjs run, committed
//   frameworks   the framework fixtures' lockfiles (tests/frameworks/versions.mjs)
//
// and docs/benchmark.svg is that run's chart.
//
//   node tools/docs-figures.mjs           check: exits 1 naming every stale block
//   node tools/docs-figures.mjs --write   rewrite every block (after scripts/build)
//   node tools/docs-figures.mjs --write --bench build/bench/results.json
//                                         first take a new scripts/bench run
//   node tools/docs-figures.mjs --write --archive build/bench/archive-results.json
//                                         first take a new archive bench run
//
// tests/js/docs-figures.test.mjs runs the check in the suite.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { PAGE_MODULE, PAGE_SCRIPT, RENDERER, SINGLE_FILE } from '../web/node/package-layout.js';
import { EDITION_FILE } from '../web/src/abi.js';
import { archiveReport } from './archive-report.mjs';
import { barChart } from './bench-chart.mjs';
import { report } from './bench-report.mjs';
import { BROTLI_BUDGET, PAGE_FILES, SINGLE_FILE_BUDGET } from './pack.mjs';

export const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const FIX_COMMAND = 'node tools/docs-figures.mjs --write';
const BENCH_RESULTS = join(REPO, 'docs', 'benchmark-results.json');
const BENCH_CHART = join(REPO, 'docs', 'benchmark.svg');
const ARCHIVE_RESULTS = join(REPO, 'docs', 'archive-results.json');

// README.md and every Markdown file in docs/.
export function docFiles() {
  const docs = readdirSync(join(REPO, 'docs')).filter((f) => f.endsWith('.md')).sort();
  return [join(REPO, 'README.md'), ...docs.map((f) => join(REPO, 'docs', f))];
}

/* ===== Blocks ===== */

const OPEN = /<!-- generated:([a-z-]+) -->\n/g;

// Rewrites every block of `text` with generate(name) (a string, or a
// promise of one). Returns { text, blocks: [{ name, before, after }],
// problems }; a problem is an unclosed block or a name generate() does
// not know (such blocks are left as they are).
export async function rewriteBlocks(text, generate) {
  let out = '';
  let at = 0;
  const blocks = [];
  const problems = [];
  for (const open of text.matchAll(OPEN)) {
    if (open.index < at) continue; // inside a block already handled
    const name = open[1];
    const close = `<!-- /generated:${name} -->`;
    const start = open.index + open[0].length;
    const end = text.indexOf(close, start);
    if (end < 0) {
      problems.push(`generated:${name} is not closed with ${close}`);
      continue;
    }
    const after = await generate(name);
    if (after === undefined) {
      problems.push(`generated:${name} is not a block this script knows`);
      continue;
    }
    blocks.push({ name, before: text.slice(start, end), after });
    out += text.slice(at, start) + after;
    at = end;
  }
  return { text: out + text.slice(at), blocks, problems };
}

/* ===== What each block holds ===== */

const n = (x) => x.toLocaleString('en-US');

// The files a reader's page loads, in the order the README explains them.
const SIZE_ROWS = [
  [PAGE_SCRIPT, 'classic script, minified'],
  [PAGE_MODULE, 'ES module, minified'],
  [RENDERER, 'the renderer: code only'],
  [SINGLE_FILE, 'single file, the `.wasm` inside'],
  ['article-widget.js', 'classic script, readable'],
];

function readManifest() {
  try {
    return JSON.parse(readFileSync(join(REPO, 'dist', 'manifest.json'), 'utf8'));
  } catch (err) {
    throw new Error(`cannot read dist/manifest.json (run scripts/build): ${err.message}`);
  }
}

function sizes(manifest) {
  const rows = ['| File | Bytes | gzip -9 | brotli -q 11 |', '| --- | ---: | ---: | ---: |'];
  for (const [file, what] of SIZE_ROWS) {
    const f = manifest.files[file];
    if (!f) throw new Error(`dist/manifest.json has no ${file}`);
    rows.push(`| \`${file}\` (${what}) | ${n(f.bytes)} | ${n(f.gzip)} | ${n(f.brotli)} |`);
  }
  return `Version ${manifest.version}, \`.wasm\` ${manifest.wasmHash}:\n\n${rows.join('\n')}\n`;
}

function pageBudget(manifest) {
  const page = PAGE_FILES.reduce((sum, f) => sum + manifest.files[f].brotli, 0);
  const single = manifest.files[SINGLE_FILE].brotli;
  const edition = statSync(join(REPO, 'dist', EDITION_FILE)).size;
  return `A page downloads the code, ${PAGE_FILES.map((f) => `\`${f}\``).join(' + ')}: **${n(page)} bytes brotli** `
    + `(budget ${n(BROTLI_BUDGET)}), and beside it the edition: the demo's \`${EDITION_FILE}\` is ${n(edition)} bytes `
    + `(gzip as built); the single-file build is ${n(single)} (budget ${n(SINGLE_FILE_BUDGET)}).\n`;
}

// The runner is a test: it runs in a process of its own (with this
// build's native side and dist/), and gives its totals as JSON.
function conformanceTotals() {
  const runner = join(REPO, 'tests', 'conformance', 'conformance.mjs');
  const r = spawnSync(process.execPath, [runner, '--json'], {
    cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, AW_BUILD: join(REPO, 'build', 'native') },
  });
  try {
    return JSON.parse(r.stdout);
  } catch {
    const why = r.stderr.match(/^\w*Error: .*$/m)?.[0] ?? (r.stderr.trim() || `exit status ${r.status}`);
    throw new Error(`the conformance runner gave no totals: ${why}`);
  }
}

function conformance() {
  const totals = conformanceTotals();
  const rows = ['| File | Passed | Declared | Failed |', '| --- | ---: | ---: | ---: |'];
  const skipped = [];
  for (const r of totals) {
    if (r.skipped) skipped.push(`- \`${r.file}\`: not run. ${r.skipped.replace(/[_*]/g, '\\$&')}`);
    else rows.push(`| \`${r.file}\` | ${r.passed} | ${r.declared} | ${r.failed} |`);
  }
  return `${rows.join('\n')}\n\n${skipped.join('\n')}\n`;
}

function benchmark() {
  const run = JSON.parse(readFileSync(BENCH_RESULTS, 'utf8'));
  return report(run, run.renderers);
}

function benchmarkChart() {
  const run = JSON.parse(readFileSync(BENCH_RESULTS, 'utf8'));
  return barChart(run, run.renderers);
}

function archive() {
  return archiveReport(JSON.parse(readFileSync(ARCHIVE_RESULTS, 'utf8')));
}

async function frameworks() {
  const { versionsTable } = await import('../tests/frameworks/versions.mjs');
  return versionsTable();
}

// Where each block's figures come from, for the messages.
const SOURCES = {
  sizes: 'dist/manifest.json',
  'page-budget': 'dist/manifest.json, dist/article-widget.awe and tools/pack.mjs',
  conformance: 'the conformance runner',
  benchmark: 'docs/benchmark-results.json',
  archive: 'docs/archive-results.json',
  frameworks: 'tests/frameworks/*/package-lock.json',
};

// generate(name) for rewriteBlocks: each block computed once, on first use.
export function generators() {
  const made = new Map();
  const make = {
    sizes: () => sizes(readManifest()),
    'page-budget': () => pageBudget(readManifest()),
    conformance,
    benchmark,
    archive,
    frameworks,
  };
  return (name) => {
    if (!make[name]) return undefined;
    if (!made.has(name)) made.set(name, Promise.resolve().then(make[name]));
    return made.get(name);
  };
}

/* ===== Figures typed by hand ===== */

// What counts as a measured figure in prose: a number with thousands
// separators, one of four digits or more, or a decimal with a unit.
const FIGURE = /(?<![\w.+-])(?:\d{1,3}(?:,\d{3})+|\d{4,}|\d+\.\d+ ?(?:[kKM]i?B|ms|%))(?!\w)/g;
// Where figures are fine: generated blocks, code (fenced and inline), URLs
// and HTML comments. Masked with spaces so line numbers stay right.
const EXEMPT = /<!-- generated:([a-z-]+) -->[\s\S]*?<!-- \/generated:\1 -->|^```[^\n]*\n[\s\S]*?^```|`[^`\n]+`|https?:\/\/\S+|<!--[\s\S]*?-->/gm;

// ["LINE: FIGURE"] for every figure outside the exempt places.
export function handTypedFigures(text) {
  const masked = text.replace(EXEMPT, (m) => m.replace(/[^\n]/g, ' '));
  return [...masked.matchAll(FIGURE)].map((m) => `${masked.slice(0, m.index).split('\n').length}: ${m[0]}`);
}

/* ===== Check and write ===== */

// [{ file, problem }]: every block that differs from what it would be now
// and every malformed one. With `write`, stale blocks are rewritten
// instead of reported.
export async function updateDocs({ write = false } = {}) {
  const generate = generators();
  const found = [];
  for (const path of docFiles()) {
    const file = relative(REPO, path);
    const text = readFileSync(path, 'utf8');
    const result = await rewriteBlocks(text, generate);
    found.push(...result.problems.map((problem) => ({ file, problem })));
    for (const figure of handTypedFigures(text)) {
      found.push({ file, problem: `line ${figure}: a figure typed by hand; generate it (a block of this script) or drop it` });
    }
    if (write && result.text !== text) writeFileSync(path, result.text);
    if (!write) {
      for (const b of result.blocks) {
        if (b.before !== b.after) found.push({ file, problem: `generated:${b.name} is stale (its source: ${SOURCES[b.name]})` });
      }
    }
  }
  const chart = benchmarkChart();
  if (!existsSync(BENCH_CHART) || readFileSync(BENCH_CHART, 'utf8') !== chart) {
    if (write) writeFileSync(BENCH_CHART, chart);
    else found.push({ file: relative(REPO, BENCH_CHART), problem: 'is not the chart of docs/benchmark-results.json' });
  }
  return found;
}

async function main(argv) {
  const write = argv.includes('--write');
  // --bench FILE, --archive FILE: a new run to publish first.
  for (const [flag, target] of [['--bench', BENCH_RESULTS], ['--archive', ARCHIVE_RESULTS]]) {
    const at = argv.indexOf(flag);
    if (at < 0) continue;
    if (!write || !argv[at + 1]) {
      process.stderr.write('usage: node tools/docs-figures.mjs [--write [--bench build/bench/results.json] '
        + '[--archive build/bench/archive-results.json]]\n');
      return 2;
    }
    copyFileSync(resolve(argv[at + 1]), target);
  }
  const problems = await updateDocs({ write });
  for (const p of problems) process.stderr.write(`docs-figures: ${p.file}: ${p.problem}\n`);
  if (problems.length && !write) process.stderr.write(`docs-figures: to rewrite them: ${FIX_COMMAND}\n`);
  return problems.length ? 1 : 0;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = await main(process.argv.slice(2));
}
