// Where the package's files are (the .wasm; issue 17's edition follows the
// same rules), as absolute URLs that fetch() can take.
//
// A bundler names an emitted file in any form: a URL (webpack, Vite), a
// URL-like object whose href is root-relative (Turbopack's
// "/_next/static/media/…"), a root-relative or relative string (esbuild's
// file loader); setWasmUrl() takes any of them too. Each is resolved
// against the document in a browser, against `base` elsewhere.

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
