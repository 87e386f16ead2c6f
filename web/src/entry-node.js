// dist/article-widget.node.mjs and article-widget.cjs: the package in
// Node (server-side rendering, tests, build scripts). There is no DOM, so
// mount() and scan() throw.
//
// The .wasm and the demo edition beside this file are read from disk. A
// server bundler (Next.js with Turbopack or webpack, Nuxt, SvelteKit,
// esbuild) moves this code into its own output, where neither is beside
// it: then the module and the demo edition this build carries (base64, as
// the single-file build carries the module) are used. No bundler has to
// know about either file, and nothing is fetched. A site's own edition
// (setEditionUrl(path)) and its archive are read from disk.

/* global __AW_WASM_BASE64__, __AW_EDITION_BASE64__ */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { EDITION_FILE } from './abi.js';
import { VERSION, WASM } from './build-info.js';
import { awError, errorMessage } from './errors.js';
import { WASM_FILE, skewMessage } from './loader.js';
import { serverRenderElement } from './render-element.js';
import { serverRenderView, serverRenderer } from './render-view.js';
import { createRuntime } from './runtime.js';
import { archiveUrl } from './urls.js';
import css from './widget.css';

// The package's file `name` beside this file, found at run time: written
// as new URL('./article-widget.wasm', import.meta.url), it would be taken
// by server bundlers for a web asset and become a public URL such as
// /_next/static/media/…wasm. null where this code does not run from a file.
function besideThisFile(name) {
  try {
    const url = new URL(import.meta.url);
    if (url.protocol !== 'file:') return null;
    return new URL(url.pathname.replace(/[^/]*$/, name), url);
  } catch {
    return null;
  }
}
const beside = besideThisFile(WASM_FILE);
const besideEdition = besideThisFile(EDITION_FILE);

// Stand for the carried module and demo edition where this code does not
// run from a file.
const CARRIED = 'about:article-widget.wasm';
const carried = () => Buffer.from(__AW_WASM_BASE64__, 'base64');
const CARRIED_EDITION = `about:${EDITION_FILE}`;

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

// A file: URL is read from disk (other URLs are fetched); `missing` is the
// code of a file that is not there. The runtime inflates it. No demo
// edition beside this file (a server bundle): the one carried inside
// (gzip, as the build wrote it; its archive articles are not carried).
async function readContent(url, missing) {
  if (url.href === CARRIED_EDITION) {
    if (__AW_EDITION_BASE64__) return Buffer.from(__AW_EDITION_BASE64__, 'base64');
    throw awError('this build carries no edition: name one with setEditionUrl(path)', missing);
  }
  if (url.protocol !== 'file:') return null;
  try {
    return await readFile(url);
  } catch (err) {
    if (err.code === 'ENOENT' && url.href === besideEdition?.href) return readContent(new URL(CARRIED_EDITION), missing);
    throw awError(err.code === 'ENOENT' ? `no such file: ${url}` : `could not read ${url}: ${err.message}`,
      err.code === 'ENOENT' ? missing : 'fetch-failed');
  }
}

const runtime = createRuntime({
  version: VERSION,
  wasm: WASM,
  wasmUrl: () => beside ?? new URL(CARRIED),
  readModule,
  editionUrl: () => besideEdition ?? new URL(CARRIED_EDITION),
  readContent,
  // setEditionUrl('public/aw/article-widget.awe'): a path from where the server runs.
  base: () => pathToFileURL(`${process.cwd()}/`),
});

// renderView()'s archive article, read from disk beside the edition at
// once (src/content_blob.h: gzip as the build writes it, or not); none
// when there is no such file.
function readArticle(slug) {
  const engine = runtime.requireEngine();
  const edition = runtime.editionUrl();
  const path = edition.protocol === 'file:' && !engine.findArticle(slug) && engine.archivePath(slug);
  const url = path && archiveUrl(path, edition);
  if (!url || !existsSync(url)) return;
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
// The whole element, pre-rendered (render-element.js); the hash of the
// stylesheet it carries inline, for a page's CSP (style-src).
export const renderElement = serverRenderElement({
  renderView: serverRenderer(runtime, readArticle),
  titleOf: (slug) => runtime.api.articles().find((a) => a.slug === slug)?.title ?? null,
  css,
  wasmHash: WASM.hash,
});
export const styleHash = `sha256-${createHash('sha256').update(css).digest('base64')}`;
