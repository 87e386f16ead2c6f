#!/usr/bin/env node
// Benchmark and gate: time linear in the input on hostile Markdown -- md4c
// 0.5.2's pathological inputs (test/pathological-tests.py) and those of
// issue 10 (links one per line, wide tables of one-cell rows, reference-
// heavy documents) -- through the native renderer (aw-render-batch) and the
// wasm one (render() of dist/article-widget.mjs). For each input at each
// size it prints the native CPU time, the native instruction count and the
// wasm CPU time, and for each of them the worst ratio of two figures whose
// sizes are one twice the other: linear work gives about 2. Exits 1 when a
// gated ratio (instructions, wasm time) reaches 2.5, or when one render
// takes longer than the budget.
//
//   node tests/conformance/pathological.mjs           1, 2, 4 and 8 MB (tens of CPU minutes)
//   node tests/conformance/pathological.mjs --quick   0.5 and 1 MB, no native time (scripts/test)
//   options: --sizes 1,2,4,8 (MB)  --only REGEX (case names)  --budget SECONDS (one render; default 30)
//            --rounds N (timed renders per size after the first; default 5, --quick 3)
//            --engines time,instructions,wasm (which figures; native time, native instructions, wasm time)
//
// Native instructions are counted by valgrind and do not change with the
// machine's load: they gate the C code. Times are CPU time, not wall time
// (waiting for a core is not work), the least of several renders in one
// process, interleaved across sizes; a timed ratio at or over the limit is
// measured again with more renders before it counts. Native time is printed,
// not gated: on a loaded machine cache misses make it grow a little faster
// than the work does. Inputs whose HTML would pass the output bound
// (src/errors.h) stop there with output-too-large, marked "capped": that
// stop must be linear too.
// Environment: AW_BUILD (default build/native), AW_DIST.

import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import vm from 'node:vm';

import { conformancePaths } from './conformance.mjs';

const LIMIT = 2.5;
const STATUS_OUTPUT_TOO_LARGE = -5; // src/errors.h

const lines = (count, line) => Array.from({ length: count }, (_, i) => line(i)).join('');

// name -> n => Markdown; n is a repetition count (md4c uses 50,000 or
// 65,000; here the count that makes about 1 MB, then 2, 4 and 8 times that).
export const CASES = {
  // md4c 0.5.2's test/pathological-tests.py
  'nested strong emph': (n) => '*a **a '.repeat(n) + 'b' + ' a** a*'.repeat(n),
  'many emph closers with no openers': (n) => 'a_ '.repeat(n),
  'many emph openers with no closers': (n) => '_a '.repeat(n),
  'many 3-emph openers with no closers': (n) => 'a***'.repeat(n),
  'many link closers with no openers': (n) => 'a]'.repeat(n),
  'many link openers with no closers': (n) => '[a'.repeat(n),
  'mismatched openers and closers': (n) => '*a_ '.repeat(n),
  'openers and closers multiple of 3': (n) => 'a**b' + 'c* '.repeat(n),
  'link openers and emph closers': (n) => '[ a_'.repeat(n),
  'nested brackets': (n) => '['.repeat(n) + 'a' + ']'.repeat(n),
  'nested block quotes': (n) => '> '.repeat(n) + 'a',
  // These two grow with the square of their count: the count grows with the
  // square root of n, so that their size, like every other, is linear in n.
  'backticks': (n) => Array.from({ length: Math.round(Math.sqrt(40 * n)) }, (_, x) => 'e' + '`'.repeat(x + 1)).join(''),
  'many links': (n) => '[t](/u) '.repeat(n),
  'many references': (n) => Array.from({ length: n * 6 }, (_, x) => `[${x + 1}]: u\n`).join('') + '[0] '.repeat(n),
  'deeply nested lists': (n) => Array.from({ length: Math.round(Math.sqrt(40 * n)) }, (_, x) => '  '.repeat(x) + '* a\n').join(''),
  'many html openers and closers': (n) => '<>'.repeat(n),
  'many html proc. inst. openers': (n) => 'x' + '<?'.repeat(n),
  'many html CDATA openers': (n) => 'x' + '<![CDATA['.repeat(n),
  'many backticks and escapes': (n) => '\\``'.repeat(n),
  'many broken link titles': (n) => '[ (]('.repeat(n),
  'broken thematic break': (n) => '* '.repeat(n) + 'a',
  'nested invalid link references': (n) => '['.repeat(n) + ']'.repeat(n) + '\n\n[a]: /b',
  'many broken permissive autolinks': (n) => 'www._'.repeat(n) + 'x',
  'huge table': (n) => {
    const columns = Math.round(n / 5);
    return 'th|'.repeat(columns) + '\n' + '-|'.repeat(columns) + '\n' + 'td\n'.repeat(columns);
  },
  'many headings with one title': (n) => '# a\n'.repeat(n),
  // Issue 10: candidates for inline links on every line of one paragraph
  // (quadratic in md4c 0.5.2 before cmake/patches/md4c-0.5.2-linear-link-scan.patch)
  'link closers and openers, one per line': (n) => ']([\n'.repeat(n),
  'empty links, destination left open, one per line': (n) => '[](\n'.repeat(n),
  'valid links, one per line': (n) => '[t](/u)\n'.repeat(n),
  // Issue 10: a 128-column table of one-cell rows (every row padded to 128
  // cells), and reference-heavy documents.
  '128-column table, one-cell rows': (n) => 'a|'.repeat(128) + '\n' + '-|'.repeat(128) + '\n' + 'x\n'.repeat(n),
  '1,000 references, each used many times': (n) => lines(1000, (i) => `[r${i}]: /u/${i} "t${i}"\n`)
    + '\n' + lines(n, (i) => `[r${(i * 7) % 1000}] `),
  'one 64 KiB destination used many times': (n) => `[a]: /${'x'.repeat(64 * 1024)}\n\n` + '[a] '.repeat(n),
};

function options(argv) {
  const value = (name, fallback) => {
    const at = argv.indexOf(name);
    return at > 0 ? argv[at + 1] : fallback;
  };
  const quick = argv.includes('--quick');
  return {
    quick,
    sizes: value('--sizes', quick ? '0.5,1' : '1,2,4,8').split(',').map(Number),
    only: new RegExp(value('--only', '')),
    budgetMs: Number(value('--budget', 30)) * 1000,
    rounds: Number(value('--rounds', quick ? 3 : 5)),
    engines: value('--engines', quick ? 'instructions,wasm' : 'time,instructions,wasm').split(','),
  };
}

const mb = (s) => Buffer.byteLength(s) / (1024 * 1024);

const records = (markdowns) => Buffer.concat(markdowns.flatMap((m) => {
  const bytes = Buffer.from(m, 'utf8');
  return [Buffer.from(`${bytes.length}\n`), bytes];
}));

// An engine renders a list of Markdown strings and returns, for each, its
// cost and whether it stopped at the output bound; null when it ran past
// the budget (native engines: killed when the wall time passes a multiple
// of it, as a loaded machine gives a process a fraction of a core).

// aw-render-batch --time in one process: one line per render, "<status>
// <HTML bytes> <CPU ns>". malloc is told to keep everything on its heap (no
// mmap, no trimming), so that after the first render every size reuses
// memory already touched: page faults of fresh mappings would otherwise be
// counted for some sizes and not for others.
const MALLOC_REUSE = 'glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=4294967295';

function parseTimes(driver, run, count) {
  if (run.signal) return null; // over the budget
  const results = run.stdout.toString('latin1').trim().split('\n').map((line) => {
    const [status, , ns] = line.split(' ').map(Number);
    if (status !== 0 && status !== STATUS_OUTPUT_TOO_LARGE) throw new Error(`${driver}: status ${status}`);
    return { cost: ns / 1e6, capped: status === STATUS_OUTPUT_TOO_LARGE };
  });
  if (run.status !== 0 || results.length !== count) throw new Error(`${driver} failed: ${run.stderr}`);
  return results;
}

function nativeTime(driver) {
  return (markdowns, timeoutMs) => parseTimes(driver, spawnSync(driver, ['--time'], {
    input: records(markdowns), timeout: timeoutMs && 10 * timeoutMs, maxBuffer: 1 << 24,
    env: { ...process.env, GLIBC_TUNABLES: MALLOC_REUSE },
  }), markdowns.length);
}

// The instructions one render executes, counted by valgrind (cachegrind, no
// cache simulation, some 25 times slower than native): the same count
// every time, whatever else the machine does. One process per render; the
// count includes the driver's start-up and reading the input (a few hundred
// thousand, against tens of millions).
function nativeInstructions(driver) {
  return (markdowns, timeoutMs) => markdowns.map((markdown) => {
    const run = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', driver, '--time'],
      { input: records([markdown]), timeout: timeoutMs && 100 * timeoutMs, maxBuffer: 1 << 24 });
    if (run.error && !run.signal) throw new Error(`valgrind: ${run.error.message} (scripts/setup installs it)`);
    const [result] = parseTimes(driver, run, 1) ?? [null];
    const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr.toString());
    if (!result || !refs) return result;
    return { cost: Number(refs[1].replaceAll(',', '')) / 1e6, capped: result.capped };
  }).reduce((all, r) => (all && r ? [...all, r] : null), []);
}

// render() in this process, its CPU time: the module's memory, once grown,
// is reused. A collection first, so that garbage of one render (its HTML
// string) is not collected on the next one's time.
function wasmTime(shim, gc) {
  return (markdowns) => markdowns.map((markdown) => {
    let capped = false;
    gc();
    const started = process.cpuUsage();
    try {
      shim.render(markdown);
    } catch (err) {
      if (err.code !== 'output-too-large') throw err;
      capped = true;
    }
    const used = process.cpuUsage(started);
    return { cost: (used.user + used.system) / 1000, capped };
  });
}

// The cost of `inputs` (sizes in ascending order) on one engine, and the
// worst ratio between the costs of two sizes when the size doubles.
//  1. One render per size, smallest first; a render over the budget ends
//     the case (a larger size would take longer still): it is not linear.
//  2. For a timed engine, rounds that each render every size once,
//     interleaved so that every size meets the same conditions on a shared
//     machine, after one render of the largest size (memory grown once,
//     then reused); each size keeps its least time. Renders of a few
//     milliseconds get more rounds.
//  3. A ratio at or over the limit is measured again, unless the renders
//     take seconds (then noise cannot explain it): up to four times (twice
//     let one clean-clone run fail at 2.87 on a case whose native
//     instructions doubled exactly 2.00 and whose reruns gave 2.13), each time
//     with at least a second of renders of the largest size, because on a
//     loaded machine renders of a few milliseconds need many tries for
//     one that nothing interrupted.
function measure(engine, inputs, { budgetMs, rounds }) {
  const costs = [];
  let capped = false;
  for (const input of inputs) {
    const [r] = engine.run([input], budgetMs) ?? [null];
    if (!r || (engine.timed && r.cost > budgetMs)) {
      if (r) costs.push(r.cost); // shown: how far over the budget
      return { costs, worst: Infinity, capped, failed: true };
    }
    costs.push(r.cost);
    capped ||= r.capped;
  }
  const ratio = (i) => (costs[i + 1] / costs[i]) * (2 * mb(inputs[i]) / mb(inputs[i + 1]));
  const repeat = (count) => {
    const results = engine.run([inputs.at(-1), ...Array.from({ length: count }, () => inputs).flat()]).slice(1);
    results.forEach((r, k) => { costs[k % inputs.length] = Math.min(costs[k % inputs.length], r.cost); });
  };
  if (engine.timed && Math.max(...costs) < 5000) {
    // Short renders are the noisiest: more rounds, up to 100 ms of the smallest.
    repeat(Math.min(30, Math.max(rounds, Math.ceil(100 / costs[0]))));
    const suspect = () => costs.some((c, i) => i + 1 < costs.length && ratio(i) >= LIMIT && costs[i + 1] < 5000);
    for (let again = 0; again < 4 && suspect(); again++) repeat(Math.max(2 * rounds, Math.ceil(1000 / costs.at(-1))));
  }
  const worst = Math.max(0, ...costs.slice(1).map((_, i) => ratio(i)));
  return { costs, worst, capped, failed: engine.gates && worst >= LIMIT };
}

async function main() {
  const opts = options(process.argv);
  const { sizes, only } = opts;
  const { driver } = conformancePaths();
  // The module compiled by V8's optimising tier from the start, so that
  // tier-up in the middle of the rounds does not pass for non-linear time.
  v8.setFlagsFromString('--no-liftoff');
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  const { importShim } = await import('../js/helpers.mjs');
  const shim = await importShim();
  const wasm = { name: 'wasm CPU ms', run: wasmTime(shim, gc), timed: true, gates: true };
  const engines = Object.entries({
    time: { name: 'native CPU ms', run: nativeTime(driver), timed: true, gates: false },
    instructions: { name: 'native M instructions', run: nativeInstructions(driver), timed: false, gates: true },
    wasm,
  }).filter(([key]) => opts.engines.includes(key)).map(([, engine]) => engine);
  if (engines.includes(wasm)) for (const [name, make] of Object.entries(CASES)) if (only.test(name)) wasm.run([make(2000)]); // let the JIT settle

  const cell = (cost) => (cost === undefined ? '-' : cost.toFixed(cost < 100 ? 1 : 0)).padStart(8);
  const width = 8 * sizes.length + 7;
  console.log('At each size: native CPU ms (the least of several renders; not gated), native instructions in');
  console.log('millions (valgrind: the same on any load), wasm CPU ms (the least of several renders); "ratio": the');
  console.log(`worst ratio of two figures when the size doubles (instructions and wasm gated: below ${LIMIT})`);
  console.log(' '.repeat(50) + engines.map((e) => e.name.padStart(width)).join(''));
  console.log('case'.padEnd(50) + engines.map(() => sizes.map((s) => `${s} MB`.padStart(8)).join('') + '  ratio').join(''));
  let worst = 0;
  let failed = 0;
  for (const [name, make] of Object.entries(CASES)) {
    if (!only.test(name)) continue;
    // The count that makes the smallest input about sizes[0] MB.
    const base = Math.max(1, Math.round(1000 * sizes[0] / mb(make(1000))));
    const inputs = sizes.map((s) => make(Math.round(base * s / sizes[0])));
    let row = name.padEnd(50);
    const notes = new Set();
    for (const engine of engines) {
      const r = measure(engine, inputs, opts);
      row += sizes.map((_, i) => cell(r.costs[i])).join('') + (r.worst === Infinity ? 'budget' : r.worst.toFixed(2)).padStart(7);
      if (r.capped) notes.add('capped');
      if (r.failed) notes.add('<-- not linear');
      if (engine.gates) worst = Math.max(worst, r.worst);
    }
    if (notes.has('<-- not linear')) failed++;
    console.log(row + (notes.size ? `  ${[...notes].join(' ')}` : ''));
  }
  console.log(`worst gated ratio when the size doubles: ${worst.toFixed(2)} (limit ${LIMIT}); ${failed} cases not linear`);
  process.exitCode = failed ? 1 : 0;
}

await main();
