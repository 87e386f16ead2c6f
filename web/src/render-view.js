// renderView() of the ES module and the Node builds: a widget's HTML as a
// string, for a server-rendered fallback inside <article-widget>. The
// classic script, which has no use for it, does not carry it.

import { VIEWS } from './abi.js';
import { awError } from './errors.js';

// "full, trending or article"
const VIEW_LIST = Object.keys(VIEWS).join(', ').replace(/, (?!.*, )/, ' or ');

const unknownArticle = (slug) => awError(`unknown article ${JSON.stringify(String(slug))}`, 'unknown-article');

// `runtime`: createRuntime()'s. Returns render(slug | null, view, {
// headingLevel, linkTarget }) -> HTML: any article of the edition or one
// loaded already; with `readArticle(slug)` (Node: the archive file read
// from disk), any article of the archive. null is the first of the
// trending list.
export function serverRenderer(runtime, readArticle) {
  return function render(slug, view, { headingLevel = 0, linkTarget = null } = {}) {
    const engine = runtime.requireEngine();
    // An empty slug is the module's "the first article": given as a
    // string, empty or not a string at all, it names none.
    if (slug != null && (typeof slug !== 'string' || slug === '')) throw unknownArticle(slug);
    if (slug != null) readArticle?.(slug);
    if (!Object.hasOwn(VIEWS, view)) {
      // The article is decided first, as the module does.
      if (slug != null && !engine.findArticle(slug)) throw unknownArticle(slug);
      throw awError(`unknown view ${JSON.stringify(view)} (expected ${VIEW_LIST})`);
    }
    return engine.renderView(slug ?? '', view, { headingLevel, linkTarget }).html;
  };
}

// renderView(slug | null, view, headingLevel) -> HTML, byte-identical to
// `aw-render --slug SLUG --view VIEW --heading-level N`.
export function serverRenderView(runtime, readArticle) {
  const render = serverRenderer(runtime, readArticle);
  return (slug, view = 'full', headingLevel = 0) => render(slug, view, { headingLevel });
}
