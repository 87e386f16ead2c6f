// Drives the content packer module (article-widget-content.wasm, the
// C of src/content_build.c): the same checks and the same blob as
// scripts/build, from Node alone.

import { checkContentModule } from '../node/check-module.js';
import { STATUS_CONTENT } from '../node/content-abi.js';
import { CommandError, ContentError } from './errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// `bytes`: the packer module. Returns pack({ articles, trending }) ->
// the content blob (a Buffer), or throws ContentError.
export function createPacker(bytes, label) {
  const x = checkContentModule(bytes, label);

  const output = () => new Uint8Array(x.memory.buffer, x.aw_output_ptr() >>> 0, x.aw_output_len() >>> 0);

  function check(status) {
    if (status === 0) return;
    const message = decoder.decode(output());
    if (status === STATUS_CONTENT) throw new ContentError(message);
    throw new CommandError(`the content packer failed: ${message}`);
  }

  // Copies `data` into module memory for the length of fn(ptr, len).
  function withCopy(data, fn) {
    const ptr = x.aw_alloc(data.length);
    if (!ptr) throw new CommandError('the content packer is out of memory');
    try {
      new Uint8Array(x.memory.buffer, ptr, data.length).set(data);
      return fn(ptr >>> 0, data.length);
    } finally {
      x.aw_free(ptr);
    }
  }

  function add(call, { path, bytes }) {
    withCopy(encoder.encode(path), (pathPtr, pathLen) =>
      withCopy(bytes, (textPtr, textLen) => check(call(pathPtr, pathLen, textPtr, textLen))));
  }

  return function pack({ articles, trending }) {
    check(x.aw_content_begin());
    for (const article of articles) add(x.aw_content_add_article, article);
    add(x.aw_content_set_trending, trending);
    check(x.aw_content_pack());
    const blob = Buffer.from(output()); // a copy: the next call frees the output
    x.aw_content_begin(); // gives the texts' memory back
    return blob;
  };
}
