#!/usr/bin/env node
// Instructions per render(), ours against markdown-wasm's parse(), counted
// by valgrind (callgrind) over Node: a figure that does not move with the
// machine's load, unlike the CPU times of bench.mjs.
//
//   node tests/bench/instructions.mjs [INPUT...]   (after scripts/bench has
//   written build/bench/inputs/ and installed the peers; default: article,
//   news-20kb, spec)
//
// V8 runs with --predictable (one thread, fixed seeds) and --no-liftoff
// --no-wasm-tier-up (the wasm is compiled once, by TurboFan), so a run is
// repeatable to a few instructions in a million. Each figure is the
// difference between two runs that render N1 and N2 times, divided by
// N2 - N1: start-up, compilation and warm-up cancel out. Slow (valgrind):
// about a minute per input and renderer.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const INPUTS = join(REPO, 'build', 'bench', 'inputs');
const RENDERERS = {
  'article-widget': `const m = await import(${JSON.stringify(join(REPO, 'dist', 'article-widget.node.mjs'))}); await m.ready; render = (t) => m.render(t);`,
  'markdown-wasm 1.2.0': `const mw = (await import('node:module')).createRequire(${JSON.stringify(join(HERE, 'x.js'))})('markdown-wasm/dist/markdown.node.js'); await mw.ready; render = (t) => mw.parse(t);`,
};
// Renders per run: larger inputs need fewer for the same precision.
const COUNTS = { article: [20, 120], 'news-20kb': [10, 40], spec: [5, 20], 'spec-1mb': [1, 3] };

function instructions(setup, file, n) {
  const script = `let render; ${setup}
const text = (await import('node:fs')).readFileSync(${JSON.stringify(file)}, 'utf8');
let out = 0; for (let i = 0; i < ${n}; i++) out += render(text).length;
if (${n} > 0 && out === 0) throw new Error('no HTML');`;
  const run = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath,
    '--predictable', '--no-liftoff', '--no-wasm-tier-up', '--input-type=module', '-e', script],
  { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], cwd: HERE });
  const m = /Collected : (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !m) throw new Error(`valgrind failed (is it installed?):\n${run.stderr}`);
  return Number(m[1]);
}

const names = process.argv.slice(2).length ? process.argv.slice(2) : ['article', 'news-20kb', 'spec'];
const rows = ['| Input | ' + Object.keys(RENDERERS).join(' | ') + ' | ours / theirs |', '| --- | ---: | ---: | ---: |'];
for (const name of names) {
  const file = join(INPUTS, `${name}.md`);
  if (!existsSync(file)) throw new Error(`missing ${file}: run scripts/bench first (it writes the inputs)`);
  const [n1, n2] = COUNTS[name] ?? [5, 20];
  const per = Object.values(RENDERERS).map((setup) => (instructions(setup, file, n2) - instructions(setup, file, n1)) / (n2 - n1));
  rows.push(`| ${name} | ${per.map((x) => Math.round(x).toLocaleString('en-US')).join(' | ')} | ${(per[0] / per[1]).toFixed(2)} |`);
  process.stderr.write(`instructions: ${name} done\n`);
}
process.stdout.write(`Instructions per render (callgrind; node --predictable --no-liftoff --no-wasm-tier-up):\n\n${rows.join('\n')}\n`);
