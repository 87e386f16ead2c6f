// What the build fixes (tools/build-web.mjs defines these names): the
// version, and the hash and SRI of the one .wasm this script pairs with.
// (__AW_WASM_BASE64__, the module itself in the single-file build, is
// read where it is used, entry-classic.js: as a literal null elsewhere,
// the decoder is left out of the other builds.)
/* global __AW_VERSION__, __AW_WASM_HASH__, __AW_WASM_INTEGRITY__ */

export const VERSION = __AW_VERSION__;
export const WASM = { hash: __AW_WASM_HASH__, integrity: __AW_WASM_INTEGRITY__ };
