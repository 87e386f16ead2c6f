// dist/article-widget.mjs: the ES module for browsers and bundlers.
// Importing it defines <article-widget> and downloads nothing: the .wasm
// is fetched at the first mount or when `ready` is awaited.

import { loadAdvice } from './advice.js';
import { VERSION, WASM } from './build-info.js';
import { defineElement, scanner } from './element.js';
import { serverRenderView } from './render-view.js';
import { createRuntime } from './runtime.js';
import { absoluteUrl, besideModule } from './urls.js';

const runtime = createRuntime({
  version: VERSION,
  wasm: WASM,
  // Written literally so that bundlers (webpack 5, Vite, Turbopack, Parcel)
  // find the asset and emit it; whatever they turn it into (Turbopack: a
  // root-relative /_next/… URL) is resolved against the page.
  // setWasmUrl() overrides it.
  wasmUrl: () => besideModule(absoluteUrl(new URL('./article-widget.wasm', import.meta.url))),
  // The package's demo edition, as literally (a bundler emits it beside
  // the .wasm, or inlines it); a site names its own with setEditionUrl().
  editionUrl: () => besideModule(absoluteUrl(new URL('./article-widget.awe', import.meta.url))),
  // A bundler may inline the small demo edition as a data: URL, which the
  // page's CSP may not let it fetch: decoded here.
  readContent: (url) => (url.protocol === 'data:'
    ? Uint8Array.from(atob(url.href.slice(url.href.indexOf(',') + 1)), (c) => c.charCodeAt(0)) : null),
  advice: loadAdvice,
});
// A microtask later: defining the element mounts the <article-widget>
// elements already in the page, which would read the .wasm URL before the
// importing module's next line can call setWasmUrl().
if (typeof window !== 'undefined') queueMicrotask(() => defineElement(runtime.mount, VERSION, true));

export const { ready, articles, render, mount, setWasmUrl, setEditionUrl } = runtime.api;
export const scan = scanner(runtime.mount);
export const version = VERSION;
export const renderView = serverRenderView(runtime);
