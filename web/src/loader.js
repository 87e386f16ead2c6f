// Fetches and compiles the renderer module, and when that fails says why:
// fetch-failed, wasm-mime (the server sent something else), integrity
// (not the module this script was built with) or csp-blocked.

import { awError, blockedByCsp, errorMessage } from './errors.js';

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

function isWasm(bytes) {
  return WASM_MAGIC.every((b, i) => bytes[i] === b);
}

function skewMessage(where) {
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

const DIGESTS = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

// For bytes read without fetch (a file in Node): the check
// fetch(url, { integrity }) makes in a browser.
async function checkIntegrity(bytes, integrity, where) {
  const [algorithm, expected] = (integrity || '').split('-', 2);
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (!DIGESTS[algorithm] || !subtle) return;
  const digest = new Uint8Array(await subtle.digest(DIGESTS[algorithm], bytes));
  if (btoa(String.fromCharCode(...digest)) !== expected) throw awError(skewMessage(where), 'integrity');
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

// Compiles the module from where `source` says: { base64 } (the single-file
// build), { url } of a file and readBytes (Node reads it), or { url } (fetch).
// `build` is { hash, integrity } of the module this script was built with.
export async function compileModule(source, build) {
  if (typeof WebAssembly !== 'object') throw awError('WebAssembly is not supported here', 'unsupported');
  try {
    if (source.base64) {
      return await WebAssembly.compile(Uint8Array.from(atob(source.base64), (c) => c.charCodeAt(0)));
    }
    if (source.readBytes && source.url.protocol === 'file:') {
      let bytes;
      try {
        bytes = await source.readBytes(source.url);
      } catch (err) {
        throw awError(`could not read ${source.url}: ${errorMessage(err)}`, 'fetch-failed');
      }
      await checkIntegrity(bytes, build.integrity, String(source.url));
      return await WebAssembly.compile(bytes);
    }
    return await fetchAndCompile(source.url, build);
  } catch (err) {
    throw explainCompileError(err);
  }
}
