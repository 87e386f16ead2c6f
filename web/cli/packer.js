// Drives the content packer module (article-widget-content.wasm, the
// C of src/content_build.c): the same checks and the same blob as
// scripts/build, from Node alone.

import { checkContentModule } from '../node/check-module.js';
import { STATUS_CONTENT } from '../node/content-abi.js';
import { outputBytes, withInput } from '../src/module-io.js';
import { CommandError, ContentError } from './errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const noMemory = () => new CommandError('the content packer is out of memory');

// `bytes`: the packer module. Returns pack({ articles, trending }) ->
// the content blob (a Buffer), or throws ContentError.
export function createPacker(bytes, label) {
  const wasm = checkContentModule(bytes, label);

  function check(status) {
    if (status === 0) return;
    const message = decoder.decode(outputBytes(wasm));
    if (status === STATUS_CONTENT) throw new ContentError(message);
    throw new CommandError(`the content packer failed: ${message}`);
  }

  // Copies `data` into module memory for the length of call(ptr, len).
  const withCopy = (data, call) => withInput(wasm, data.length, (view) => {
    view.set(data);
    return data.length;
  }, call, noMemory);

  function add(call, { path, bytes }) {
    withCopy(encoder.encode(path), (pathPtr, pathLen) =>
      withCopy(bytes, (textPtr, textLen) => check(call(pathPtr, pathLen, textPtr, textLen))));
  }

  return function pack({ articles, trending }) {
    check(wasm.aw_content_begin());
    for (const article of articles) add(wasm.aw_content_add_article, article);
    add(wasm.aw_content_set_trending, trending);
    check(wasm.aw_content_pack());
    const blob = Buffer.from(outputBytes(wasm)); // a copy: the next call frees the output
    wasm.aw_content_begin(); // gives the texts' memory back
    return blob;
  };
}
