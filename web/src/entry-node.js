// dist/article-widget.node.mjs and article-widget.cjs: the package in
// Node (server-side rendering, tests, build scripts). The .wasm is read
// from disk; there is no DOM, so mount() and scan() throw.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

import { VERSION, WASM } from './build-info.js';
import { createRuntime } from './runtime.js';

// Beside this file; when a server bundle moved this code elsewhere, the
// installed package's copy.
function wasmUrl() {
  const beside = new URL('./article-widget.wasm', import.meta.url);
  if (existsSync(beside)) return beside;
  try {
    return pathToFileURL(createRequire(import.meta.url).resolve('article-widget/article-widget.wasm'));
  } catch {
    return beside;
  }
}

const runtime = createRuntime({
  version: VERSION,
  wasm: WASM,
  wasmUrl,
  readBytes: readFile,
});

export const { ready, articles, render, mount, setWasmUrl } = runtime.api;
export const scan = () => runtime.mount();
export const version = VERSION;
export const { renderView } = runtime;
