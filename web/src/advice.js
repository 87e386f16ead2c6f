// What the ES module's one console.error says to do when the .wasm cannot
// be loaded, for the setups its URL gives away (README, "Bundlers", and
// docs/frameworks.md); null: the general advice of errors.js.

export function loadAdvice(url) {
  const { pathname } = new URL(url);
  if (pathname.includes('/_next/')) {
    return 'Next.js emitted it into .next/static/media/, served at /_next/static/media/: deploy .next/static with the app '
      + '(output: "standalone" needs it copied to .next/standalone/.next/static; assetPrefix, on that host too).';
  }
  if (pathname.includes('/_nuxt/')) {
    return 'Nuxt emitted it into .output/public/_nuxt/: deploy .output/public with the server (app.cdnURL, on that host too).';
  }
  // The package's own file name, outside the package's folder: this module
  // was bundled or copied, and its .wasm left behind.
  if (pathname.endsWith('/article-widget.wasm') && !/\/article-widget[@/]/.test(pathname)) {
    return 'Nothing put article-widget.wasm beside this script: a bundler that emits no assets needs a plugin '
      + '(Rollup: @web/rollup-plugin-import-meta-assets), or copy the file there, or call setWasmUrl(url) '
      + 'before the first widget mounts (README, "Bundlers").';
  }
  return null;
}
