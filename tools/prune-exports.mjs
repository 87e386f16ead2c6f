#!/usr/bin/env node
// Leaves a linked module with exactly the exports the shim calls
// (web/src/abi.js EXPORTS, and _initialize), then shrinks it:
//
//   node tools/prune-exports.mjs MODULE.wasm
//
// Emscripten 3.1.6 exports stackSave, stackRestore and stackAlloc from
// every module (its emcc.py adds them unconditionally) and the function
// table for its JS glue, which this module never has. Binaryen's
// wasm-metadce (Debian's binaryen, which emscripten depends on) drops
// every export the graph below does not reach, with the code only they
// used; wasm-opt -Oz then tidies what is left. The file is rewritten in
// place (a CMake POST_BUILD step of the link).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EXPORTS } from '../web/src/abi.js';

// The features the module is built with (-mbulk-memory; LLVM's defaults).
const FEATURES = ['--enable-bulk-memory', '--enable-sign-ext', '--enable-mutable-globals'];

const [file] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node tools/prune-exports.mjs MODULE.wasm\n');
  process.exit(2);
}
const keep = [...EXPORTS, '_initialize'];
const graph = [
  { name: 'root', root: true, reaches: keep.map((name) => `export:${name}`) },
  ...keep.map((name) => ({ name: `export:${name}`, export: name })),
];
const tmp = mkdtempSync(join(tmpdir(), 'aw-prune-'));
try {
  writeFileSync(join(tmp, 'graph.json'), JSON.stringify(graph));
  const run = (tool, args) => execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  run('wasm-metadce', [...FEATURES, file, '--graph-file', join(tmp, 'graph.json'), '-o', join(tmp, 'pruned.wasm')]);
  run('wasm-opt', [...FEATURES, '-Oz', join(tmp, 'pruned.wasm'), '-o', file]);
} catch (err) {
  process.stderr.write(`prune-exports: ${err.message}\n`);
  process.exit(1);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
