// Fetches and compiles the renderer module, and when that fails says why:
// fetch-failed, wasm-mime (the server sent something else), integrity
// (not the module this script was built with) or csp-blocked.

import { awError, blockedByCsp, errorMessage } from './errors.js';
import { requestUrl } from './urls.js';

// The .wasm's name in the package (a bundler may rename its copy).
export const WASM_FILE = 'article-widget.wasm';

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

function isWasm(bytes) {
  return WASM_MAGIC.every((b, i) => bytes[i] === b);
}

export function skewMessage(where) {
  return `${where} is not the module this script was built with (integrity mismatch)`;
}

function explainCompileError(err) {
  if (err && err.code) return err;
  if (blockedByCsp(err)) {
    return awError(`the page's Content-Security-Policy does not allow WebAssembly (script-src needs 'wasm-unsafe-eval'): ${errorMessage(err)}`, 'csp-blocked');
  }
  return err;
}

const notWasm = (href, response) => awError(`${href} is served as "${response.headers.get('content-type') || 'no type'}" and is not WebAssembly`, 'wasm-mime');
const unreachable = (href, err) => awError(`could not fetch ${href}: ${errorMessage(err)} (network, CORS or Content-Security-Policy connect-src)`, 'fetch-failed');
const httpError = (href, response) => awError(`could not fetch ${href}: HTTP ${response.status}`, 'fetch-failed');

// Without Web Crypto, fetch(url, { integrity }) checks the bytes, and
// rejects with the same TypeError for a network failure, a CORS refusal
// and an integrity mismatch (even a 404 fails the integrity check). Only
// on that path, ask again without `integrity` to tell which.
async function diagnoseFetchFailure(href, err) {
  let response;
  let bytes;
  try {
    response = await fetch(href, { credentials: 'same-origin', cache: 'no-store' });
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    return unreachable(href, err);
  }
  if (!response.ok) return httpError(href, response);
  if (!isWasm(bytes)) return notWasm(href, response);
  return awError(skewMessage(href), 'integrity');
}

async function sha384(subtle, bytes) {
  const digest = new Uint8Array(await subtle.digest('SHA-384', bytes));
  return `sha384-${btoa(String.fromCharCode(...digest))}`;
}

async function fetchAndCompile(url, { hash, integrity }) {
  // ?v=<hash of the .wasm this script was built with> on the package's own
  // file name: a cached script never pairs with another module under it.
  const href = requestUrl(url, WASM_FILE, hash).href;
  // The bytes must be the module this script was built with (its SRI
  // hash). Where Web Crypto is (https and localhost pages), the status is
  // looked at first and the bytes are checked here: fetch(url, { integrity })
  // has the browser report a 404 page as an integrity failure.
  const subtle = globalThis.crypto?.subtle;
  let response;
  try {
    response = await fetch(href, { credentials: 'same-origin', integrity: subtle ? '' : integrity });
  } catch (err) {
    throw subtle ? unreachable(href, err) : await diagnoseFetchFailure(href, err);
  }
  if (!response.ok) throw httpError(href, response);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!isWasm(bytes)) throw notWasm(href, response);
  // Compiled while the digest is taken (both off the main thread); the
  // module is used only if the bytes pass. Not compileStreaming() on a
  // clone of the response: reading a teed body took 20-30 ms of the main
  // thread's tasks in Chromium, more than the compile it overlaps.
  const compiling = WebAssembly.compile(bytes);
  compiling.catch(() => {}); // a digest mismatch is reported, not this
  if (subtle && await sha384(subtle, bytes) !== integrity) throw awError(skewMessage(href), 'integrity');
  return compiling;
}

// Compiles the module at `url`, fetched (`build`: { hash, integrity } of
// the module this script was built with), unless the entry point's
// `readModule(url)` gives its bytes (Node reads a file: URL or uses the
// copy it carries, the single-file build decodes itself; null: fetch
// after all).
export async function compileModule(url, build, readModule) {
  if (typeof WebAssembly !== 'object') throw awError('WebAssembly is not supported here', 'unsupported');
  try {
    let bytes = null;
    try {
      bytes = readModule ? await readModule(url) : null;
    } catch (err) {
      throw err.code ? err : awError(`could not read ${url}: ${errorMessage(err)}`, 'fetch-failed');
    }
    return await (bytes ? WebAssembly.compile(bytes) : fetchAndCompile(url, build));
  } catch (err) {
    throw explainCompileError(err);
  }
}
