// dist/manifest.json: what each published file costs a reader and the SRI
// hash a page puts in <script integrity="...">. Written by
// tools/build-web.mjs, checked again on the packed tarball by tools/pack.mjs.

import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// "sha384-<base64>": the Subresource Integrity form browsers check.
export function sriHash(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

// { bytes, gzip, brotli, integrity } for one file. gzip -9 and brotli
// quality 11 (the settings of CDNs' precompressed copies). `compressed`
// false leaves out gzip and brotli: they take seconds on a megabyte of
// articles (the package's command computes them on request).
export function describeFile(bytes, { compressed = true } = {}) {
  if (!compressed) return { bytes: bytes.length, integrity: sriHash(bytes) };
  return {
    bytes: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
    integrity: sriHash(bytes),
  };
}

// The manifest for `files` ({ name: Buffer }), names sorted.
export function makeManifest({ name, version, wasmHash, files, compressed = true }) {
  const entries = Object.keys(files).sort().map((file) => [file, describeFile(files[file], { compressed })]);
  return { name, version, wasmHash, files: Object.fromEntries(entries) };
}
