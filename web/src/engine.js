// The renderer module's exports as JavaScript calls them: strings in and
// out of linear memory (module-io.js), statuses turned into Errors, the
// content files handed in (the edition, then archive files). JavaScript
// passes slugs, options and files' bytes; the module checks the files,
// finds the article (or says where its file is), renders it, decides its
// links and counts its facts. Every call is synchronous.

import {
  ABI_VERSION, EXPORTS, FRAME_ARTICLE, FRAME_NONE, LINK_TARGETS, MAX_INPUT_BYTES, STATUS_ERROR_CODES,
  STATUS_UNKNOWN_ARTICLE, VIEWS,
} from './abi.js';
import { PREFIX, awError } from './errors.js';
import { outputBytes, withInput } from './module-io.js';

// Linear memory never shrinks: after a render left it above this, a fresh
// instance takes over (in the background; it gets the edition, and the
// archive articles again as they are asked for).
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

  let wasm; // the current instance's exports
  let renewing = null;
  let edition = null; // its bytes, for a renewed instance
  const archived = new Map(); // slug -> the archive file's bytes handed in
  let catalog = null; // articles(), read once when first asked for

  function fail(status, text) {
    return awError(text || `the renderer failed with status ${status}`, STATUS_ERROR_CODES[status] || 'render-failed');
  }

  const output = () => decoder.decode(outputBytes(wasm));

  // A call's output as text, or its failure thrown.
  function check(status) {
    const text = output();
    if (status !== 0) throw fail(status, text);
    return text;
  }

  // Copies a string into module memory for the length of call(ptr, len).
  function withString(text, call) {
    return withInput(wasm, text.length * 3, (view) => encoder.encodeInto(text, view).written, call, noMemory);
  }

  function adopt(exports) {
    for (const name of EXPORTS) {
      if (!(name in exports)) throw awError(`the renderer module does not export ${name}`);
    }
    if (exports.aw_abi_version() !== ABI_VERSION) {
      throw awError(`the renderer module has ABI version ${exports.aw_abi_version()}, this script expects ${ABI_VERSION}`);
    }
  }

  // Copies `bytes` into memory the module then owns (it frees them itself)
  // and returns call(ptr, length).
  function handIn(bytes, call) {
    const ptr = wasm.aw_alloc(bytes.length || 1) >>> 0;
    if (!ptr) throw noMemory();
    new Uint8Array(wasm.memory.buffer, ptr, bytes.length).set(bytes);
    return call(ptr, bytes.length);
  }

  // A new instance takes over, with the edition.
  function start(exports) {
    const previous = wasm;
    wasm = exports;
    try {
      if (edition) check(handIn(edition, (ptr, len) => wasm.aw_load_edition(ptr, len)));
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

  // A render's answer: the HTML's length, the HTML then (when asked for)
  // its facts as JSON in the output; or a failure. Read at once: the next
  // call reuses the output.
  function rendered(status, withFacts) {
    try {
      const bytes = outputBytes(wasm);
      if (status < 0) throw fail(status, decoder.decode(bytes));
      return {
        html: decoder.decode(bytes.subarray(0, status)),
        facts: withFacts ? JSON.parse(decoder.decode(bytes.subarray(status))) : null,
      };
    } finally {
      renewIfLarge();
    }
  }

  const linkTargetCode = (linkTarget) => (linkTarget == null ? 0 : LINK_TARGETS[linkTarget] ?? -1);

  // The slug of the article the module has by `slug` (for '', the first
  // of the trending list), or, when it has none, { path } of its archive
  // file relative to the edition ('' for bytes no slug can be).
  function find(slug) {
    const status = withString(slug, (ptr, len) => wasm.aw_find_article(ptr, len));
    if (status === STATUS_UNKNOWN_ARTICLE) return { path: output() };
    return check(status);
  }

  // Whether the module has `slug`; an article handed in before a renewal
  // is handed in again.
  function has(slug) {
    if (typeof find(slug) === 'string') return true;
    const bytes = archived.get(slug);
    if (!bytes) return false;
    archived.delete(slug);
    addArticle(slug, bytes);
    return true;
  }

  // Hands in the archive file fetched for `slug`; throws (content-invalid)
  // when the module refuses it.
  function addArticle(slug, bytes) {
    if (typeof find(slug) === 'string') return;
    check(withString(slug, (ptr, len) => handIn(bytes, (file, size) => wasm.aw_add_article(ptr, len, file, size))));
    archived.set(slug, bytes);
  }

  return {
    // Hands in the edition (its bytes, inflated); throws (content-invalid)
    // when the module refuses it. The articles added before are forgotten.
    loadEdition(bytes) {
      check(handIn(bytes, (ptr, len) => wasm.aw_load_edition(ptr, len)));
      edition = bytes;
      archived.clear();
      catalog = null;
    },
    addArticle,

    // The edition's articles, trending order: [{ slug, title, ... }].
    articles() {
      catalog ??= JSON.parse(check(wasm.aw_catalog_json()));
      return catalog;
    },

    // The module's answer to "which article is `slug`": the slug itself
    // when it has that article, else null (also for '' and non-strings).
    findArticle: (slug) => (typeof slug === 'string' && slug !== '' && has(slug) ? slug : null),
    // Where the archive file of an article the module does not have is,
    // relative to the edition; null when no article can have that slug.
    archivePath: (slug) => (typeof slug === 'string' && slug !== '' && find(slug).path) || null,
    // The slug of the first of the trending list: shown when none is named.
    firstSlug: () => find(''),

    // { html, facts } of an article's view (slug '': the first article);
    // facts ({ words, minutes, headings }) only when asked for. Throws
    // (unknown-article) for an article the module does not have.
    renderView(slug, view, { headingLevel, linkTarget, withFacts } = {}) {
      if (slug !== '') has(slug);
      const status = withString(slug, (ptr, len) => wasm.aw_render_view(ptr, len, VIEWS[view] ?? -1,
        headingLevel | 0, linkTargetCode(linkTarget), withFacts ? 1 : 0));
      if (status === STATUS_UNKNOWN_ARTICLE) throw awError(`unknown article ${JSON.stringify(slug)}`, 'unknown-article');
      return rendered(status, withFacts);
    },

    // { html, facts } for Markdown: a bare fragment (whose heading ids may
    // start with idPrefix), or framed as a page article. Facts are counted
    // when asked for (the widget's framed renders; render() has no use for them).
    renderMarkdown(markdown, { headingLevel, framed, idPrefix = '', linkTarget, withFacts = framed } = {}) {
      if (typeof markdown !== 'string') throw new TypeError(`${PREFIX}render(markdown) expects a string`);
      const level = headingLevel | 0;
      const frame = framed ? FRAME_ARTICLE : FRAME_NONE;
      const target = linkTargetCode(linkTarget);
      const facts = withFacts ? 1 : 0;
      // Every UTF-16 unit is at least one UTF-8 byte: a longer string is
      // over the limit for sure, so the module is told its size alone and
      // refuses it without a copy.
      if (markdown.length > MAX_INPUT_BYTES) {
        return rendered(wasm.aw_render_markdown(0, markdown.length, level, frame, 0, 0, target, facts), withFacts);
      }
      const prefix = String(idPrefix);
      // One copy: the Markdown, then the prefix right after it.
      let split;
      return rendered(withInput(wasm, (markdown.length + prefix.length) * 3, (view) => {
        split = encoder.encodeInto(markdown, view).written;
        return split + encoder.encodeInto(prefix, view.subarray(split)).written;
      }, (ptr, len) => wasm.aw_render_markdown(ptr, split, level, frame, ptr + split, len - split, target, facts),
      noMemory), withFacts);
    },

    // For tests: the module's memory now, and the renewal under way.
    memoryBytes: () => wasm.memory.buffer.byteLength,
    settled: () => renewing ?? Promise.resolve(),
  };
}
