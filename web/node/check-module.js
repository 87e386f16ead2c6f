// Checks that a WebAssembly module is one of ours that its JavaScript can
// drive, before it is shipped (tools/build-web.mjs, tools/pack.mjs) or
// written or run by the package's command (web/cli/): it compiles, imports
// nothing, and exports what the JS side of its interface calls. Each
// function throws an Error naming what is wrong.

import { EXPORTS } from '../src/abi.js';
import { CONTENT_ABI_VERSION, CONTENT_EXPORTS } from './content-abi.js';

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

function compile(bytes, label) {
  if (bytes.length < 8 || !WASM_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new Error(`${label} is not a WebAssembly module (bad magic)`);
  }
  let module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (err) {
    throw new Error(`${label} does not compile: ${err.message}`);
  }
  const imports = WebAssembly.Module.imports(module);
  if (imports.length) {
    throw new Error(`${label} must import nothing, but imports: ${imports.map((i) => `${i.module}.${i.name} (${i.kind})`).join(', ')}`);
  }
  return module;
}

function checkExports(module, expected, label) {
  const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  const missing = expected.filter((n) => !exported.has(n));
  if (missing.length) throw new Error(`${label} does not export: ${missing.join(', ')}`);
}

// The renderer (web/src/abi.js). Returns the compiled module.
export function checkModule(bytes, label) {
  const module = compile(bytes, label);
  checkExports(module, EXPORTS, label);
  return module;
}

// The content packer (content-abi.js). Returns its exports, ready
// to call.
export function checkContentModule(bytes, label) {
  const module = compile(bytes, label);
  checkExports(module, CONTENT_EXPORTS, label);
  const { exports } = new WebAssembly.Instance(module, {});
  exports._initialize?.();
  const version = exports.aw_content_abi_version();
  if (version !== CONTENT_ABI_VERSION) {
    throw new Error(`${label} has content ABI version ${version}, expected ${CONTENT_ABI_VERSION}`);
  }
  return exports;
}
