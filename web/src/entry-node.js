// dist/article-widget.node.mjs and article-widget.cjs: the package in
// Node (server-side rendering, tests, build scripts). There is no DOM, so
// mount() and scan() throw.
//
// The .wasm beside this file is read from disk. A server bundler (Next.js
// with Turbopack or webpack, Nuxt, SvelteKit, esbuild) moves this code
// into its own output, where no .wasm is beside it: then the module this
// build carries (base64, as in the single-file build) is used. No bundler
// has to know about the .wasm, and nothing is fetched.

/* global __AW_WASM_BASE64__ */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { VERSION, WASM } from './build-info.js';
import { awError } from './errors.js';
import { WASM_FILE, skewMessage } from './loader.js';
import { serverRenderView } from './render-view.js';
import { createRuntime } from './runtime.js';

// The .wasm beside this file, found at run time: written as
// new URL('./article-widget.wasm', import.meta.url), it would be taken by
// server bundlers for a web asset and become a public URL such as
// /_next/static/media/…wasm. null where this code does not run from a file.
function besideThisFile() {
  try {
    const url = new URL(import.meta.url);
    if (url.protocol !== 'file:') return null;
    return new URL(url.pathname.replace(/[^/]*$/, WASM_FILE), url);
  } catch {
    return null;
  }
}
const beside = besideThisFile();

// Stands for the carried module where this code does not run from a file.
const CARRIED = 'about:article-widget.wasm';
const carried = () => Buffer.from(__AW_WASM_BASE64__, 'base64');

// A file: URL is read (other URLs are fetched), with the check
// fetch(url, { integrity }) makes in a browser: a stale copy of the .wasm
// beside a newer script fails with code integrity. No file beside this
// one (a server bundle): the module carried inside.
async function readModule(url) {
  if (url.href === CARRIED) return carried();
  if (url.protocol !== 'file:') return null;
  let bytes;
  try {
    bytes = await readFile(url);
  } catch (err) {
    if (err.code === 'ENOENT' && url.href === beside?.href) return carried();
    throw err;
  }
  if (`sha384-${createHash('sha384').update(bytes).digest('base64')}` !== WASM.integrity) {
    throw awError(skewMessage(String(url)), 'integrity');
  }
  return bytes;
}

const runtime = createRuntime({ version: VERSION, wasm: WASM, wasmUrl: () => beside ?? new URL(CARRIED), readModule });

export const { ready, articles, render, mount, setWasmUrl } = runtime.api;
export const scan = () => runtime.mount();
export const version = VERSION;
export const renderView = serverRenderView(runtime);
