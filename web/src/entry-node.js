// dist/article-widget.node.mjs and article-widget.cjs: the package in
// Node (server-side rendering, tests, build scripts). The .wasm is read
// from disk; there is no DOM, so mount() and scan() throw.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { EDITION_FILE } from './abi.js';
import { VERSION, WASM } from './build-info.js';
import { archiveUrl } from './edition-url.js';
import { awError, errorMessage } from './errors.js';
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

// The package's demo edition: beside this file, or the installed
// package's (a server bundle moved this code elsewhere).
function editionUrl() {
  const beside = new URL(`./${EDITION_FILE}`, import.meta.url);
  if (existsSync(beside)) return beside;
  try {
    return pathToFileURL(createRequire(import.meta.url).resolve(`article-widget/${EDITION_FILE}`));
  } catch {
    return beside;
  }
}

// A file: URL is read from disk (other URLs are fetched); `missing` is the
// code of a file that is not there. The runtime inflates it.
async function readContent(url, missing) {
  if (url.protocol !== 'file:') return null;
  try {
    return await readFile(url);
  } catch (err) {
    throw awError(err.code === 'ENOENT' ? `no such file: ${url}` : `could not read ${url}: ${err.message}`,
      err.code === 'ENOENT' ? missing : 'fetch-failed');
  }
}

const runtime = createRuntime({
  version: VERSION, wasm: WASM, wasmUrl, readModule, editionUrl, readContent,
  // setEditionUrl('public/aw/article-widget.awe'): a path from where the server runs.
  base: () => pathToFileURL(`${process.cwd()}/`),
});

// renderView()'s archive article, read from disk beside the edition at
// once (src/content_blob.h: gzip as the build writes it, or not); none
// when there is no such file.
function readArticle(slug) {
  const engine = runtime.requireEngine();
  const path = !engine.findArticle(slug) && engine.archivePath(slug);
  const url = path && archiveUrl(path, runtime.editionUrl());
  if (!url || url.protocol !== 'file:' || !existsSync(url)) return;
  try {
    const bytes = readFileSync(url);
    engine.addArticle(slug, bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
  } catch (err) {
    throw awError(`${url}: ${errorMessage(err)}`, err.code ?? 'content-invalid');
  }
}

export const { ready, articles, render, mount, setWasmUrl, setEditionUrl } = runtime.api;
export const scan = () => runtime.mount();
export const version = VERSION;
export const renderView = serverRenderView(runtime, readArticle);
