// dist/article-widget.node.mjs and article-widget.cjs: the package in
// Node (server-side rendering, tests, build scripts). The .wasm is read
// from disk; there is no DOM, so mount() and scan() throw.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

import { VERSION, WASM } from './build-info.js';
import { awError } from './errors.js';
import { skewMessage } from './loader.js';
import { serverRenderView } from './render-view.js';
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

// A file: URL is read (other URLs are fetched), with the check
// fetch(url, { integrity }) makes in a browser: a stale copy of the .wasm
// beside a newer script fails with code integrity.
async function readModule(url) {
  if (url.protocol !== 'file:') return null;
  const bytes = await readFile(url);
  if (`sha384-${createHash('sha384').update(bytes).digest('base64')}` !== WASM.integrity) {
    throw awError(skewMessage(String(url)), 'integrity');
  }
  return bytes;
}

const runtime = createRuntime({ version: VERSION, wasm: WASM, wasmUrl, readModule });

export const { ready, articles, render, mount, setWasmUrl } = runtime.api;
export const scan = () => runtime.mount();
export const version = VERSION;
export const renderView = serverRenderView(runtime);
