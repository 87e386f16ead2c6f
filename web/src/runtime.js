// What one copy of the script shares between its widgets: where the
// .wasm is, the module loaded once (on first need), and the public API
// built on it. The entry points (entry-*.js) create one runtime each.

import { Controller, CONTROLLER } from './controller.js';
import { awError, reportLoadFailure, warnOnce } from './errors.js';
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

// `build`: { version, wasm: { hash, integrity }, wasmUrl() -> URL (where
// this copy looks by default), readModule?(url) -> bytes (Node, the
// single-file build: instead of fetch), advice?(url) -> what to do when
// the .wasm cannot be loaded from `url` (the ES module's, for frameworks) }.
export function createRuntime(build) {
  let wasmUrl = null; // set by setWasmUrl()
  let loading = null;
  let engine = null;

  const ready = lazyPromise(() => load());
  // A page that never looks at `ready` must not see an unhandled rejection
  // (Promise.prototype.then: without starting the download).
  Promise.prototype.then.call(ready.promise, undefined, () => {});

  function where() {
    return wasmUrl ?? build.wasmUrl();
  }

  // The module, compiled and instantiated once per page.
  function load() {
    if (!loading) {
      const url = where();
      loading = compileModule(url, build.wasm, build.readModule)
        .then(createEngine)
        .then((e) => {
          engine = e;
          return e;
        }, (err) => {
          reportLoadFailure(err, url, build.advice?.(url));
          throw err;
        });
      loading.then(() => ready.settle.resolve(), ready.settle.reject);
    }
    return loading;
  }

  // setWasmUrl(url): where the .wasm is, instead of where this script
  // looks by default. Only before it starts loading; returns whether it
  // took effect.
  function setWasmUrl(url) {
    if (loading) {
      warnOnce('setWasmUrl() called after the module started loading: ignored');
      return false;
    }
    wasmUrl = url == null || url === '' ? null : absoluteUrl(url, build.wasmUrl());
    return true;
  }

  function requireEngine() {
    if (!engine) throw awError('not ready yet: await ArticleWidget.ready first');
    return engine;
  }

  const services = { load, engine: () => engine };

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
    api: {
      version: build.version,
      ready: ready.promise,
      // articles() and render() are synchronous and throw until `ready`
      // has resolved: callers await it once, then call them freely.
      articles: () => requireEngine().articles().map((a) => ({ ...a, topics: [...a.topics] })),
      render: (markdown, options) => requireEngine().renderMarkdown(markdown, {
        headingLevel: Number(options?.headingLevel) || 0, idPrefix: options?.idPrefix ?? '',
      }).html,
      mount,
      setWasmUrl,
    },
    // The engine, or an Error until `ready` has resolved (render-view.js).
    requireEngine,
  };
}
