// Fetches and compiles the renderer module, and when that fails says why:
// fetch-failed, wasm-mime (the server sent something else), integrity
// (not the module this script was built with) or csp-blocked.

import { awError, blockedByCsp, errorMessage } from './errors.js';

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

// Streaming compilation when the server says application/wasm; otherwise
// (some servers send octet-stream) from the bytes.
async function compileResponse(response) {
  const type = (response.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
  if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
    const spare = response.clone();
    try {
      return await WebAssembly.compileStreaming(response);
    } catch (err) {
      if (!(err instanceof TypeError)) throw err;
      return WebAssembly.compile(await spare.arrayBuffer());
    }
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!isWasm(bytes)) throw awError(`${response.url} is served as "${type || 'no type'}" and is not WebAssembly`, 'wasm-mime');
  return WebAssembly.compile(bytes);
}

// fetch() rejects with the same TypeError for a network failure, a CORS
// refusal and an integrity mismatch (even a 404 fails the integrity
// check). Only on that path, ask again without `integrity` to tell which.
async function diagnoseFetchFailure(href, err) {
  let response;
  let bytes;
  try {
    response = await fetch(href, { credentials: 'same-origin', cache: 'no-store' });
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    return awError(`could not fetch ${href}: ${errorMessage(err)} (network, CORS or Content-Security-Policy connect-src)`, 'fetch-failed');
  }
  if (!response.ok) return awError(`could not fetch ${href}: HTTP ${response.status}`, 'fetch-failed');
  if (!isWasm(bytes)) {
    return awError(`${href} is served as "${response.headers.get('content-type') || 'no type'}" and is not WebAssembly`, 'wasm-mime');
  }
  return awError(skewMessage(href), 'integrity');
}

async function fetchAndCompile(url, { hash, integrity }) {
  // ?v=<hash of the .wasm this script was built with>: a cached script
  // never pairs with another module under the same name; `integrity` (SRI)
  // makes the browser refuse any other bytes before we see them.
  const versioned = new URL(url);
  versioned.searchParams.set('v', hash);
  let response;
  try {
    response = await fetch(versioned.href, { credentials: 'same-origin', integrity });
  } catch (err) {
    throw await diagnoseFetchFailure(versioned.href, err);
  }
  if (!response.ok) throw awError(`could not fetch ${versioned.href}: HTTP ${response.status}`, 'fetch-failed');
  return compileResponse(response);
}

// Compiles the module at `url`, fetched (`build`: { hash, integrity } of
// the module this script was built with), unless the entry point's
// `readModule(url)` gives its bytes (Node reads a file: URL, the
// single-file build decodes itself; null: fetch after all).
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
