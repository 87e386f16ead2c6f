// manifest.json: what each published file costs a reader and the SRI
// hash a page puts in <script integrity="...">. Written by the build
// (tools/build-web.mjs) and the package's command (web/cli/site.js),
// checked again on the packed tarball by tools/pack.mjs.

import { sriHash } from './hashes.js';
import { ENCODINGS, encode, encodedNames } from './precompress.js';

// { bytes, gzip, brotli, integrity } for one file. gzip -9 and brotli
// quality 11 (the settings of CDNs' precompressed copies). `compressed`
// false leaves out gzip and brotli: they take seconds on a megabyte of
// articles (the package's command computes them on request). `copies`:
// the file's precompressed copies already made ({ br, gzip }), whose sizes
// are taken as they are instead of compressing the same bytes again.
export function describeFile(bytes, { compressed = true, copies = {} } = {}) {
  if (!compressed) return { bytes: bytes.length, integrity: sriHash(bytes) };
  const size = (encoding) => (copies[encoding] ?? encode(bytes, encoding)).length;
  return { bytes: bytes.length, gzip: size('gzip'), brotli: size('br'), integrity: sriHash(bytes) };
}

// The copies of `file` among `files`: { br: Buffer, gzip: Buffer }, as far
// as they exist.
function copiesOf(files, file) {
  const copies = {};
  for (const [encoding, suffix] of Object.entries(ENCODINGS)) if (files[file + suffix]) copies[encoding] = files[file + suffix];
  return copies;
}

// The manifest for `files` ({ name: Buffer }), names sorted. The
// precompressed copies (precompress.js) are listed apart, under
// `encoded`: { 'NAME.br': { of: NAME, encoding: 'br', bytes, integrity } }.
// `styleHash`: the CSP hash of the stylesheet a pre-rendered element
// carries inline (style-src 'sha256-…').
export function makeManifest({ name, version, wasmHash, styleHash, files, compressed = true }) {
  const encoded = encodedNames();
  const entries = Object.keys(files).filter((f) => !encoded[f]).sort()
    .map((file) => [file, describeFile(files[file], { compressed, copies: copiesOf(files, file) })]);
  const copies = Object.keys(files).filter((f) => encoded[f]).sort()
    .map((file) => [file, { ...encoded[file], bytes: files[file].length, integrity: sriHash(files[file]) }]);
  return { name, version, wasmHash, styleHash, files: Object.fromEntries(entries), encoded: Object.fromEntries(copies) };
}
