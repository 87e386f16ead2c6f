// The archive articles of a page: the archive file of an article the
// edition does not carry, fetched when a widget needs it (one request per
// article, requests in flight shared) or before, when a link to it is
// hovered or focused; then handed to the module, which checks it. A
// failure is the caller's to report; nothing here tries again on its own.

import { awError, errorMessage } from './errors.js';
import { archiveUrl } from './urls.js';

// `read(url)`: the inflated bytes of a content file (its 404 an
// unknown-article error). Returns { load, prefetch }.
export function createArchive(read) {
  const inflight = new Map(); // slug -> promise
  const prefetched = new Set();

  // Resolves once `engine` has `slug`; `edition`: the edition's URL.
  function load(engine, edition, slug) {
    if (engine.findArticle(slug)) return Promise.resolve();
    let pending = inflight.get(slug);
    if (!pending) {
      pending = (async () => {
        const path = engine.archivePath(slug);
        if (!path) throw awError(`unknown article ${JSON.stringify(slug)}`, 'unknown-article');
        const url = archiveUrl(path, edition); // throws (render-failed) beside an edition inlined as data:
        const bytes = await read(url);
        try {
          engine.addArticle(slug, bytes);
        } catch (err) {
          throw awError(`${url}: ${errorMessage(err)}`, err.code);
        }
      })().finally(() => inflight.delete(slug));
      inflight.set(slug, pending);
    }
    return pending;
  }

  return {
    load,
    // Fetches `slug` ahead of a click, once per page; says nothing when it
    // fails (the click will, if it comes).
    prefetch(engine, edition, slug) {
      if (prefetched.has(slug)) return;
      prefetched.add(slug);
      load(engine, edition, slug).catch(() => {});
    },
  };
}
