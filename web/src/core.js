// article-widget: the shared body of dist/article-widget.js (classic script)
// and dist/article-widget.mjs (ES module).
//
// tools/build-web.mjs wraps this file; it is not loaded on its own. The
// wrapper defines nothing this file reads implicitly: it calls
// createArticleWidget(config) below with everything the runtime needs
// (version, wasm URL, hash and integrity, stylesheet text, how to read a
// file: URL).
//
// The runtime: fetches and instantiates the renderer module (C, md4c,
// compiled to a standalone .wasm with zero imports) once per page, wraps its
// aw_* exports (see "Renderer" below), and mounts widgets into open shadow
// roots. Only HTML produced by that renderer is ever assigned to innerHTML.

/* ===== Constants ===== */

const ABI_VERSION = 2;
const PREFIX = '[article-widget] ';
const VIEWS = Object.freeze({ full: 0, trending: 1, article: 2 });
const HASH_PREFIX = '#aw/';
// Shared across every copy of this script on the page (classic + ESM, or the
// same file loaded twice): an element is mounted by at most one controller.
const CONTROLLER = Symbol.for('article-widget.controller');
const BRAND = Symbol.for('article-widget.api');
const DEFAULT_FALLBACK = 'This article could not be loaded.';
// detail.code of article-widget:error (agreed with the loader's callers).
const ERROR_CODES = ['fetch-failed', 'wasm-mime', 'csp-blocked', 'integrity', 'input-too-large', 'output-too-large', 'unsupported', 'render-failed'];
// Status of the C side (errors.h) for input over its limit, and the limit;
// and for HTML that would pass its bound (a multiple of the input).
const STATUS_TOO_LARGE = -4;
const STATUS_OUTPUT_TOO_LARGE = -5;
const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const REQUIRED_EXPORTS = [
  'memory', 'aw_abi_version', 'aw_alloc', 'aw_free', 'aw_render_markdown',
  'aw_article_count', 'aw_article_find', 'aw_render_view', 'aw_catalog_json',
  'aw_output_ptr', 'aw_output_len',
];

// `code` is one of ERROR_CODES: what article-widget:error's detail.code says.
function awError(message, code = 'render-failed') {
  const err = new Error(PREFIX + message);
  err.code = code;
  return err;
}

// One console.warn per distinct message per page: a broken module on a page
// with five widgets logs once, not five times.
const warned = new Set();
function warnOnce(message) {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(PREFIX + message);
}

function errorMessage(err) {
  const text = err && err.message ? String(err.message) : String(err);
  return text.startsWith(PREFIX) ? text.slice(PREFIX.length) : text;
}

/* ===== Loading ===== */

// Compiles the module, preferring streaming compilation. Servers that send
// .wasm with a MIME type other than application/wasm make compileStreaming
// reject with a TypeError, so we check the header first and still keep a
// clone of the response to fall back on.
async function compileFromResponse(response) {
  const type = (response.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
  if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
    const spare = response.clone();
    try {
      return await WebAssembly.compileStreaming(response);
    } catch (err) {
      if (!(err instanceof TypeError)) throw err;
      return WebAssembly.compile(await spare.arrayBuffer());
    }
  }
  try {
    return await WebAssembly.compile(await response.arrayBuffer());
  } catch (err) {
    // Without the right MIME type and without valid bytes, the server most
    // likely answered with something else (an HTML error page).
    if (err instanceof WebAssembly.CompileError && !blockedByCsp(err)) {
      throw awError(`${response.url} is served as "${type || 'no type'}" and is not WebAssembly: ${err.message}`, 'wasm-mime');
    }
    throw err;
  }
}

// Compiling needs the page's CSP to allow 'wasm-unsafe-eval'; without it
// the browser throws an error naming the policy. Anything else is passed
// through.
function blockedByCsp(err) {
  return /content security policy|wasm-unsafe-eval|unsafe-eval/i.test(errorMessage(err));
}

function explainCompileError(err) {
  if (err && err.code) return err;
  const text = errorMessage(err);
  if (blockedByCsp(err)) {
    return awError(`the page's Content-Security-Policy does not allow WebAssembly (script-src needs 'wasm-unsafe-eval'): ${text}`, 'csp-blocked');
  }
  return err;
}

const DIGESTS = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

function skewMessage(where) {
  return `${where} is not the module this script was built with (integrity mismatch)`;
}

// For bytes read without fetch (a file: URL in Node): the same SRI check
// fetch(url, { integrity }) makes in a browser. `integrity` is
// "sha384-<base64>".
async function checkIntegrity(bytes, integrity, where) {
  const [algorithm, expected] = (integrity || '').split('-', 2);
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (!DIGESTS[algorithm] || !subtle) return;
  const digest = new Uint8Array(await subtle.digest(DIGESTS[algorithm], bytes));
  let binary = '';
  for (const b of digest) binary += String.fromCharCode(b);
  if (btoa(binary) !== expected) throw awError(skewMessage(where), 'integrity');
}

// fetch() rejects with the same TypeError for a network failure, a CORS
// refusal and an integrity mismatch (even a 404 fails the integrity check).
// Only on that failure path, ask again without `integrity` to tell which:
// a body that arrives fine is the wrong module, or, when it is not
// WebAssembly at all, what the server sends instead (an HTML page for
// unknown paths, say).
async function diagnoseFetchFailure(href, err) {
  let response;
  let bytes;
  try {
    response = await fetch(href, { credentials: 'same-origin', cache: 'no-store' });
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    return awError(`could not fetch ${href}: ${errorMessage(err)} (network, CORS or Content-Security-Policy connect-src)`, 'fetch-failed');
  }
  if (!response.ok) return awError(`could not fetch ${href}: HTTP ${response.status}`, 'fetch-failed');
  const wasmMagic = bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
  if (!wasmMagic) {
    const type = response.headers.get('content-type') || 'no type';
    return awError(`${href} is served as "${type}" and is not WebAssembly`, 'wasm-mime');
  }
  return awError(skewMessage(href), 'integrity');
}

async function compileModule(config) {
  // The single-file build carries the module in the script itself: the
  // script's own SRI covers it, and nothing else is fetched.
  if (config.wasmBase64) {
    const binary = atob(config.wasmBase64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return WebAssembly.compile(bytes);
  }
  const url = config.wasmUrl;
  if (url.protocol === 'file:') {
    if (!config.readFileUrl) throw awError(`cannot read ${url.href} in this environment`, 'fetch-failed');
    let bytes;
    try {
      bytes = await config.readFileUrl(url);
    } catch (err) {
      throw awError(`could not read ${url.href}: ${errorMessage(err)}`, 'fetch-failed');
    }
    await checkIntegrity(bytes, config.wasmIntegrity, url.href);
    return WebAssembly.compile(bytes);
  }
  // ?v=<hash of the .wasm this script was built with>: a cached script never
  // pairs with a newer (or older) module under the same name in a cache;
  // `integrity` (SRI, sha384) makes the browser refuse any other bytes
  // before we see them.
  const versioned = new URL(url.href);
  versioned.searchParams.set('v', config.wasmHash);
  let response;
  try {
    response = await fetch(versioned.href, { credentials: 'same-origin', integrity: config.wasmIntegrity || '' });
  } catch (err) {
    throw config.wasmIntegrity ? await diagnoseFetchFailure(versioned.href, err)
      : awError(`could not fetch ${versioned.href}: ${errorMessage(err)}`, 'fetch-failed');
  }
  if (!response.ok) {
    throw awError(`could not fetch ${versioned.href}: HTTP ${response.status}`, 'fetch-failed');
  }
  return compileFromResponse(response);
}

async function loadEngine(config) {
  if (typeof WebAssembly !== 'object') throw awError('WebAssembly is not supported here', 'unsupported');
  let module;
  try {
    module = await compileModule(config);
  } catch (err) {
    throw explainCompileError(err);
  }
  // The module is standalone: it must import nothing. Anything listed here
  // means it was built against a different contract; name it and stop.
  const imports = WebAssembly.Module.imports(module);
  if (imports.length > 0) {
    const names = imports.map((i) => `${i.module}.${i.name} (${i.kind})`).join(', ');
    throw awError(`the renderer module has unexpected imports: ${names}`);
  }
  let instance;
  try {
    instance = await WebAssembly.instantiate(module, {});
  } catch (err) {
    throw explainCompileError(err);
  }
  return createEngine(instance.exports);
}

/* ===== Renderer (the aw_* exports) ===== */

// Wraps the module's exports. Every function here is synchronous. Output of
// a call lives in module memory and is valid until the next aw_* call, so it
// is decoded at once; memory can grow during any call, so views on
// memory.buffer are created after each call, never kept.
function createEngine(exports) {
  for (const name of REQUIRED_EXPORTS) {
    if (!(name in exports)) throw awError(`the renderer module does not export ${name}`);
  }
  if (typeof exports._initialize === 'function') exports._initialize();
  const abi = exports.aw_abi_version();
  if (abi !== ABI_VERSION) {
    throw awError(`the renderer module has ABI version ${abi}, this script expects ${ABI_VERSION}`);
  }

  const decoder = new TextDecoder('utf-8');
  const encoder = new TextEncoder();

  function output() {
    const ptr = exports.aw_output_ptr() >>> 0;
    const len = exports.aw_output_len() >>> 0;
    return len === 0 ? '' : decoder.decode(new Uint8Array(exports.memory.buffer, ptr, len));
  }

  function check(status, what) {
    if (status === 0) return output();
    const message = status < 0 ? output() : '';
    throw awError(message || `${what} failed with status ${status}`,
      status === STATUS_TOO_LARGE ? 'input-too-large'
        : status === STATUS_OUTPUT_TOO_LARGE ? 'output-too-large' : 'render-failed');
  }

  // Copies `text` into module memory as UTF-8 and calls fn(ptr, len); the
  // buffer is freed whatever happens.
  function withString(text, fn) {
    // Every UTF-16 unit is at least one UTF-8 byte: longer strings are over
    // the C side's limit for sure, so refuse them before copying.
    // The message is the module's own (errors.c).
    if (text.length > MAX_INPUT_BYTES) throw awError('input is larger than 64 MiB', 'input-too-large');
    const max = text.length * 3 || 1;
    const ptr = exports.aw_alloc(max);
    if (!ptr) throw awError('out of memory');
    try {
      const { written } = encoder.encodeInto(text, new Uint8Array(exports.memory.buffer, ptr, max));
      return fn(ptr, written);
    } finally {
      exports.aw_free(ptr);
    }
  }

  // Index of `slug`, or -1 when no such article.
  function find(slug) {
    return withString(String(slug), (ptr, len) => exports.aw_article_find(ptr, len));
  }

  // The catalog is fixed at build time: parsed once, on first use.
  let catalog = null;
  function parsedCatalog() {
    if (!catalog) catalog = JSON.parse(check(exports.aw_catalog_json(), 'aw_catalog_json'));
    return catalog;
  }
  function articles() {
    // A fresh copy each time: callers may mutate what they get.
    return parsedCatalog().map((a) => ({ ...a, topics: Array.isArray(a.topics) ? [...a.topics] : [] }));
  }

  // headingLevel: 1..6 for the widget's own headings (the body's shift
  // with them; the C side clamps at 6); 0 or undefined: the default, 2.
  function renderView(slug, view = 'full', headingLevel = 0) {
    if (!Object.hasOwn(VIEWS, view)) {
      throw awError(`unknown view ${JSON.stringify(view)} (expected full, trending or article)`);
    }
    let index = -1;
    if (slug != null) {
      index = find(slug);
      if (index < 0) throw awError(`unknown article ${JSON.stringify(String(slug))}`);
    }
    const level = Number.isInteger(headingLevel) && headingLevel > 0 ? headingLevel : 0;
    return check(exports.aw_render_view(index, VIEWS[view], level), 'aw_render_view');
  }

  // headingLevel: the level "#" becomes (1..6, deeper ones shift with it
  // and stop at 6); 0 or undefined: 1.
  function render(markdown, headingLevel = 0) {
    if (typeof markdown !== 'string') throw new TypeError(PREFIX + 'render(markdown) expects a string');
    const level = Number.isInteger(headingLevel) && headingLevel > 0 ? headingLevel : 0;
    return withString(markdown, (ptr, len) => check(exports.aw_render_markdown(ptr, len, level), 'aw_render_markdown'));
  }

  // The article shown when none is asked for: the first in the trending
  // list, which the renderer puts first in its catalog (index 0, the one
  // aw_render_view(-1, ...) shows).
  function getDefaultSlug() {
    const first = parsedCatalog()[0];
    return first ? first.slug : null;
  }

  function has(slug) {
    return typeof slug === 'string' && parsedCatalog().some((a) => a.slug === slug);
  }

  return { articles, render, renderView, has, defaultSlug: getDefaultSlug };
}

/* ===== Page helpers ===== */

// Attributes (and data-* twins) a widget reacts to while mounted.
const OPTIONS = ['article', 'view', 'theme', 'heading-level', 'loading', 'link-target', 'src'];
const THEMES = ['auto', 'light', 'dark'];
const LINK_TARGETS = ['_self', '_blank', '_parent', '_top'];
const LAZY_MARGIN = '300px 0px'; // start loading a little before the widget scrolls into view
const MARKDOWN_TYPE = 'text/markdown';
const DEFAULT_HEADING_LEVEL = 2; // article_html.h's AW_DEFAULT_HEADING_LEVEL

function slugFromHash(hash) {
  if (typeof hash !== 'string' || !hash.startsWith(HASH_PREFIX)) return null;
  try {
    return decodeURIComponent(hash.slice(HASH_PREFIX.length)) || null;
  } catch {
    return null;
  }
}

// The Trusted Types policy "article-widget", created once by this copy of
// the script. Its createHTML passes the string through, so it must never
// be reachable by page code (a global would hand every script on the page
// a way around Trusted Types): it lives in this closure only. A second copy
// of the script cannot create a policy with the same name unless the CSP
// says 'allow-duplicates'; it then fails with csp-blocked, never silently.
// undefined: not created yet; null: no Trusted Types here (or refused).
let trustedHtmlPolicy;
function htmlPolicy() {
  if (trustedHtmlPolicy !== undefined) return trustedHtmlPolicy;
  trustedHtmlPolicy = null;
  const tt = globalThis.trustedTypes;
  if (tt && typeof tt.createPolicy === 'function') {
    try {
      trustedHtmlPolicy = tt.createPolicy('article-widget', { createHTML: (html) => html });
    } catch {
      // The page's CSP does not allow the name: innerHTML will say so.
    }
  }
  return trustedHtmlPolicy;
}

// The only innerHTML assignment in the shim: `html` is renderer output.
function setRenderedHtml(el, html) {
  const policy = htmlPolicy();
  el.innerHTML = policy ? policy.createHTML(html) : html;
}

function prefersReducedMotion() {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

// Brings the widget's top into view, and with it `focusTarget` (the title),
// scrolling only when one of them is outside the viewport. The scroll
// follows the host page's CSS (scroll-behavior) unless the reader asked
// for reduced motion.
function revealTop(host, focusTarget) {
  const behavior = prefersReducedMotion() ? 'instant' : 'auto';
  const top = host.getBoundingClientRect().top;
  const bottom = focusTarget ? focusTarget.getBoundingClientRect().bottom : top;
  if (top < 0 || top > window.innerHeight - 40 || bottom > window.innerHeight) {
    host.scrollIntoView({ block: 'start', behavior });
    if (focusTarget && focusTarget.getBoundingClientRect().bottom > window.innerHeight) {
      focusTarget.scrollIntoView({ block: 'nearest', behavior });
    }
  }
}

// Focuses an element that is not normally focusable (a heading), through a
// tabindex=-1 that is removed again when focus leaves.
function focusTemporarily(el) {
  if (!el) return;
  if (!el.hasAttribute('tabindex')) {
    el.setAttribute('tabindex', '-1');
    el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
  }
  el.focus({ preventScroll: true });
}

// True when the element holds light-DOM content worth showing as fallback
// (an inline <script type="text/markdown"> is content, not fallback).
function hasFallbackContent(el) {
  for (const node of el.childNodes) {
    if (node.nodeType === 1 && node.localName !== 'script' && node.localName !== 'template') return true;
    if (node.nodeType === 3 && node.data.trim() !== '') return true;
  }
  return false;
}

// The error code for article-widget:error's detail.
function errorCode(err) {
  if (err && ERROR_CODES.includes(err.code) && err.code !== 'render-failed') return err.code;
  const text = err && err.message ? String(err.message) : String(err);
  if (/wasm-unsafe-eval|Content Security Policy|TrustedHTML|Trusted Type/i.test(text)) return 'csp-blocked';
  return 'render-failed';
}

// Whitespace-separated words, as the C renderer counts them for articles.
function countWords(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

/* ===== Runtime ===== */

function createArticleWidget(config) {
  // `autoload: false` (the classic script's data-autoload="false"): nothing
  // mounts until scan() or mount() is called.
  const autoload = config.autoload !== false;
  let basePath = null; // setBasePath()
  let engine = null;
  let engineReady = null;

  function wasmUrl() {
    if (!basePath) return config.wasmUrl;
    const folder = basePath.endsWith('/') ? basePath : basePath + '/';
    return new URL('article-widget.wasm', new URL(folder, typeof document !== 'undefined' ? document.baseURI : config.wasmUrl));
  }

  // Starts loading the module on first need (a widget that is not lazy, or
  // someone reading `ready`), once per page.
  function loadOnce() {
    if (!engineReady) {
      engineReady = loadEngine({ ...config, wasmUrl: wasmUrl() }).then((e) => {
        engine = e;
        return e;
      });
      // A page that never looks at `ready` must not see an unhandled
      // rejection: widgets report failures themselves.
      engineReady.catch(() => {});
    }
    return engineReady;
  }

  let readyPromise = null;
  function getReady() {
    if (!readyPromise) {
      readyPromise = loadOnce().then(() => undefined);
      readyPromise.catch(() => {});
    }
    return readyPromise;
  }

  // setBasePath(folder): where the .wasm is, instead of beside the script.
  // Only before the module starts loading (data-autoload="false", lazy
  // widgets, or the ES module before its first mount); returns whether it
  // took effect.
  function setBasePath(path) {
    if (engineReady) {
      warnOnce('setBasePath() called after the module started loading: ignored');
      return false;
    }
    basePath = path == null || path === '' ? null : String(path);
    return true;
  }

  function requireEngine() {
    if (!engine) throw awError('not ready yet: await ArticleWidget.ready first');
    return engine;
  }

  // articles() and render() are synchronous and throw until `ready` has
  // resolved: a caller does `await ready` once and then calls them freely
  // (also server-side in Node). An async variant would force every caller to
  // await even after startup, and would hide the "not loaded" error.
  function articles() {
    return requireEngine().articles();
  }
  function render(markdown, options = {}) {
    return requireEngine().render(markdown, Number(options && options.headingLevel) || 0);
  }
  // renderView(slug | null, 'full' | 'trending' | 'article', headingLevel?)
  // -> HTML string. Byte-identical to the native CLI (`aw-render --slug SLUG
  // --view VIEW --heading-level N`); for server-side rendering and tests.
  function renderView(slug, view, headingLevel) {
    return requireEngine().renderView(slug, view, headingLevel);
  }

  /* ----- Styles ----- */

  let sheet; // one constructable stylesheet shared by every shadow root
  function applyStyles(root) {
    if (sheet === undefined) {
      sheet = null;
      try {
        const s = new CSSStyleSheet();
        s.replaceSync(config.css);
        sheet = s;
      } catch {
        // Constructable stylesheets unsupported: <style> fallback below.
      }
    }
    if (sheet && 'adoptedStyleSheets' in root) {
      root.adoptedStyleSheets = [sheet];
      return;
    }
    const style = document.createElement('style');
    style.textContent = config.css;
    root.append(style);
  }

  /* ----- Page-wide listeners (only while a widget is mounted) ----- */

  const controllers = new Set(); // mounted widgets
  let themeObserver = null;

  function syncAllFromLocation() {
    for (const c of controllers) c.syncFromLocation();
  }

  // The URL hash (back/forward, reload) and an ancestor's data-aw-theme
  // concern every widget; they are watched while at least one is mounted.
  function startPageListeners() {
    if (controllers.size !== 1) return;
    window.addEventListener('popstate', syncAllFromLocation);
    window.addEventListener('hashchange', syncAllFromLocation);
    themeObserver = new MutationObserver(() => {
      for (const c of controllers) c.applyTheme();
    });
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-aw-theme'], subtree: true });
  }

  function stopPageListeners() {
    if (controllers.size !== 0) return;
    window.removeEventListener('popstate', syncAllFromLocation);
    window.removeEventListener('hashchange', syncAllFromLocation);
    themeObserver?.disconnect();
    themeObserver = null;
  }

  /* ----- Widget controller ----- */

  // One controller per mounted element. State lives here (and on the
  // element), not in globals. `explicit` holds options given to mount() or
  // update(); attributes are read for anything it leaves undefined.
  class Controller {
    constructor(host, explicit) {
      this.host = host;
      this.explicit = { ...explicit };
      this.state = 'idle'; // idle (lazy, not near the viewport) | loading | ready | error
      this.slug = null; // article shown (null before the first render, or for page Markdown)
      this.override = null; // set by show(): wins over the URL until the next navigation
      this.renderedKey = null;
      this.announcedReady = false;
      this.sourceTicket = 0; // drops fetched Markdown that arrives after a newer request
      this.pendingKey = null; // the src fetch on its way, if any
      this.onClick = this.onClick.bind(this);

      const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
      this.root = root;
      root.replaceChildren();
      applyStyles(root);
      // The frame carries the theme and the space reserved while loading.
      this.frame = document.createElement('div');
      this.frame.className = 'aw-frame';
      this.container = document.createElement('div');
      this.container.className = 'aw-container';
      this.container.setAttribute('part', 'container');
      this.container.setAttribute('aria-busy', 'true');
      // The light-DOM children stay visible through this slot until the
      // first successful render, and come back on failure.
      this.slot = document.createElement('slot');
      this.slot.className = 'aw-fallback';
      // Announces failures (and navigation a reader cannot see the focus of).
      this.live = document.createElement('div');
      this.live.className = 'aw-live';
      this.live.setAttribute('role', 'status');
      this.live.setAttribute('aria-live', 'polite');
      this.frame.append(this.container, this.slot);
      root.append(this.frame, this.live);
      root.addEventListener('click', this.onClick);

      // Custom elements hear attribute changes through
      // attributeChangedCallback; a plain [data-article-widget] element
      // through this observer.
      if (host.localName !== 'article-widget') {
        const filter = OPTIONS.flatMap((n) => [n, 'data-' + n]);
        this.attributeObserver = new MutationObserver(() => this.optionsChanged());
        this.attributeObserver.observe(host, { attributes: true, attributeFilter: filter });
      }

      // Inline Markdown is read from the light DOM: follow its changes.
      this.childObserver = new MutationObserver(() => this.optionsChanged());
      this.childObserver.observe(host, { childList: true, subtree: true, characterData: true });

      controllers.add(this);
      startPageListeners();
      host[CONTROLLER] = this;

      this.handle = Object.freeze({
        element: host,
        show: (slug) => this.show(slug),
        update: (options) => this.setOptions(options),
        unmount: () => this.unmount(),
      });

      this.applyPresentation();
      this.start();
    }

    option(name) {
      const key = name.replace(/-([a-z])/g, (_, c) => c.toUpperCase()); // heading-level -> headingLevel
      if (this.explicit[key] != null) return String(this.explicit[key]);
      const h = this.host;
      return h.getAttribute(name) ?? h.getAttribute('data-' + name);
    }

    get view() {
      const v = (this.option('view') || 'full').trim().toLowerCase();
      if (Object.hasOwn(VIEWS, v)) return v;
      warnOnce(`unknown view "${v}", using "full"`);
      return 'full';
    }

    // 1..6 for the widget's own headings (the C side clamps above 6); 0:
    // the default (2).
    get headingLevel() {
      const n = Number.parseInt(this.option('heading-level') ?? '', 10);
      return Number.isInteger(n) && n > 0 ? Math.min(n, 6) : 0;
    }

    get linkTarget() {
      const t = (this.option('link-target') || '').trim().toLowerCase();
      return LINK_TARGETS.includes(t) ? t : null;
    }

    get lazy() {
      return (this.option('loading') || '').trim().toLowerCase() === 'lazy';
    }

    // theme="light|dark" wins; otherwise (auto) the nearest ancestor's
    // data-aw-theme; otherwise "auto", which the stylesheet resolves
    // with prefers-color-scheme.
    get theme() {
      const own = (this.option('theme') || 'auto').trim().toLowerCase();
      if (own !== 'auto' && THEMES.includes(own)) return own;
      const inherited = this.host.closest('[data-aw-theme]')?.getAttribute('data-aw-theme')?.trim().toLowerCase();
      return inherited && THEMES.includes(inherited) ? inherited : 'auto';
    }

    applyTheme() {
      this.frame.setAttribute('data-theme', this.theme);
    }

    applyPresentation() {
      this.applyTheme();
      this.frame.setAttribute('data-view', this.view);
      this.frame.setAttribute('data-state', this.state);
    }

    setState(state) {
      this.state = state;
      this.frame.setAttribute('data-state', state);
    }

    // Loads now, or, with loading="lazy", when the element nears the
    // viewport (nothing is fetched before that, not even the .wasm).
    start() {
      if (this.state !== 'idle') return;
      if (this.lazy && typeof IntersectionObserver === 'function') {
        if (this.intersection) return;
        this.intersection = new IntersectionObserver((entries) => {
          if (entries.some((e) => e.isIntersecting)) this.load();
        }, { rootMargin: LAZY_MARGIN });
        this.intersection.observe(this.host);
        return;
      }
      this.load();
    }

    load() {
      this.intersection?.disconnect();
      this.intersection = null;
      if (this.state !== 'idle' || !controllers.has(this)) return;
      this.setState('loading');
      loadOnce().then(
        () => this.update(),
        (err) => this.fail(err),
      );
    }

    // The Markdown the page supplies, if any: { text } given to mount() or
    // update() as `markdown`, { url } for src="URL", or { text } of an
    // inline <script type="text/markdown"> child.
    pageSource() {
      if (this.explicit.markdown != null) return { text: String(this.explicit.markdown) };
      const src = this.option('src');
      if (src && src.trim()) return { url: new URL(src.trim(), document.baseURI).href };
      const script = [...this.host.children].find(
        (el) => el.localName === 'script' && (el.getAttribute('type') || '').trim().toLowerCase() === MARKDOWN_TYPE);
      return script ? { text: script.textContent } : null;
    }

    // Which article to show now: show() override, else a known #aw/SLUG in
    // the URL, else the article attribute, else the first trending one.
    targetSlug() {
      if (this.override) return this.override;
      const fromHash = slugFromHash(location.hash);
      if (fromHash && engine.has(fromHash)) return fromHash;
      const a = this.option('article');
      return a && a.trim() ? a.trim() : engine.defaultSlug();
    }

    // (Re-)renders if anything that shapes the output changed. Never
    // throws. Synchronous for built-in articles and inline Markdown; a src
    // URL is fetched first.
    update({ force = false } = {}) {
      if (!engine || !controllers.has(this) || this.state === 'idle') return false;
      this.applyPresentation();
      let source;
      try {
        source = this.pageSource();
      } catch (err) {
        this.fail(awError(`bad src: ${errorMessage(err)}`, 'fetch-failed'));
        return false;
      }
      if (source && source.url) {
        this.fetchAndPaint(source.url, force);
        return false;
      }
      // Anything else shown now supersedes a src fetch still on its way.
      this.sourceTicket++;
      this.pendingKey = null;
      const level = this.headingLevel;
      const target = this.linkTarget;
      if (source) return this.paint(['inline', source.text, level, target], force, () => this.pageHtml(source.text, level), null);
      let slug;
      let view;
      try {
        view = this.view;
        slug = this.targetSlug();
      } catch (err) {
        this.fail(err);
        return false;
      }
      return this.paint(['article', slug, view, level, target], force, () => engine.renderView(slug, view, level), slug);
    }

    // Page Markdown: the renderer's fragment inside the same article/body
    // frame the built-in articles have (built with DOM calls, not HTML).
    // Its "#" takes the level of an article's sections: heading-level, 2 by
    // default, as under a built-in article's title.
    pageHtml(text, level) {
      return { fragment: engine.render(text, level || DEFAULT_HEADING_LEVEL) };
    }

    async fetchAndPaint(url, force) {
      const level = this.headingLevel;
      const key = ['src', url, level, this.linkTarget];
      const keyText = JSON.stringify(key);
      if (!force && this.state === 'ready' && keyText === this.renderedKey) return;
      if (keyText === this.pendingKey) return; // already on its way
      this.pendingKey = keyText;
      const ticket = ++this.sourceTicket;
      let text;
      try {
        let response;
        try {
          response = await fetch(url, { credentials: 'same-origin' });
        } catch (err) {
          throw awError(`could not fetch ${url}: ${errorMessage(err)}`, 'fetch-failed');
        }
        if (!response.ok) throw awError(`could not fetch ${url}: HTTP ${response.status}`, 'fetch-failed');
        text = await response.text();
      } catch (err) {
        if (ticket === this.sourceTicket) {
          this.pendingKey = null;
          this.fail(err);
        }
        return;
      }
      if (ticket !== this.sourceTicket || !controllers.has(this)) return; // a newer request won
      this.pendingKey = null;
      this.paint(key, true, () => this.pageHtml(text, level), null);
    }

    // Renders through `produce` (a string of view HTML, or { fragment } of
    // page Markdown) unless `key` is what is already shown.
    paint(key, force, produce, slug) {
      const keyText = JSON.stringify(key);
      if (!force && this.state === 'ready' && keyText === this.renderedKey) return false;
      try {
        const out = produce();
        if (typeof out === 'string') {
          // Safe by construction: the renderer escapes all text and
          // attributes and allow-lists URLs; nothing else reaches innerHTML.
          setRenderedHtml(this.container, out);
        } else {
          const article = document.createElement('article');
          article.className = 'aw-article aw-page-article';
          const body = document.createElement('div');
          body.className = 'aw-body';
          body.setAttribute('part', 'body');
          setRenderedHtml(body, out.fragment);
          article.append(body);
          this.container.replaceChildren(article);
        }
      } catch (err) {
        this.fail(err);
        return false;
      }
      this.applyLinkTarget();
      this.makeScrollersFocusable();
      this.slug = slug;
      this.renderedView = slug ? key[2] : 'article';
      this.renderedKey = keyText;
      if (this.state !== 'ready') {
        this.setState('ready');
        this.container.removeAttribute('aria-busy');
        this.slot.remove();
        this.fallbackMessage?.remove();
        this.live.textContent = '';
      }
      if (!this.announcedReady) {
        this.announcedReady = true;
        this.emit('article-widget:ready', { slug });
      }
      this.emit('article-widget:render', this.describe(slug));
      return true;
    }

    // article-widget:render's detail: what is shown, its headings (level,
    // id, text) and its words (from the byline's count for articles).
    describe(slug) {
      const body = this.container.querySelector('.aw-body');
      const headings = body
        ? [...body.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({
          level: Number(h.localName[1]), id: h.id, text: h.textContent,
        }))
        : [];
      const counted = this.container.querySelector('.aw-word-count')?.getAttribute('data-aw-words');
      const words = counted != null ? Number(counted) : body ? countWords(body.textContent) : 0;
      return { slug, headings, words };
    }

    // link-target: where links to other sites open (they are the ones the
    // renderer marks rel="noopener noreferrer").
    applyLinkTarget() {
      const target = this.linkTarget;
      for (const a of this.container.querySelectorAll('a[rel~="noopener"]')) {
        if (target) a.setAttribute('target', target);
        else a.removeAttribute('target');
      }
    }

    // A wide table scrolls inside the article; keyboard users need to
    // reach it to scroll it (WCAG 2.1.1), so it becomes a tab stop.
    makeScrollersFocusable() {
      for (const table of this.container.querySelectorAll('.aw-body table')) {
        if (table.scrollWidth > table.clientWidth) table.setAttribute('tabindex', '0');
      }
    }

    fail(err) {
      if (!controllers.has(this)) return; // unmounted meanwhile
      const message = errorMessage(err);
      const code = errorCode(err);
      this.setState('error');
      this.slug = null;
      this.renderedKey = null;
      this.container.replaceChildren();
      this.container.removeAttribute('aria-busy');
      if (!this.slot.isConnected) this.frame.append(this.slot);
      if (!hasFallbackContent(this.host)) {
        if (!this.fallbackMessage) {
          this.fallbackMessage = document.createElement('p');
          this.fallbackMessage.className = 'aw-fallback-message';
          this.fallbackMessage.setAttribute('part', 'fallback');
          this.fallbackMessage.textContent = DEFAULT_FALLBACK;
        }
        this.frame.append(this.fallbackMessage);
      }
      this.live.textContent = DEFAULT_FALLBACK;
      warnOnce(message);
      this.emit('article-widget:error', { code, message });
    }

    emit(type, detail, cancelable = false) {
      const event = new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable });
      return this.host.dispatchEvent(event);
    }

    syncFromLocation() {
      this.override = null;
      this.update();
    }

    // Programmatic navigation (the handle's show): no history entry, no
    // event. Resolves to whether the article is now shown.
    async show(slug) {
      this.load();
      try {
        await loadOnce();
      } catch {
        return false;
      }
      if (!controllers.has(this)) return false;
      if (!engine.has(slug)) {
        warnOnce(`show(): unknown article ${JSON.stringify(String(slug))}`);
        return false;
      }
      this.override = slug;
      this.update();
      return this.slug === slug;
    }

    // The handle's update(options): options as mount() takes them (article,
    // view, theme, headingLevel, loading, linkTarget, src, markdown); null
    // removes one.
    setOptions(options = {}) {
      if (!controllers.has(this)) return;
      for (const [k, v] of Object.entries(options || {})) {
        if (v == null) delete this.explicit[k];
        else this.explicit[k] = v;
      }
      this.optionsChanged();
    }

    // A trending (or in-article #aw/SLUG) link was followed.
    navigate(slug) {
      if (!this.emit('article-widget:navigate', { slug }, true)) return;
      const hash = HASH_PREFIX + encodeURIComponent(slug);
      if (location.hash !== hash) history.pushState(history.state, '', hash);
      // The URL hash is the page's single "current article": every widget
      // on the page follows it, as it will after a reload or back/forward.
      syncAllFromLocation();
      this.update();
      // Focus follows the article: this widget's title, or, for a
      // trending-only widget, the title of a widget on the page showing it.
      const shown = this.renderedView !== 'trending'
        ? this
        : [...controllers].find((c) => c.state === 'ready' && c.renderedView !== 'trending' && c.slug === slug);
      if (shown) {
        shown.focusTitle();
      } else {
        // Nothing to move focus to: say what happened instead.
        const title = engine.articles().find((a) => a.slug === slug)?.title;
        if (title) this.live.textContent = title;
      }
    }

    focusTitle() {
      const title = this.root.querySelector('.aw-title');
      revealTop(this.host, title);
      focusTemporarily(title);
    }

    onClick(event) {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!link || !this.root.contains(link)) return;
      const href = link.getAttribute('href');
      if (!href || !href.startsWith('#')) return; // other links: browser default

      event.preventDefault();
      if (link.classList.contains('aw-back-to-top')) {
        this.focusTitle();
        return;
      }
      const slug = link.getAttribute('data-aw-slug') || slugFromHash(href);
      if (slug) {
        if (engine && engine.has(slug)) this.navigate(slug);
        return;
      }
      // Other in-article fragments: the document cannot see ids inside the
      // shadow root, so scroll to the target here (and keep the URL as is).
      let id;
      try {
        id = decodeURIComponent(href.slice(1));
      } catch {
        return;
      }
      const target = id && this.root.getElementById(id);
      if (target) {
        target.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'instant' : 'auto' });
        focusTemporarily(target);
      }
    }

    optionsChanged() {
      if (!controllers.has(this)) return;
      this.applyPresentation();
      if (this.state === 'idle') {
        // loading="lazy" removed, or set: start accordingly.
        if (!this.lazy) this.load();
        return;
      }
      if (this.state !== 'loading') this.update({ force: this.state === 'error' });
    }

    // Removes everything mount() added: listeners, observers, rendered
    // content, and gives the light DOM back.
    unmount() {
      if (!controllers.has(this)) return;
      controllers.delete(this);
      stopPageListeners();
      this.sourceTicket++;
      this.pendingKey = null;
      this.root.removeEventListener('click', this.onClick);
      this.attributeObserver?.disconnect();
      this.childObserver.disconnect();
      this.intersection?.disconnect();
      this.intersection = null;
      this.container.replaceChildren();
      this.fallbackMessage?.remove();
      this.live.textContent = '';
      if (!this.slot.isConnected) this.frame.append(this.slot);
      this.frame.removeAttribute('data-state');
      if (this.host[CONTROLLER] === this) delete this.host[CONTROLLER];
    }
  }

  // mount(element, { article, view, theme, headingLevel, loading,
  // linkTarget, src, markdown }) -> { element, show(slug), update(options),
  // unmount() }
  // Mounting an element already mounted (by this or another copy of the
  // script) applies the options and returns its existing handle.
  function mount(element, options = {}) {
    if (typeof document === 'undefined') throw awError('mount() needs a DOM');
    if (!(element instanceof Element)) throw new TypeError(PREFIX + 'mount(element) expects an Element');
    const existing = element[CONTROLLER];
    if (existing && existing.handle) {
      existing.handle.update?.(options);
      return existing.handle;
    }
    return new Controller(element, options || {}).handle;
  }

  /* ----- Markup: <article-widget> and [data-article-widget] ----- */

  const VERSION_KEY = Symbol.for('article-widget.version');
  function defineElement() {
    if (typeof customElements === 'undefined') return;
    const defined = customElements.get('article-widget');
    if (defined) {
      // Another copy of the script defined it first; it stays in charge.
      if (defined[VERSION_KEY] !== config.version) {
        warnOnce(`<article-widget> is already defined by version ${defined[VERSION_KEY] ?? 'unknown'}; this copy is ${config.version}`);
      }
      return;
    }
    class ArticleWidgetElement extends HTMLElement {
      static get observedAttributes() {
        return OPTIONS;
      }
      connectedCallback() {
        const c = this[CONTROLLER];
        if (c && c.handle) c.optionsChanged?.();
        else if (autoload) safeMount(this);
      }
      disconnectedCallback() {
        // Moving the element (disconnect + connect in one task) keeps it;
        // only an element that stays out of the document is unmounted.
        queueMicrotask(() => {
          if (!this.isConnected) this[CONTROLLER]?.unmount();
        });
      }
      attributeChangedCallback(_name, oldValue, newValue) {
        if (oldValue !== newValue) this[CONTROLLER]?.optionsChanged?.();
      }
    }
    Object.defineProperty(ArticleWidgetElement, VERSION_KEY, { value: config.version });
    customElements.define('article-widget', ArticleWidgetElement);
  }

  const SELECTOR = '[data-article-widget]';
  const SCAN_SELECTOR = 'article-widget, [data-article-widget]';
  function mountAll(root, selector = SELECTOR) {
    const handles = [];
    if (!root || (root.nodeType !== 1 && root.nodeType !== 9 && root.nodeType !== 11)) return handles;
    const found = root.nodeType === 1 && root.matches(selector) ? [root] : [];
    found.push(...root.querySelectorAll(selector));
    for (const el of found) {
      const handle = el[CONTROLLER]?.handle ?? safeMount(el);
      if (handle) handles.push(handle);
    }
    return handles;
  }
  function safeMount(el) {
    try {
      return mount(el);
    } catch (err) {
      // e.g. an element that cannot host a shadow root (<p>, <a>, ...).
      warnOnce(`cannot mount ${el.tagName.toLowerCase()}: ${errorMessage(err)}`);
      el.dispatchEvent(new CustomEvent('article-widget:error', {
        detail: { code: errorCode(err), message: errorMessage(err) }, bubbles: true, composed: true,
      }));
      return null;
    }
  }

  // scan(root = document): mounts every <article-widget> and
  // [data-article-widget] under root (root included) that is not mounted
  // yet; returns the handles of all of them. For single-page apps that
  // insert widgets later, and pages loaded with data-autoload="false".
  function scan(root = document) {
    if (typeof document === 'undefined') throw awError('scan() needs a DOM');
    return mountAll(root, SCAN_SELECTOR);
  }

  // Classic script: mount [data-article-widget] elements now and as they are
  // added later; unmount those removed for good.
  function autoMount() {
    const start = () => {
      mountAll(document);
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) mountAll(n);
          for (const n of r.removedNodes) {
            if (n.nodeType !== 1 || n.isConnected) continue;
            const els = n.matches(SELECTOR) ? [n, ...n.querySelectorAll(SELECTOR)] : n.querySelectorAll(SELECTOR);
            for (const el of els) if (el.localName !== 'article-widget') el[CONTROLLER]?.unmount();
          }
        }
      }).observe(document.documentElement, { childList: true, subtree: true });
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  }

  const api = {
    version: config.version,
    // A promise: resolved once the module is instantiated. Reading it
    // starts the download if no widget has yet.
    get ready() {
      return getReady();
    },
    articles, render, mount, scan, setBasePath,
  };
  Object.defineProperty(api, BRAND, { value: true });
  if (typeof document !== 'undefined' && typeof window !== 'undefined') {
    defineElement();
    if (config.autoMount && autoload) autoMount();
  }
  return { api, renderView };
}
