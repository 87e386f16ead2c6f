// The pre-rendered elements a build writes (issue 18): for each article of
// the edition, its default view as renderElement() of the Node builds
// returns it, byte for byte (web/src/render-element.js, the same module
// and stylesheet), for a site to include in its pages.

import { serverRenderElement } from '../src/render-element.js';

export const ELEMENTS_DIR = 'elements';

// Map("elements/SLUG.html" -> bytes). `engine`: the renderer with the
// edition loaded; `catalog`: its articles(); `css`: the widget's
// stylesheet as the scripts carry it; `wasmHash`: the module's
// (manifest.json); `articleUrl`: --article-url, or null.
export function prerenderElements({ engine, catalog, css, wasmHash, articleUrl }) {
  const renderElement = serverRenderElement({
    renderView: (slug, view, options) => engine.renderView(slug, view, options).html,
    titleOf: (slug) => catalog.find((a) => a.slug === slug)?.title ?? null,
    css,
    wasmHash,
  });
  return new Map(catalog.map(({ slug }) => [
    `${ELEMENTS_DIR}/${slug}.html`, Buffer.from(renderElement(slug, { articleUrl })),
  ]));
}
