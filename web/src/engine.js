// The renderer module's exports as JavaScript calls them: strings in and
// out of linear memory (module-io.js), statuses turned into Errors, the
// articles handed in at start. Every call is synchronous; a call's output
// is decoded at once, before the next call reuses it.

import {
  ABI_VERSION, CONTENT_SECTION, EXPORTS, FRAME_ARTICLE, FRAME_NONE, MAX_INPUT_BYTES, STATUS_ERROR_CODES, VIEWS,
} from './abi.js';
import { PREFIX, awError } from './errors.js';
import { outputBytes, withInput } from './module-io.js';

// Linear memory never shrinks: after a render left it above this, a fresh
// instance takes over (in the background; the catalog stays).
const RENEW_ABOVE_BYTES = 32 * 1024 * 1024;

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();
const noMemory = () => awError('out of memory');

// `module`: a compiled renderer module. Rejects (render-failed) if it is
// not one this script can drive.
export async function createEngine(module) {
  const imports = WebAssembly.Module.imports(module);
  if (imports.length > 0) {
    throw awError(`the renderer module has unexpected imports: ${imports.map((i) => `${i.module}.${i.name}`).join(', ')}`);
  }
  const [content] = WebAssembly.Module.customSections(module, CONTENT_SECTION);
  if (!content) throw awError(`the renderer module carries no articles (custom section ${CONTENT_SECTION})`);

  let wasm; // the current instance's exports
  let renewing = null;

  // A call's output as text, or its failure thrown.
  function check(status) {
    const text = decoder.decode(outputBytes(wasm));
    if (status === 0) return text;
    throw awError(text || `the renderer failed with status ${status}`, STATUS_ERROR_CODES[status] || 'render-failed');
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
    const previous = wasm;
    wasm = exports;
    try {
      // The module keeps this memory as its catalog's home: not freed here.
      const ptr = wasm.aw_alloc(content.byteLength) >>> 0;
      if (!ptr) throw noMemory();
      new Uint8Array(wasm.memory.buffer, ptr, content.byteLength).set(new Uint8Array(content));
      check(wasm.aw_load_content(ptr, content.byteLength));
    } catch (err) {
      wasm = previous;
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
    if (renewing || wasm.memory.buffer.byteLength <= RENEW_ABOVE_BYTES) return;
    // Until the new instance is in, renders go on in the old one.
    renewing = instantiate().then(start).catch(() => {}).finally(() => {
      renewing = null;
    });
  }

  start(await instantiate());
  const catalog = JSON.parse(check(wasm.aw_catalog_json()));

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
      return render(() => wasm.aw_render_view(index, VIEWS[view], headingLevel | 0));
    },

    // HTML for Markdown: a bare fragment (whose heading ids may start with
    // idPrefix), or framed as a page article. withFacts: keep the facts for
    // facts() (the widget's framed renders do; render() has no use for them).
    renderMarkdown(markdown, headingLevel, framed, idPrefix = '', withFacts = framed) {
      if (typeof markdown !== 'string') throw new TypeError(`${PREFIX}render(markdown) expects a string`);
      // Every UTF-16 unit is at least one UTF-8 byte: longer strings are over
      // the limit for sure, so they are refused before any copy.
      if (markdown.length > MAX_INPUT_BYTES) throw awError('input is larger than 64 MiB', 'input-too-large');
      const prefix = String(idPrefix);
      // One copy: the Markdown, then the prefix right after it.
      const max = (markdown.length + prefix.length) * 3;
      let split;
      return withInput(wasm, max, (view) => {
        split = encoder.encodeInto(markdown, view).written;
        return split + encoder.encodeInto(prefix, view.subarray(split)).written;
      }, (ptr, len) => render(() => wasm.aw_render_markdown(ptr, split, headingLevel | 0,
        framed ? FRAME_ARTICLE : FRAME_NONE, ptr + split, len - split, withFacts ? 1 : 0)), noMemory);
    },

    // { words, minutes, headings: [{ level, id, text }] } of the last render.
    facts: () => JSON.parse(check(wasm.aw_facts_json())),

    // For tests: the module's memory now, and the renewal under way.
    memoryBytes: () => wasm.memory.buffer.byteLength,
    settled: () => renewing ?? Promise.resolve(),
  };
}
