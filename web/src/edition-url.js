// Where the content files are: the edition a page names (the classic
// script's data-edition, setEditionUrl()), resolved against the page (or,
// in Node, the working folder); an archive file against the edition, with
// the path the module gives for it (src/content_blob.h). The .wasm's URL
// is loader.js's concern; these stay apart from it.

// `value` (a URL or a path) as a URL, against `base`.
export function resolveEditionUrl(value, base) {
  return new URL(String(value), base);
}

// The archive file at `path` (relative to the edition, as the module says).
export function archiveUrl(path, edition) {
  return new URL(path, edition);
}

// The default edition of the ES module, `url` beside it. Vite 5 to 7's
// dev server serves the module pre-bundled from node_modules/.vite/deps/
// and leaves the package's files behind: they are at
// node_modules/article-widget/ (Vite 8 rewrites the URL itself).
export function besideModule(url) {
  const deps = '/node_modules/.vite/deps/';
  const at = url.href.lastIndexOf(deps);
  if (at < 0 || url.href.indexOf('/', at + deps.length) >= 0) return url;
  return new URL(`${url.href.slice(0, at)}/node_modules/article-widget/${url.href.slice(at + deps.length)}`);
}
