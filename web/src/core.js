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
const REQUIRED_EXPORTS = [
  'memory', 'aw_abi_version', 'aw_alloc', 'aw_free', 'aw_render_markdown',
  'aw_article_count', 'aw_article_find', 'aw_render_view', 'aw_catalog_json',
  'aw_output_ptr', 'aw_output_len',
];

function awError(message) {
  return new Error(PREFIX + message);
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
  return WebAssembly.compile(await response.arrayBuffer());
}

// Refuses a module whose sha256 is not the one this script was built with
// (`integrity` is "sha256-<base64>", as in SRI). Needs WebCrypto, which
// browsers offer only in secure contexts; elsewhere the ?v=HASH URL is the
// only guard against version skew.
async function checkIntegrity(bytes, integrity, where) {
  const subtle = globalThis.crypto && globalThis.crypto.subtle;
  if (!integrity || !subtle || !integrity.startsWith('sha256-')) return;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  let binary = '';
  for (const b of digest) binary += String.fromCharCode(b);
  if ('sha256-' + btoa(binary) !== integrity) {
    throw awError(`${where} is not the module this script was built with (sha256 mismatch)`);
  }
}

async function compileModule(config) {
  const url = config.wasmUrl;
  if (url.protocol === 'file:') {
    if (!config.readFileUrl) throw awError(`cannot read ${url.href} in this environment`);
    const bytes = await config.readFileUrl(url);
    await checkIntegrity(bytes, config.wasmIntegrity, url.href);
    return WebAssembly.compile(bytes);
  }
  // ?v=<sha256 prefix of the .wasm this script was built with>: a cached
  // script never pairs with a newer (or older) module under the same name.
  const versioned = new URL(url.href);
  versioned.searchParams.set('v', config.wasmHash);
  let response;
  try {
    response = await fetch(versioned.href, { credentials: 'same-origin' });
  } catch (err) {
    throw awError(`could not fetch ${versioned.href}: ${errorMessage(err)}`);
  }
  if (!response.ok) {
    throw awError(`could not fetch ${versioned.href}: HTTP ${response.status}`);
  }
  // The digest is checked on a copy of the body while the original streams
  // into the compiler; both must succeed before anything is instantiated.
  // (Not fetch's own `integrity` option: it turns a plain 404 into a
  // misleading "integrity" failure in the console.)
  const verified = config.wasmIntegrity && globalThis.crypto && globalThis.crypto.subtle
    ? response.clone().arrayBuffer().then((bytes) => checkIntegrity(bytes, config.wasmIntegrity, versioned.href))
    : Promise.resolve();
  const compiled = compileFromResponse(response);
  compiled.catch(() => {}); // reported below, after the digest verdict
  await verified; // a mismatch explains a compile error better than the compiler does
  return compiled;
}

async function loadEngine(config) {
  if (typeof WebAssembly !== 'object') throw awError('WebAssembly is not supported here');
  const module = await compileModule(config);
  // The module is standalone: it must import nothing. Anything listed here
  // means it was built against a different contract; name it and stop.
  const imports = WebAssembly.Module.imports(module);
  if (imports.length > 0) {
    const names = imports.map((i) => `${i.module}.${i.name} (${i.kind})`).join(', ');
    throw awError(`the renderer module has unexpected imports: ${names}`);
  }
  const instance = await WebAssembly.instantiate(module, {});
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
    throw awError(message || `${what} failed with status ${status}`);
  }

  // Copies `text` into module memory as UTF-8 and calls fn(ptr, len); the
  // buffer is freed whatever happens.
  function withString(text, fn) {
    const max = text.length * 3 || 1;
    if (max > 0x7fffffff) throw awError('input too large');
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

  let catalog = null;
  function articles() {
    if (!catalog) catalog = JSON.parse(check(exports.aw_catalog_json(), 'aw_catalog_json'));
    // A fresh copy each time: callers may mutate what they get.
    return catalog.map((a) => ({ ...a, topics: Array.isArray(a.topics) ? [...a.topics] : [] }));
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

  function render(markdown) {
    if (typeof markdown !== 'string') throw new TypeError(PREFIX + 'render(markdown) expects a string');
    return withString(markdown, (ptr, len) => check(exports.aw_render_markdown(ptr, len), 'aw_render_markdown'));
  }

  // The article shown when none is asked for: the first in the trending
  // list, which the renderer puts first in its catalog (index 0, the one
  // aw_render_view(-1, ...) shows).
  function getDefaultSlug() {
    const first = articles()[0];
    return first ? first.slug : null;
  }

  function has(slug) {
    return typeof slug === 'string' && slug !== '' && find(slug) >= 0;
  }

  return { articles, render, renderView, has, defaultSlug: getDefaultSlug };
}

/* ===== Page helpers ===== */

function slugFromHash(hash) {
  if (typeof hash !== 'string' || !hash.startsWith(HASH_PREFIX)) return null;
  try {
    return decodeURIComponent(hash.slice(HASH_PREFIX.length)) || null;
  } catch {
    return null;
  }
}

// Brings the widget's top into view, and with it `focusTarget` (the title),
// scrolling only when one of them is outside the viewport. The default
// scroll behavior follows the host page's CSS (scroll-behavior).
function revealTop(host, focusTarget) {
  const top = host.getBoundingClientRect().top;
  const bottom = focusTarget ? focusTarget.getBoundingClientRect().bottom : top;
  if (top < 0 || top > window.innerHeight - 40 || bottom > window.innerHeight) {
    host.scrollIntoView({ block: 'start' });
    if (focusTarget && focusTarget.getBoundingClientRect().bottom > window.innerHeight) {
      focusTarget.scrollIntoView({ block: 'nearest' });
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

// True when the element holds light-DOM content worth showing as fallback.
function hasFallbackContent(el) {
  for (const node of el.childNodes) {
    if (node.nodeType === 1) return true;
    if (node.nodeType === 3 && node.data.trim() !== '') return true;
  }
  return false;
}

/* ===== Runtime ===== */

function createArticleWidget(config) {
  let engine = null;
  const engineReady = loadEngine(config).then((e) => {
    engine = e;
    return e;
  });
  // A page that never looks at `ready` must not see an unhandled rejection:
  // widgets report failures themselves (fallback, event, one warning).
  engineReady.catch(() => {});
  const ready = engineReady.then(() => undefined);
  ready.catch(() => {});

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
  function render(markdown) {
    return requireEngine().render(markdown);
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

  /* ----- Widget controller ----- */

  const controllers = new Set(); // mounted widgets, for URL hash changes
  let listening = false;

  function syncAllFromLocation() {
    for (const c of controllers) c.syncFromLocation();
  }

  function listenToHistory() {
    if (listening) return;
    listening = true;
    window.addEventListener('popstate', syncAllFromLocation);
    window.addEventListener('hashchange', syncAllFromLocation);
  }

  // One controller per mounted element. State lives here (and on the
  // element), not in globals. `explicit` holds options given to mount();
  // attributes are read for anything it leaves undefined.
  class Controller {
    constructor(host, explicit) {
      this.host = host;
      this.explicit = { ...explicit };
      this.state = 'loading'; // loading | ready | error
      this.slug = null; // article shown (null before the first render)
      this.override = null; // set by show(): wins over the URL until the next navigation
      this.announcedReady = false;
      this.onClick = this.onClick.bind(this);

      const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
      this.root = root;
      root.replaceChildren();
      applyStyles(root);
      this.container = document.createElement('div');
      this.container.className = 'aw-container';
      this.container.setAttribute('part', 'container');
      this.container.setAttribute('aria-busy', 'true');
      // The light-DOM children stay visible through this slot until the
      // first successful render, and come back on failure.
      this.slot = document.createElement('slot');
      this.slot.className = 'aw-fallback';
      root.append(this.container, this.slot);
      root.addEventListener('click', this.onClick);

      controllers.add(this);
      listenToHistory();
      host[CONTROLLER] = this;

      this.handle = Object.freeze({
        element: host,
        show: (slug) => this.show(slug),
        unmount: () => this.unmount(),
      });

      engineReady.then(
        () => this.update(),
        (err) => this.fail(err),
      );
    }

    option(name) {
      if (this.explicit[name] != null) return String(this.explicit[name]);
      const h = this.host;
      return h.getAttribute(name) ?? h.getAttribute('data-' + name);
    }

    get view() {
      const v = (this.option('view') || 'full').trim().toLowerCase();
      if (Object.hasOwn(VIEWS, v)) return v;
      warnOnce(`unknown view "${v}", using "full"`);
      return 'full';
    }

    // The article this widget shows when the URL names none.
    get initialSlug() {
      const a = this.option('article');
      return a && a.trim() ? a.trim() : engine.defaultSlug();
    }

    // Which article to show now: show() override, else a known #aw/SLUG in
    // the URL, else the initial article.
    targetSlug() {
      if (this.override) return this.override;
      const fromHash = slugFromHash(location.hash);
      if (fromHash && engine.has(fromHash)) return fromHash;
      return this.initialSlug;
    }

    // (Re-)renders if the target article or view changed. Never throws.
    update({ force = false } = {}) {
      if (!engine || !controllers.has(this)) return false;
      let slug;
      let view;
      try {
        view = this.view;
        slug = this.targetSlug();
        if (!force && this.state === 'ready' && slug === this.slug && view === this.renderedView) return false;
        const html = engine.renderView(slug, view);
        // Safe by construction: the renderer escapes all text and attributes
        // and allow-lists URLs; nothing else reaches innerHTML.
        this.container.innerHTML = html;
      } catch (err) {
        this.fail(err);
        return false;
      }
      this.slug = slug;
      this.renderedView = view;
      if (this.state !== 'ready') {
        this.state = 'ready';
        this.container.removeAttribute('aria-busy');
        this.slot.remove();
        this.fallbackMessage?.remove();
      }
      if (!this.announcedReady) {
        this.announcedReady = true;
        this.emit('article-widget:ready', { slug });
      }
      return true;
    }

    fail(err) {
      if (!controllers.has(this)) return; // unmounted meanwhile
      const message = errorMessage(err);
      this.state = 'error';
      this.slug = null;
      this.container.replaceChildren();
      this.container.removeAttribute('aria-busy');
      if (!this.slot.isConnected) this.root.append(this.slot);
      if (!hasFallbackContent(this.host)) {
        if (!this.fallbackMessage) {
          this.fallbackMessage = document.createElement('p');
          this.fallbackMessage.className = 'aw-fallback-message';
          this.fallbackMessage.setAttribute('part', 'fallback');
          this.fallbackMessage.textContent = DEFAULT_FALLBACK;
        }
        this.root.append(this.fallbackMessage);
      }
      warnOnce(message);
      this.emit('article-widget:error', { message });
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
      try {
        await engineReady;
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
      shown?.focusTitle();
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
      if (!href || !href.startsWith('#')) return; // external links: browser default

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
        target.scrollIntoView({ block: 'start' });
        focusTemporarily(target);
      }
    }

    optionsChanged() {
      if (this.state !== 'loading') this.update({ force: this.state === 'error' });
    }

    unmount() {
      if (!controllers.has(this)) return;
      controllers.delete(this);
      this.root.removeEventListener('click', this.onClick);
      this.container.replaceChildren();
      this.fallbackMessage?.remove();
      if (!this.slot.isConnected) this.root.append(this.slot);
      if (this.host[CONTROLLER] === this) delete this.host[CONTROLLER];
    }
  }

  // mount(element, { article, view }) -> { element, show(slug), unmount() }
  // Mounting an element already mounted (by this or another copy of the
  // script) applies the options and returns its existing handle.
  function mount(element, options = {}) {
    if (typeof document === 'undefined') throw awError('mount() needs a DOM');
    if (!(element instanceof Element)) throw new TypeError(PREFIX + 'mount(element) expects an Element');
    const existing = element[CONTROLLER];
    if (existing && existing.handle) {
      Object.assign(existing.explicit, options);
      existing.optionsChanged?.();
      return existing.handle;
    }
    return new Controller(element, options || {}).handle;
  }

  /* ----- Markup: <article-widget> and [data-article-widget] ----- */

  function defineElement() {
    if (typeof customElements === 'undefined' || customElements.get('article-widget')) return;
    class ArticleWidgetElement extends HTMLElement {
      static get observedAttributes() {
        return ['article', 'view'];
      }
      connectedCallback() {
        const c = this[CONTROLLER];
        if (c && c.handle) c.optionsChanged?.();
        else safeMount(this);
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
    customElements.define('article-widget', ArticleWidgetElement);
  }

  const SELECTOR = '[data-article-widget]';
  function mountAll(root) {
    if (root.nodeType !== 1 && root.nodeType !== 9 && root.nodeType !== 11) return;
    if (root.nodeType === 1 && root.matches(SELECTOR) && !root[CONTROLLER]) safeMount(root);
    for (const el of root.querySelectorAll(SELECTOR)) if (!el[CONTROLLER]) safeMount(el);
  }
  function safeMount(el) {
    try {
      mount(el);
    } catch (err) {
      // e.g. an element that cannot host a shadow root (<p>, <a>, ...).
      warnOnce(`cannot mount ${el.tagName.toLowerCase()}: ${errorMessage(err)}`);
      el.dispatchEvent(new CustomEvent('article-widget:error', {
        detail: { message: errorMessage(err) }, bubbles: true, composed: true,
      }));
    }
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

  const api = { version: config.version, ready, articles, render, mount };
  Object.defineProperty(api, BRAND, { value: true });
  if (typeof document !== 'undefined' && typeof window !== 'undefined') {
    defineElement();
    if (config.autoMount) autoMount();
  }
  return { api, renderView };
}
