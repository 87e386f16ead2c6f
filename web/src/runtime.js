// What one copy of the script shares between its widgets: where the
// .wasm and the edition are, the module and the edition loaded once (on
// first need, side by side), the archive articles fetched as they are
// needed, and the public API built on them. The entry points (entry-*.js)
// create one runtime each.

import { createArchive } from './archive.js';
import { fetchContent, inflated } from './content-fetch.js';
import { Controller, CONTROLLER } from './controller.js';
import { awError, errorMessage, errorOnce, reportLoadFailure, warnOnce } from './errors.js';
import { compileModule } from './loader.js';
import { createEngine } from './engine.js';
import { absoluteUrl } from './urls.js';

// A promise that starts the download only when someone waits on it
// (`await ready`, ready.then/catch/finally): importing the module fetches
// nothing.
function lazyPromise(start) {
  class LazyPromise extends Promise {
    static get [Symbol.species]() {
      return Promise;
    }
    then(...args) {
      start();
      return super.then(...args);
    }
  }
  let settle;
  const p = new LazyPromise((resolve, reject) => {
    settle = { resolve, reject };
  });
  return { promise: p, settle };
}

// `build`: { version, wasm: { hash, integrity }, wasmUrl() -> URL and
// editionUrl() -> URL (where this copy looks by default), base?() -> what
// setEditionUrl() resolves against where there is no document (Node),
// readModule?(url) -> bytes (Node, the single-file build: instead of
// fetch), readContent?(url, missing) -> bytes or null (Node: a file: URL
// or the demo edition it carries; the ES module: a data: URL; null: fetch
// it), advice?(url) -> what to do when the .wasm cannot be loaded from
// `url` (the ES module's, for frameworks) }.
export function createRuntime(build) {
  let wasmUrl = null; // set by setWasmUrl()
  let editionUrl = null; // set by setEditionUrl()
  let loadingModule = null;
  let loading = null; // the module and the edition
  let engine = null; // once the module is in
  let edition = null; // the edition's URL, once it is in

  const ready = lazyPromise(() => load());
  // A page that never looks at `ready` must not see an unhandled rejection
  // (Promise.prototype.then: without starting the download).
  Promise.prototype.then.call(ready.promise, undefined, () => {});

  // Without readContent the request goes out before read() returns (no
  // await ahead of fetch()): load() starts it in the .wasm's task.
  async function read(url, missing) {
    const own = build.readContent ? await build.readContent(url, missing) : null;
    return inflated(own ?? await fetchContent(url, missing), url);
  }
  const archive = createArchive((url) => read(url, 'unknown-article'));

  function where() {
    return wasmUrl ?? build.wasmUrl();
  }

  // The module, compiled and instantiated once per page: enough for page
  // Markdown and render().
  function loadModule() {
    if (!loadingModule) {
      const url = where();
      loadingModule = compileModule(url, build.wasm, build.readModule)
        .then(createEngine)
        .then((e) => {
          engine = e;
          return e;
        }, (err) => {
          reportLoadFailure(err, url, build.advice?.(url));
          throw err;
        });
    }
    return loadingModule;
  }

  // The module and the edition, fetched side by side: what articles need.
  // Both requests leave in the caller's task, the .wasm's first (the
  // longer download); a failing module is reported before a failing
  // edition.
  function load() {
    if (!loading) {
      const module = loadModule();
      let url;
      let bytes;
      try {
        url = editionUrl ?? build.editionUrl();
        bytes = read(url, 'fetch-failed');
      } catch (err) {
        bytes = Promise.reject(err);
      }
      bytes.catch(() => {});
      loading = module.then((e) => bytes.then((b) => {
        try {
          e.loadEdition(b);
        } catch (err) {
          throw awError(`${url}: ${errorMessage(err)}`, err.code);
        }
        edition = url;
        return e;
      }).catch((err) => {
        errorOnce(`${errorMessage(err)}\nThe edition was looked for at ${url}: name yours with data-edition or setEditionUrl(url).`);
        throw err;
      }));
      loading.then(() => ready.settle.resolve(), ready.settle.reject);
    }
    return loading;
  }

  // Resolves once the module has `slug` (an archive article is fetched).
  const loadArticle = (slug) => load().then((e) => archive.load(e, edition, String(slug)));
  // Fetches `slug` ahead of a click, when the edition is in.
  const prefetch = (slug) => {
    if (edition) archive.prefetch(engine, edition, slug);
  };

  // setWasmUrl(url): where the .wasm is, instead of where this script
  // looks by default. Only before it starts loading; returns whether it
  // took effect.
  function setWasmUrl(url) {
    if (loadingModule) {
      warnOnce('setWasmUrl() called after the module started loading: ignored');
      return false;
    }
    wasmUrl = url == null || url === '' ? null : absoluteUrl(url, build.wasmUrl());
    return true;
  }

  // setEditionUrl(url): where the edition is (a page's own articles, the
  // scripts loaded from a CDN). Only before it starts loading.
  function setEditionUrl(url) {
    if (loading) {
      warnOnce('setEditionUrl() called after the edition started loading: ignored');
      return false;
    }
    editionUrl = url == null || url === '' ? null : absoluteUrl(url, build.base?.());
    return true;
  }

  // The engine, once the module is in (render()) or the edition too.
  function requireEngine(withEdition) {
    if (!(withEdition ? edition : engine)) throw awError('not ready yet: await ArticleWidget.ready first');
    return engine;
  }
  const requireEdition = () => requireEngine(true);

  const services = { load, loadModule, loadArticle, prefetch, engine: () => engine, hasEdition: () => edition !== null };

  // mount(element, options) -> handle. Mounting an element already
  // mounted (by this or another copy of the script) applies the options
  // and returns its existing handle.
  function mount(element, options = {}) {
    if (typeof document === 'undefined') throw awError('mount() needs a DOM');
    if (!(element instanceof Element)) throw new TypeError('[article-widget] mount(element) expects an Element');
    const existing = element[CONTROLLER];
    if (existing?.handle) {
      existing.handle.update(options);
      return existing.handle;
    }
    return new Controller(element, options || {}, services).handle;
  }

  return {
    load,
    mount,
    setWasmUrl,
    setEditionUrl,
    api: {
      version: build.version,
      ready: ready.promise,
      // articles() and render() are synchronous and throw until `ready`
      // has resolved: callers await it once, then call them freely.
      // articles(): the edition's, the trending list.
      articles: () => requireEdition().articles().map((a) => ({ ...a, topics: [...a.topics] })),
      render: (markdown, options) => requireEngine().renderMarkdown(markdown, {
        headingLevel: Number(options?.headingLevel) || 0, idPrefix: options?.idPrefix ?? '',
      }).html,
      mount,
      setWasmUrl,
      setEditionUrl,
    },
    // The engine with the edition, or an Error until `ready` has resolved
    // (render-view.js), and the edition's URL once it is in.
    requireEngine: requireEdition,
    editionUrl: () => edition,
  };
}
