// The precompressed copies dist/ carries beside the files a browser loads
// (NAME.br and NAME.gz), for static servers that send files as they are
// and do not compress: server.js shows how to pick one by the request's
// Accept-Encoding. Brotli quality 11 and gzip -9, the settings
// manifest.json reports sizes with.

import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

import { PAGE_MODULE, PAGE_SCRIPT, RENDERER } from './package-layout.js';

// What a page loads: the minified scripts and the module. (Not the single
// file: a host that cannot serve a .wasm rarely sets Content-Encoding.)
export const PRECOMPRESSED = [PAGE_SCRIPT, PAGE_MODULE, RENDERER];

// Content-Encoding -> file suffix, in the order a server prefers them.
export const ENCODINGS = { br: '.br', gzip: '.gz' };

export function encode(bytes, encoding) {
  if (encoding === 'gzip') return gzipSync(bytes, { level: 9 });
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
}

export function decode(bytes, encoding) {
  return encoding === 'gzip' ? gunzipSync(bytes) : brotliDecompressSync(bytes);
}

// Adds the copies of the PRECOMPRESSED files in `files` ({ name: Buffer })
// to it: what tools/build-web.mjs and the package's command write.
export function addPrecompressedCopies(files) {
  for (const name of PRECOMPRESSED) {
    for (const [encoding, suffix] of Object.entries(ENCODINGS)) files[name + suffix] = encode(files[name], encoding);
  }
  return files;
}

// { 'NAME.br': { of: NAME, encoding: 'br' }, ... } for the files of PRECOMPRESSED.
export function encodedNames() {
  const names = {};
  for (const of of PRECOMPRESSED) {
    for (const [encoding, suffix] of Object.entries(ENCODINGS)) names[of + suffix] = { of, encoding };
  }
  return names;
}

// A content file as the build publishes it (src/content_blob.h): gzip,
// which any static host serves as it is and the shim inflates
// (DecompressionStream). Level 9, and a window no larger than the file
// needs (the same compression: a match never reaches further back than the
// start): most of what gzip costs for a small file is setting up its 32 KiB
// window, and a build compresses ten thousand of them. The same bytes for
// the same file, so an unchanged article's file is not written again.
export function compressContent(bytes) {
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(bytes.length + 262))));
  return gzipSync(bytes, { level: 9, windowBits });
}
