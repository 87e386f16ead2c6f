// The two names a module (or any published file) gets from its bytes,
// both sha384: what the build puts into every script and the manifest
// (the package's command copies the scripts as they are), and what
// scripts/pack checks. (web/src/entry-node.js, the shim's Node build,
// writes the SRI form again when it checks the .wasm it reads: the shim
// imports nothing from this folder, which builds on it. The Node builds
// of tests/js/tools.test.mjs refuse their own .wasm if the two part.)

import { createHash } from 'node:crypto';

// "sha384-<base64>": the Subresource Integrity form browsers check.
export function sriHash(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

// The first 16 hex digits of the sha384: the module's short name in
// article-widget.wasm?v=HASH, the scripts' banner and manifest.json's
// wasmHash.
export function moduleHash(bytes) {
  return createHash('sha384').update(bytes).digest('hex').slice(0, 16);
}
