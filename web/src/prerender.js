// Pre-rendered widgets (issue 18): the element as HTML with a declarative
// shadow root, which the HTML parser shows before any script runs, and
// the build id by which the script knows it may adopt that shadow root
// instead of rendering again.

import { HASH_PREFIX, SLUG_ATTRIBUTE } from './abi.js';

// The host attribute that carries the build id.
export const BUILD_ATTRIBUTE = 'data-aw-build';

// Whether `host` carries a declarative shadow root renderElement() wrote.
export function isPrerendered(host) {
  return Boolean(host.shadowRoot) && host.hasAttribute(BUILD_ATTRIBUTE);
}

// Runs `fn` once the page has painted: a pre-rendered article is on
// screen already, and its takeover must not hold back the first frame.
// (A hidden page paints nothing: soon, then.)
export function afterPaint(fn) {
  if (document.visibilityState === 'hidden') setTimeout(fn, 0);
  else requestAnimationFrame(() => setTimeout(fn, 0));
}

// Two FNV-1a hashes of the UTF-16 code units (different offsets and
// primes), 16 hex digits: a digest, not a defence (the page that holds the
// markup is the site's own).
function digest(text) {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000197);
  }
  const hex = (x) => (x >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

// Which module rendered `html` (`wasmHash`: build-info.js's WASM.hash)
// and what it rendered: the script adopts a pre-rendered shadow root only
// when its own render gives the same id (the same .wasm, article, view,
// heading level and link target), so a stale pre-render is rendered again.
export function buildId(wasmHash, html) {
  return `${wasmHash}.${digest(html)}`;
}

const ATTRIBUTE_ESCAPES = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
const escapeAttribute = (value) => String(value).replace(/[&"<>]/g, (c) => ATTRIBUTE_ESCAPES[c]);
const escapeText = (value) => String(value).replace(/[&<>]/g, (c) => ATTRIBUTE_ESCAPES[c]);

// The renderer's links to other articles (`HASH_PREFIX`SLUG, with the slug
// in SLUG_ATTRIBUTE: src/article_html.h) pointed at the site's own page
// for each article, `articleUrl` with {slug} replaced, for a reader
// without the script. Only the href changes: the script still finds the
// slug, and its own renders keep HASH_PREFIX links.
export function withArticleUrls(html, articleUrl) {
  if (!articleUrl) return html;
  const link = new RegExp(`href="${HASH_PREFIX}([^"]*)" ${SLUG_ATTRIBUTE}="\\1"`, 'g');
  return html.replace(link, (_, slug) => `href="${escapeAttribute(articleUrl.replaceAll('{slug}', slug))}" ${SLUG_ATTRIBUTE}="${slug}"`);
}

// A reader's article URL for `slug`: the site's pattern, or the widget's
// own deep link.
export function articleHref(slug, articleUrl) {
  return articleUrl ? articleUrl.replaceAll('{slug}', slug) : `${HASH_PREFIX}${slug}`;
}

// The element as the script leaves it after rendering `html` (frame.js:
// the frame, its container, the live region), the widget's stylesheet
// `css` inline (a page's CSP allows it by its hash: docs/architecture.md
// says why not a linked file), and `fallback` (HTML) in the light DOM for
// a browser without declarative shadow DOM. `attributes`: the element's,
// in order (name -> value; null leaves one out).
export function elementHtml({ attributes, theme, view, html, build, css, fallback }) {
  const attrs = Object.entries(attributes).filter(([, v]) => v != null)
    .map(([name, v]) => ` ${name}="${escapeAttribute(v)}"`).join('');
  return `<article-widget${attrs} ${BUILD_ATTRIBUTE}="${build}"><template shadowrootmode="open">`
    + `<style>${css}</style>`
    + `<div class="aw-frame" data-theme="${theme}" data-view="${view}" data-state="ready">`
    + `<div class="aw-container" part="container">${html}</div></div>`
    + '<div class="aw-live" role="status" aria-live="polite"></div>'
    + `</template>${fallback}</article-widget>`;
}

// The default fallback: a link to the article, its title as text.
export function fallbackLink(href, title) {
  return `<a href="${escapeAttribute(href)}">${escapeText(title)}</a>`;
}
