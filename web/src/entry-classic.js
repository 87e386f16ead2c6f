// dist/article-widget.js: the classic script. One <script> tag mounts every
// <article-widget> and [data-article-widget] on the page; the API is
// window.ArticleWidget.

/* global __AW_WASM_BASE64__ */
import { EDITION_FILE } from './abi.js';
import { VERSION, WASM } from './build-info.js';
import { autoMount, defineElement, hasEagerWidget, scanner } from './element.js';
import { createRuntime } from './runtime.js';

const BRAND = Symbol.for('article-widget.api');
const SCRIPT_NAME = /article-widget(\.min|\.inline\.min)?\.js([?#]|$)/;

// Captured while the script first runs (document.currentScript is null
// later). The tagName check defeats DOM clobbering (<img name="currentScript">);
// then the page's last script tag that loads this file is taken.
function ownScript() {
  const current = document.currentScript;
  if (current && current.tagName === 'SCRIPT') return current;
  const ours = [...document.getElementsByTagName('script')].filter((s) => SCRIPT_NAME.test(s.src));
  return ours.at(-1) ?? null;
}

function start() {
  const script = ownScript();
  // Loaded twice: the first copy stays in charge (one module per page).
  const existing = window.ArticleWidget;
  if (existing?.[BRAND]) {
    if (existing.version !== VERSION) {
      console.warn(`[article-widget] version ${existing.version} is already loaded; this copy (${VERSION}) stays idle`);
    }
    return;
  }
  // The .wasm lives beside this script, or in the folder named by the
  // script's data-base-path (resolved against the page); so does the
  // edition, unless data-edition (or setEditionUrl()) names another.
  let basePath = null; // set by setBasePath()
  const folder = () => {
    const base = script?.getAttribute('data-base-path');
    if (base) return new URL(base.endsWith('/') ? base : `${base}/`, document.baseURI);
    return script?.src || document.baseURI;
  };
  const edition = script?.getAttribute('data-edition');
  const runtime = createRuntime({
    version: VERSION,
    wasm: WASM,
    wasmUrl: () => new URL('article-widget.wasm', folder()),
    editionUrl: () => (edition ? new URL(edition, document.baseURI) : new URL(EDITION_FILE, basePath ?? folder())),
    // The single-file build carries the module, base64: nothing to fetch.
    // (null in the other builds, where the decoder is then left out.)
    readModule: __AW_WASM_BASE64__ ? () => Uint8Array.from(atob(__AW_WASM_BASE64__), (c) => c.charCodeAt(0)) : undefined,
  });
  // data-autoload="false": nothing mounts until scan() or mount().
  const autoload = script?.getAttribute('data-autoload') !== 'false';
  const api = {
    ...runtime.api,
    scan: scanner(runtime.mount),
    // setBasePath(folder): the folder of the .wasm and of the edition
    // that data-edition does not name (setWasmUrl takes the file).
    setBasePath: (path) => {
      const base = path ? new URL(path.endsWith('/') ? path : `${path}/`, document.baseURI) : null;
      if (!runtime.setWasmUrl(base && new URL('article-widget.wasm', base))) return false;
      basePath = base;
      return true;
    },
  };
  Object.defineProperty(api, BRAND, { value: true });
  if (existing === undefined) window.ArticleWidget = Object.freeze(api);
  else console.warn('[article-widget] window.ArticleWidget is taken by something else; widgets still mount');
  // The .wasm download starts now, while the page goes on parsing, when a
  // widget already in the page will load at once (a defer or end-of-body
  // script): not at the first mount ([data-article-widget] elements wait
  // for DOMContentLoaded). A page whose widgets are all loading="lazy"
  // fetches nothing; a script in <head> without defer sees no widget yet,
  // and the first one parsed starts the download.
  if (autoload && hasEagerWidget()) runtime.load().catch(() => {}); // a failure is reported by each widget
  defineElement(runtime.mount, VERSION, autoload);
  if (autoload) autoMount(runtime.mount);
}

if (typeof window !== 'undefined') start();
