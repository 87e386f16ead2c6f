// The package's page files retargeted to a renderer that carries other
// articles: the .wasm gets a new content section (the renderer's code is
// not touched), and every script gets the new module's sha384 prefix and
// SRI hash in place of the old ones. Those have fixed lengths, so no
// offset moves and the source maps stay valid; the scripts that carry the
// module (the single-file build, the Node builds: none has a map) also get
// the new module itself, base64. Version skew and SRI then work exactly as
// for the package's own build.

import { checkModule } from '../node/check-module.js';
import { moduleHash, sriHash } from '../node/hashes.js';
import { CARRY_MODULE, RENDERER } from '../node/package-layout.js';
import { withCustomSection } from '../node/wasm-sections.js';
import { CONTENT_SECTION } from '../src/abi.js';
import { CommandError } from './errors.js';

const SCRIPT = /\.(js|mjs|cjs)$/;

// The strings a script holds for the one module it pairs with
// (web/src/build-info.js).
function identity(wasm) {
  return {
    hash: moduleHash(wasm),
    integrity: sriHash(wasm),
    base64: wasm.toString('base64'),
  };
}

// `bytes` with every occurrence of each pair's first Buffer replaced by
// its second, in one pass from the start; counts how often each was found.
function replaceAll(bytes, pairs) {
  const parts = [];
  const found = pairs.map(() => 0);
  const next = pairs.map(([from]) => bytes.indexOf(from));
  let at = 0;
  for (;;) {
    let k = -1;
    for (let i = 0; i < pairs.length; i++) {
      if (next[i] >= 0 && next[i] < at) next[i] = bytes.indexOf(pairs[i][0], at);
      if (next[i] >= 0 && (k < 0 || next[i] < next[k])) k = i;
    }
    if (k < 0) break;
    parts.push(bytes.subarray(at, next[k]), pairs[k][1]);
    found[k]++;
    at = next[k] + pairs[k][0].length;
  }
  parts.push(bytes.subarray(at));
  return { bytes: Buffer.concat(parts), found };
}

function patchScript(name, bytes, from, to) {
  const keys = CARRY_MODULE.includes(name) ? ['base64', 'hash', 'integrity'] : ['hash', 'integrity'];
  const { bytes: patched, found } = replaceAll(bytes, keys.map((k) => [Buffer.from(from[k]), Buffer.from(to[k])]));
  const missing = keys.filter((_, i) => found[i] === 0);
  if (missing.length) {
    throw new CommandError(`${name} was not built with this package's ${RENDERER} (no ${missing.join(', ')} of it): reinstall article-widget`);
  }
  return patched;
}

// pageFiles: { name: Buffer } of the package; blob: a content blob.
// Returns { files, module, hash, integrity } for the new renderer.
export function retarget(pageFiles, blob) {
  const old = pageFiles[RENDERER];
  const wasm = Buffer.from(withCustomSection(old, CONTENT_SECTION, blob));
  const module = checkModule(wasm, `the new ${RENDERER}`);
  const from = identity(old);
  const to = identity(wasm);
  const files = {};
  for (const [name, bytes] of Object.entries(pageFiles)) {
    if (name === RENDERER) files[name] = wasm;
    else if (SCRIPT.test(name)) files[name] = patchScript(name, bytes, from, to);
    else files[name] = bytes;
  }
  return { files, module, hash: to.hash, integrity: to.integrity };
}
