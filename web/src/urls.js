// Where the package's files are (the .wasm, the edition, an archive
// file), as absolute URLs that fetch() can take.
//
// A bundler names an emitted file in any form: a URL (webpack, Vite), a
// URL-like object whose href is root-relative (Turbopack's
// "/_next/static/media/…"), a root-relative or relative string (esbuild's
// file loader); setWasmUrl() and setEditionUrl() take any of them too.
// Each is resolved against the document in a browser, against `base`
// elsewhere.

export function absoluteUrl(value, base) {
  return new URL(String(value), typeof document !== 'undefined' ? document.baseURI : base);
}

// The URL to request for a file the package names `name`: with ?v=`hash`
// (of the bytes this script pairs with) when it still has that name, which
// does not change with its bytes, so a cached copy of another version is
// never taken for it. A file a bundler renamed (article-widget.3f2a….wasm)
// changes name with its bytes and is requested as named: a framework's
// prefetch of it is then the very request the widget makes.
export function requestUrl(url, name, hash) {
  const u = new URL(url);
  if (u.pathname === name || u.pathname.endsWith(`/${name}`)) u.searchParams.set('v', hash);
  return u;
}

// The ES module's file `url` (the .wasm, the demo edition) beside it. Vite
// 5 to 7's dev server serves the module pre-bundled from
// node_modules/.vite/deps/ and leaves the package's files behind: they are
// at node_modules/article-widget/ (Vite 8 rewrites the URL itself).
export function besideModule(url) {
  const deps = '/node_modules/.vite/deps/';
  const at = url.href.lastIndexOf(deps);
  if (at < 0 || url.href.indexOf('/', at + deps.length) >= 0) return url;
  return new URL(`${url.href.slice(0, at)}/node_modules/article-widget/${url.href.slice(at + deps.length)}`);
}

// The archive file at `path` (relative to the edition, as the module says:
// src/content_blob.h). Throws beside an edition that has no folder (one a
// bundler inlined as a data: URL).
export function archiveUrl(path, edition) {
  return new URL(path, edition);
}
