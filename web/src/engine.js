// The renderer module's exports as JavaScript calls them: strings in and
// out of linear memory, statuses turned into Errors, the articles handed
// in at start. Every call is synchronous. A call's output lives in module
// memory until the next call, so it is decoded at once; memory can grow
// during any call, so views on memory.buffer are made after each call.

import {
  ABI_VERSION, CONTENT_SECTION, EXPORTS, FRAME_ARTICLE, FRAME_NONE, MAX_INPUT_BYTES, STATUS_ERROR_CODES, VIEWS,
} from './abi.js';
import { PREFIX, awError } from './errors.js';

// Linear memory never shrinks: after a render left it above this, a fresh
// instance takes over (in the background; the catalog stays).
const RENEW_ABOVE_BYTES = 32 * 1024 * 1024;

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

// `module`: a compiled renderer module. Rejects (render-failed) if it is
// not one this script can drive.
export async function createEngine(module) {
  const imports = WebAssembly.Module.imports(module);
  if (imports.length > 0) {
    throw awError(`the renderer module has unexpected imports: ${imports.map((i) => `${i.module}.${i.name}`).join(', ')}`);
  }
  const [content] = WebAssembly.Module.customSections(module, CONTENT_SECTION);
  if (!content) throw awError(`the renderer module carries no articles (custom section ${CONTENT_SECTION})`);

  let x; // the current instance's exports
  let renewing = null;

  function output() {
    const len = x.aw_output_len() >>> 0;
    return len === 0 ? '' : decoder.decode(new Uint8Array(x.memory.buffer, x.aw_output_ptr() >>> 0, len));
  }

  function check(status) {
    if (status === 0) return output();
    throw awError(output() || `the renderer failed with status ${status}`, STATUS_ERROR_CODES[status] || 'render-failed');
  }

  // Copies bytes or a string into module memory and calls fn(ptr, len).
  function withBytes(fill, max, fn) {
    const ptr = x.aw_alloc(max || 1);
    if (!ptr) throw awError('out of memory');
    try {
      return fn(ptr, fill(new Uint8Array(x.memory.buffer, ptr, max)));
    } finally {
      x.aw_free(ptr);
    }
  }

  function adopt(exports) {
    for (const name of EXPORTS) {
      if (!(name in exports)) throw awError(`the renderer module does not export ${name}`);
    }
    if (exports.aw_abi_version() !== ABI_VERSION) {
      throw awError(`the renderer module has ABI version ${exports.aw_abi_version()}, this script expects ${ABI_VERSION}`);
    }
  }

  // Hands the articles to a new instance, which then takes over.
  function start(exports) {
    const previous = x;
    x = exports;
    try {
      // The module keeps this memory as its catalog's home: not freed here.
      const ptr = x.aw_alloc(content.byteLength);
      if (!ptr) throw awError('out of memory');
      new Uint8Array(x.memory.buffer, ptr, content.byteLength).set(new Uint8Array(content));
      check(x.aw_load_content(ptr, content.byteLength));
    } catch (err) {
      x = previous;
      throw err;
    }
  }

  async function instantiate() {
    const { exports } = await WebAssembly.instantiate(module, {});
    adopt(exports);
    exports._initialize?.();
    return exports;
  }

  function renewIfLarge() {
    if (renewing || x.memory.buffer.byteLength <= RENEW_ABOVE_BYTES) return;
    // Until the new instance is in, renders go on in the old one.
    renewing = instantiate().then(start).catch(() => {}).finally(() => {
      renewing = null;
    });
  }

  start(await instantiate());
  const catalog = JSON.parse(check(x.aw_catalog_json()));

  function render(call) {
    try {
      return check(call());
    } finally {
      renewIfLarge();
    }
  }

  return {
    // The catalog in index order (trending first): [{ slug, title, ... }].
    catalog,
    indexOf: (slug) => catalog.findIndex((a) => a.slug === slug),

    // HTML of a built-in article's view; headingLevel as the C side takes it.
    renderView(index, view, headingLevel) {
      return render(() => x.aw_render_view(index, VIEWS[view], headingLevel | 0));
    },

    // HTML for Markdown: a bare fragment (whose heading ids may start with
    // idPrefix), or framed as a page article.
    renderMarkdown(markdown, headingLevel, framed, idPrefix = '') {
      if (typeof markdown !== 'string') throw new TypeError(`${PREFIX}render(markdown) expects a string`);
      // Every UTF-16 unit is at least one UTF-8 byte: longer strings are over
      // the limit for sure, so they are refused before any copy.
      if (markdown.length > MAX_INPUT_BYTES) throw awError('input is larger than 64 MiB', 'input-too-large');
      const prefix = String(idPrefix);
      // One copy: the Markdown, then the prefix right after it.
      const max = (markdown.length + prefix.length) * 3;
      let split;
      return withBytes((view) => {
        split = encoder.encodeInto(markdown, view).written;
        return split + encoder.encodeInto(prefix, view.subarray(split)).written;
      }, max, (ptr, len) => render(() => x.aw_render_markdown(ptr, split, headingLevel | 0,
        framed ? FRAME_ARTICLE : FRAME_NONE, ptr + split, len - split)));
    },

    // { words, minutes, headings: [{ level, id, text }] } of the last render.
    facts: () => JSON.parse(check(x.aw_facts_json())),

    // For tests: the module's memory now, and the renewal under way.
    memoryBytes: () => x.memory.buffer.byteLength,
    settled: () => renewing ?? Promise.resolve(),
  };
}
