// What the build fixes (tools/build-web.mjs defines these names): the
// version, and the hash and SRI of the one .wasm this script pairs with
// (in the single-file build, the module itself, base64).
/* global __AW_VERSION__, __AW_WASM_HASH__, __AW_WASM_INTEGRITY__, __AW_WASM_BASE64__ */

export const VERSION = __AW_VERSION__;
export const WASM = { hash: __AW_WASM_HASH__, integrity: __AW_WASM_INTEGRITY__, base64: __AW_WASM_BASE64__ };
