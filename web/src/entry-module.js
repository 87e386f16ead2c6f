// dist/article-widget.mjs: the ES module for browsers and bundlers.
// Importing it defines <article-widget> and downloads nothing: the .wasm
// is fetched at the first mount or when `ready` is awaited.

import { VERSION, WASM } from './build-info.js';
import { besideModule } from './edition-url.js';
import { defineElement, scanner } from './element.js';
import { serverRenderView } from './render-view.js';
import { createRuntime } from './runtime.js';

// Vite 5 to 7's dev server serves this module pre-bundled from
// node_modules/.vite/deps/ and leaves the .wasm behind: the package's own
// copy is at node_modules/article-widget/ (Vite 8 rewrites the URL itself).
const PRE_BUNDLED = '/node_modules/.vite/deps/article-widget.wasm';
function unlessPreBundled(url) {
  if (!url.href.endsWith(PRE_BUNDLED)) return url;
  return new URL(`${url.href.slice(0, -PRE_BUNDLED.length)}/node_modules/article-widget/article-widget.wasm`);
}

const runtime = createRuntime({
  version: VERSION,
  wasm: WASM,
  // Written literally so that bundlers (webpack 5, Vite) find the asset
  // and emit it; setWasmUrl() overrides it.
  wasmUrl: () => unlessPreBundled(new URL('./article-widget.wasm', import.meta.url)),
  // The package's demo edition, as literally (a bundler emits it); a site
  // names its own with setEditionUrl().
  editionUrl: () => besideModule(new URL('./article-widget.awe', import.meta.url)),
  base: () => document.baseURI,
  // A bundler may inline the small demo edition as a data: URL, which the
  // page's CSP may not let it fetch: decoded here.
  readContent: (url) => (url.protocol === 'data:'
    ? Uint8Array.from(atob(url.href.slice(url.href.indexOf(',') + 1)), (c) => c.charCodeAt(0)) : null),
});
// A microtask later: defining the element mounts the <article-widget>
// elements already in the page, which would read the .wasm URL before the
// importing module's next line can call setWasmUrl().
if (typeof window !== 'undefined') queueMicrotask(() => defineElement(runtime.mount, VERSION, true));

export const { ready, articles, render, mount, setWasmUrl, setEditionUrl } = runtime.api;
export const scan = scanner(runtime.mount);
export const version = VERSION;
export const renderView = serverRenderView(runtime);
