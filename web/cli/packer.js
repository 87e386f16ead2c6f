// Drives the content packer module (article-widget-content.wasm, the C of
// src/content_build.c): the same checks and the same files as aw-embed,
// from Node alone. One article at a time: each gives its archive file at
// once, so neither side holds the folder's text.

import { checkContentModule } from '../node/check-module.js';
import { STATUS_CONTENT } from '../node/content-abi.js';
import { outputBytes, withInput } from '../src/module-io.js';
import { CommandError, ContentError } from './errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const noMemory = () => new CommandError('the content packer is out of memory');

// `bytes`: the packer module. Returns { begin(trending), add(article),
// finish() }: files are { path, bytes }; add() gives { slug, path, bytes }
// (the archive file, its path relative to the edition), finish() the
// edition's bytes. Each throws ContentError for content that breaks a
// rule ("file:line: message").
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

  function call(fn, { path, bytes: text }) {
    withCopy(encoder.encode(path), (pathPtr, pathLen) =>
      withCopy(text, (textPtr, textLen) => check(fn(pathPtr, pathLen, textPtr, textLen))));
  }

  return {
    begin: (trending) => call(wasm.aw_content_begin, trending),
    add(article) {
      call(wasm.aw_content_add_article, article);
      // slug NUL path NUL file: copied, the next call reuses the output.
      const out = outputBytes(wasm);
      const slugEnd = out.indexOf(0);
      const pathEnd = out.indexOf(0, slugEnd + 1);
      return {
        slug: decoder.decode(out.subarray(0, slugEnd)),
        path: decoder.decode(out.subarray(slugEnd + 1, pathEnd)),
        bytes: Buffer.from(out.subarray(pathEnd + 1)),
      };
    },
    finish() {
      check(wasm.aw_content_finish());
      return Buffer.from(outputBytes(wasm));
    },
  };
}
