// dist/article-widget.mjs: the ES module for browsers and bundlers.
// Importing it defines <article-widget> and downloads nothing: the .wasm
// is fetched at the first mount or when `ready` is awaited.

import { VERSION, WASM } from './build-info.js';
import { defineElement, scanner } from './element.js';
import { createRuntime } from './runtime.js';

const runtime = createRuntime({
  version: VERSION,
  wasm: WASM,
  // Written literally so that bundlers (webpack 5, Vite) find the asset
  // and emit it; setWasmUrl() overrides it.
  wasmUrl: () => new URL('./article-widget.wasm', import.meta.url),
});
if (typeof window !== 'undefined') defineElement(runtime.mount, VERSION, true);

export const { ready, articles, render, mount, setWasmUrl } = runtime.api;
export const scan = scanner(runtime.mount);
export const version = VERSION;
export const { renderView } = runtime;
