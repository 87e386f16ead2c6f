#!/usr/bin/env node
// Benchmark: md4c's pathological inputs (test/pathological-tests.py) at two
// sizes, through the native renderer (aw-render-batch) and the wasm one
// (render() of dist/article-widget.mjs). Prints the time per MB of input at
// each size and the ratio of the two times; time linear in the input means
// a ratio near 2 when the size doubles. Exits 1 when a ratio reaches 2.5.
//
//   node tests/conformance/pathological.mjs [--scale N]   (default 1: inputs of 2 and 4 MB, a few minutes)
//
// Times are CPU time, not wall time (this machine is shared: waiting for a
// core must not look like non-linear work), the best of several runs: 3
// native, each in a fresh process, start-up not counted; 5 wasm, in this
// process, where the module's memory, once grown, is reused. Environment: AW_BUILD (default build/native), AW_DIST.

import { spawnSync } from 'node:child_process';

import { conformancePaths } from './conformance.mjs';

const LIMIT = 2.5;

// name -> n => Markdown, after md4c 0.5.2's test/pathological-tests.py; n is
// a repetition count (md4c uses 50,000 or 65,000; here the count that makes
// about 2 MB, and twice that).
export const CASES = {
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
};

function best(times) {
  return Math.min(...times);
}

// Renders `markdown` in three fresh aw-render-batch processes and returns
// the least CPU time a render took, in ms (start-up not included). Fresh
// processes, because glibc hands back allocations under 32 MB for reuse
// but maps larger ones anew each time: a warm run of the smaller size
// against a cold run of the larger would fake a non-linear ratio.
function timeNative(driver, markdown) {
  const bytes = Buffer.from(markdown, 'utf8');
  const input = Buffer.concat([Buffer.from(`${bytes.length}\n`), bytes]);
  const times = [];
  for (let i = 0; i < 3; i++) {
    const run = spawnSync(driver, ['--time'], { input, maxBuffer: 1 << 30 });
    const [status, , ns] = run.stdout.toString('latin1', 0, 64).split('\n')[0].split(' ').map(Number);
    if (run.status !== 0 || status !== 0) throw new Error(`${driver} failed (${run.status}, ${status}): ${run.stderr}`);
    times.push(ns / 1e6);
  }
  return best(times);
}

function timeWasm(shim, markdown) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const started = process.cpuUsage();
    shim.render(markdown);
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
  }
  return best(times);
}

async function main() {
  const at = process.argv.indexOf('--scale');
  const scale = at > 0 ? Number(process.argv[at + 1]) : 1;
  const { driver } = conformancePaths();
  const { importShim } = await import('../js/helpers.mjs');
  const shim = await importShim();
  shim.render(Object.values(CASES).map((make) => make(2000)).join('\n\n')); // let the JIT settle
  let worst = 0;
  console.log('CPU time per MB of input at the smaller size, and the time ratio when the size doubles');
  console.log('case                                  size MB   native ms/MB  x2 ratio   wasm ms/MB  x2 ratio');
  const mb = (s) => Buffer.byteLength(s) / (1024 * 1024);
  for (const [name, make] of Object.entries(CASES)) {
    // The count that makes the smaller input about 2 MB (times the scale):
    // big enough that a run takes tens of milliseconds, not timer noise.
    const base = Math.max(1, Math.round(1000 * (2 * scale) / mb(make(1000))));
    const small = make(base);
    const large = make(base * 2);
    const row = [name.padEnd(36), mb(small).toFixed(2).padStart(8)];
    let slow = false;
    for (const time of [(s) => timeNative(driver, s), (s) => timeWasm(shim, s)]) {
      const t1 = time(small);
      const t2 = time(large);
      // Per MB at the small size, and the time ratio when the input doubles
      // (adjusted for cases whose size does not exactly double).
      const ratio = (t2 / t1) * (2 * mb(small) / mb(large));
      worst = Math.max(worst, ratio);
      slow ||= ratio >= LIMIT;
      row.push((t1 / mb(small)).toFixed(1).padStart(12), ratio.toFixed(2).padStart(9));
    }
    console.log(row.join(' ') + (slow ? '  <-- not linear' : ''));
  }
  console.log(`worst ratio when the size doubles: ${worst.toFixed(2)} (limit ${LIMIT})`);
  process.exitCode = worst >= LIMIT ? 1 : 0;
}

await main();
