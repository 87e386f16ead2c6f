// The preview page: the test page's look (web/demo.css), the widget as a
// reader will see it, a list of every article (links to #aw/SLUG, which
// every widget on a page follows: the edition's by title, the archive's by
// slug), and the last content error, if any.
// Served with the strict CSP of web/node/server.js: no inline script or
// style, so the reload script is a file of its own.

import { HASH_PREFIX } from '../src/abi.js';

const escapeHtml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// build: the id of the build the page shows (the reload script compares
// it with the server's); catalog: that build's edition (its articles), or
// [] when there has been none; slugs: every article's; error:
// "file:line: message" or null.
export function previewPage({ folder, version, build, catalog, slugs, error }) {
  const trending = new Set(catalog.map((a) => a.slug));
  const link = (slug, text) => `<a href="${HASH_PREFIX}${encodeURIComponent(slug)}">${escapeHtml(text)}</a>`;
  const items = [
    ...catalog.map((a) => `      <li>${link(a.slug, a.title)} <time datetime="${escapeHtml(a.date)}">${escapeHtml(a.date)}</time></li>`),
    ...slugs.filter((s) => !trending.has(s)).map((s) => `      <li>${link(s, s)}</li>`),
  ].join('\n');
  return `<!doctype html>
<html lang="en" data-build="${build}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Preview: ${escapeHtml(folder)}</title>
  <link rel="icon" href="favicon.svg">
  <link rel="stylesheet" href="demo.css">
  <link rel="stylesheet" href="preview.css">
  <script src="dist/article-widget.js" defer></script>
  <script src="preview-client.js" defer></script>
</head>
<body>
  <header class="site-header">
    <p class="site-name"><a href="./">Preview</a></p>
    <p class="preview-folder">${escapeHtml(folder)}</p>
  </header>

  <main>
    <p id="preview-error" class="preview-error" role="alert"${error ? '' : ' hidden'}>${escapeHtml(error ?? '')}</p>

    <article-widget>
      <p class="widget-fallback">The widget could not start: the terminal running the preview says why.</p>
    </article-widget>

    <h2 id="preview-articles-heading">Every article</h2>
    <ol class="preview-articles" aria-labelledby="preview-articles-heading">
${items}
    </ol>
  </main>

  <footer class="site-footer">
    <p>article-widget ${escapeHtml(version)} preview of ${escapeHtml(folder)}: the page reloads when a file there changes.</p>
  </footer>
</body>
</html>
`;
}
