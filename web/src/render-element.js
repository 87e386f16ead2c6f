// renderElement(): the whole <article-widget> as HTML, pre-rendered
// (prerender.js), for a server or a static-site generator to put in a
// page. The Node builds export it; `article-widget build` writes the same
// strings for the edition's articles.

import { awError } from './errors.js';
import {
  articleHref, buildId, elementHtml, fallbackLink, withArticleUrls,
} from './prerender.js';

const THEMES = ['auto', 'light', 'dark'];
// mount()'s options that name what to render from the page, not an article.
const PAGE_SOURCES = ['src', 'markdown'];

// "/news/{slug}/": a page of the site for each article.
export function checkArticleUrl(articleUrl) {
  if (articleUrl == null) return null;
  if (typeof articleUrl !== 'string' || !articleUrl.includes('{slug}')) {
    throw awError(`articleUrl must contain {slug} (got ${JSON.stringify(articleUrl)})`);
  }
  return articleUrl;
}

// `renderView(slug, view, { headingLevel, linkTarget })` -> HTML (the
// module's), `titleOf(slug)` -> the article's title or null, `css` (the
// widget's stylesheet as the scripts carry it) and `wasmHash` (the
// module's, build-info.js). Returns renderElement(slug, options) -> HTML.
// Options as mount() takes them (view, theme, headingLevel, linkTarget),
// and: articleUrl ("/news/{slug}/": where links to articles lead a reader
// without the script; default #aw/SLUG), fallback (HTML for the light DOM,
// which a browser without declarative shadow DOM shows; default a link to
// the article).
export function serverRenderElement({ renderView, titleOf, css, wasmHash }) {
  return function renderElement(slug, options = {}) {
    if (typeof slug !== 'string' || slug === '') throw awError(`unknown article ${JSON.stringify(String(slug))}`, 'unknown-article');
    for (const name of PAGE_SOURCES) {
      if (options[name] != null) throw awError(`renderElement() renders an article: options.${name} is not supported`);
    }
    const articleUrl = checkArticleUrl(options.articleUrl);
    const view = options.view ?? 'full';
    const theme = options.theme ?? 'auto';
    if (!THEMES.includes(theme)) throw awError(`unknown theme ${JSON.stringify(theme)} (expected auto, light or dark)`);
    const headingLevel = Number(options.headingLevel) || 0;
    const linkTarget = options.linkTarget ?? null;
    const html = renderView(slug, view, { headingLevel, linkTarget });
    return elementHtml({
      attributes: {
        article: slug,
        view: options.view == null ? null : view,
        theme: options.theme == null ? null : theme,
        'heading-level': headingLevel ? String(headingLevel) : null,
        'link-target': linkTarget,
      },
      theme,
      view,
      html: withArticleUrls(html, articleUrl),
      build: buildId(wasmHash, html),
      css,
      fallback: options.fallback ?? fallbackLink(articleHref(slug, articleUrl), titleOf(slug) ?? 'Read the article'),
    });
  };
}
