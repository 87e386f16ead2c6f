// Bytes in and out of one of our wasm modules (src/wasm_module.h): input
// goes into memory from aw_alloc, and a call's text comes back in the
// module's output buffer, valid until the next call. Memory can grow
// during any call, so a view on memory.buffer is made after each. The
// renderer's engine (engine.js) and the command's content packer
// (web/cli/packer.js) both drive their modules with these.

// The exports every one of our modules has; each module's export list
// (abi.js, web/node/content-abi.js) starts with them.
export const MODULE_EXPORTS = ['memory', 'aw_alloc', 'aw_free', 'aw_output_ptr', 'aw_output_len'];

// The last call's output: a view on module memory, to be read (or copied)
// before the next call.
export function outputBytes(exports) {
  return new Uint8Array(exports.memory.buffer, exports.aw_output_ptr() >>> 0, exports.aw_output_len() >>> 0);
}

// Lends the module `size` bytes of input for the length of one call:
// fill(view) writes them and returns how many it wrote, then
// call(ptr, written) runs and its result is returned; the memory is freed
// after. Throws outOfMemory() when the module has none to lend.
export function withInput(exports, size, fill, call, outOfMemory) {
  const ptr = exports.aw_alloc(size || 1) >>> 0;
  if (!ptr) throw outOfMemory();
  try {
    return call(ptr, fill(new Uint8Array(exports.memory.buffer, ptr, size)));
  } finally {
    exports.aw_free(ptr);
  }
}
