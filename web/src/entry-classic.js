// dist/article-widget.js: the classic script. One <script> tag mounts every
// <article-widget> and [data-article-widget] on the page; the API is
// window.ArticleWidget.

import { VERSION, WASM } from './build-info.js';
import { autoMount, defineElement, scanner } from './element.js';
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
  // script's data-base-path (resolved against the page).
  const folder = () => {
    const base = script?.getAttribute('data-base-path');
    if (base) return new URL(base.endsWith('/') ? base : `${base}/`, document.baseURI);
    return script?.src || document.baseURI;
  };
  const runtime = createRuntime({ version: VERSION, wasm: WASM, wasmUrl: () => new URL('article-widget.wasm', folder()) });
  // data-autoload="false": nothing mounts until scan() or mount().
  const autoload = script?.getAttribute('data-autoload') !== 'false';
  const api = {
    ...runtime.api,
    scan: scanner(runtime.mount),
    // setBasePath(folder): the folder of the .wasm (setWasmUrl takes the file).
    setBasePath: (path) => runtime.setWasmUrl(path ? new URL('article-widget.wasm', new URL(path.endsWith('/') ? path : `${path}/`, document.baseURI)) : null),
  };
  Object.defineProperty(api, BRAND, { value: true });
  if (existing === undefined) window.ArticleWidget = Object.freeze(api);
  else console.warn('[article-widget] window.ArticleWidget is taken by something else; widgets still mount');
  defineElement(runtime.mount, VERSION, autoload);
  if (autoload) autoMount(runtime.mount);
}

if (typeof window !== 'undefined') start();
