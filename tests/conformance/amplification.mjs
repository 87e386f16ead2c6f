#!/usr/bin/env node
// Figures for the output bound: for each input of amplification-inputs.mjs
// (and the content files and md4c's CommonMark examples), what render() of
// dist/article-widget.mjs gives -- HTML bytes and their ratio to the input,
// or the error code -- the CPU time it took, and the module's memory
// (memory.buffer.byteLength) before and after. Each input runs in a fresh
// process, so memory that one render grew is not counted against the next.
//
//   node tests/conformance/amplification.mjs          (AW_DIST: another build to measure)
//
// Exits 1 when an amplifying input renders or a legitimate one fails.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { AMPLIFYING, LEGITIMATE } from './amplification-inputs.mjs';
import { conformancePaths, readExamples } from './conformance.mjs';

const SELF = fileURLToPath(import.meta.url);

// In the child: render the file's Markdown once and print what happened.
async function measureOne(file) {
  const markdown = readFileSync(file, 'utf8');
  let memory;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async (...args) => {
    const result = await instantiate.apply(WebAssembly, args);
    memory = (result.instance ?? result).exports.memory;
    return result;
  };
  const { importShim } = await import('../js/helpers.mjs');
  const shim = await importShim();
  WebAssembly.instantiate = instantiate;
  const memoryBefore = memory.buffer.byteLength;
  const started = process.cpuUsage();
  let html = null;
  let error = null;
  try {
    html = shim.render(markdown);
  } catch (err) {
    error = err.code ?? String(err.message).slice(0, 40);
  }
  const used = process.cpuUsage(started);
  console.log(JSON.stringify({
    input: Buffer.byteLength(markdown), html: html === null ? null : Buffer.byteLength(html), error,
    cpuMs: (used.user + used.system) / 1000, memoryBefore, memoryAfter: memory.buffer.byteLength,
  }));
}

function measure(dir, name, markdown) {
  const file = join(dir, 'input.md');
  writeFileSync(file, markdown);
  const run = spawnSync(process.execPath, [SELF, '--one', file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${name}: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

function contentFiles() {
  const dir = join(fileURLToPath(new URL('../..', import.meta.url)), 'content');
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.md'))
    .map((f) => [`content/${f}`, () => readFileSync(join(dir, f), 'utf8')]));
}

function commonMarkExamples() {
  const { md4cTests } = conformancePaths();
  const examples = readExamples(join(md4cTests, 'spec.txt'));
  return { 'spec.txt examples, one document': () => examples.map((e) => e.markdown).join('\n\n') };
}

function main() {
  const dir = mkdtempSync(join(tmpdir(), 'aw-amplification-'));
  const MiB = 1024 * 1024;
  const sets = [
    ['amplifying (must fail with output-too-large)', AMPLIFYING, true],
    ['legitimate (must render)', { ...LEGITIMATE, ...contentFiles(), ...commonMarkExamples() }, false],
  ];
  let wrong = 0;
  try {
    for (const [title, cases, amplifying] of sets) {
      console.log(`\n${title}`);
      console.log('input'.padEnd(50) + 'bytes'.padStart(10) + 'HTML bytes'.padStart(18) + 'x input'.padStart(9)
        + 'CPU ms'.padStart(9) + '  memory MiB before -> after');
      for (const [name, make] of Object.entries(cases)) {
        const r = measure(dir, name, make());
        const ok = amplifying ? r.error === 'output-too-large' : r.error === null;
        if (!ok) wrong++;
        console.log(name.padEnd(50) + String(r.input).padStart(10)
          + (r.error ?? String(r.html)).padStart(18)
          + (r.html === null ? '' : (r.html / r.input).toFixed(2)).padStart(9)
          + r.cpuMs.toFixed(0).padStart(9)
          + `  ${(r.memoryBefore / MiB).toFixed(1)} -> ${(r.memoryAfter / MiB).toFixed(1)}`
          + (ok ? '' : '  <-- wrong'));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${wrong} inputs with the wrong outcome`);
  process.exitCode = wrong ? 1 : 0;
}

const at = process.argv.indexOf('--one');
if (at > 0) await measureOne(process.argv[at + 1]);
else main();
