// The bench's browser part: the seed article painted four ways on the
// same local server, in Chromium and Firefox ESR (paint.mjs: a fresh
// browser context per load, pages alternating, medians):
//   widget         our dist/article-widget.min.js (else .js) + <article-widget view="article">
//   pre-rendered   renderElement()'s <article-widget view="article"> (a
//                  declarative shadow root), the same script after it
//   static HTML    the same article's HTML (our renderer's) in the page
//   markdown-wasm  its browser build rendering the same Markdown into the page
//   floor          a script of a few lines that only fetches our .wasm and
//                  edition, compiles the module and inserts the article's
//                  HTML (pages.mjs): what fetching and compiling cost alone
//   styled static  the widget's markup and the stylesheet the pre-rendered
//                  element carries, in the page itself (no shadow root, no
//                  script): static HTML with the widget's look
// Each page notes performance.now() in a first inline script ("script
// start") and again after the frame that shows the article (a
// requestAnimationFrame callback, then a task: the frame has been produced).
// The figure is the difference, in milliseconds.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { FLOOR_SCRIPT, floorPage, markdownWasmPage, prerenderedPage, staticPage, styledStaticPage, widgetPage } from './pages.mjs';
import { measure, serve } from './paint.mjs';

const SLUG = 'china-offers-military-aid-to-mali';

function pages(staticHtml, element, markdown, script) {
  return {
    'widget.html': widgetPage(script, SLUG),
    'prerendered.html': prerenderedPage(element, script),
    'static.html': staticPage(staticHtml),
    'markdown-wasm.html': markdownWasmPage(markdown),
    'floor.html': floorPage(staticHtml),
    'floor.js': FLOOR_SCRIPT,
    // The stylesheet as the pre-rendered element carries it.
    'styled-static.html': styledStaticPage(staticHtml, element.match(/<style>([^<]*)<\/style>/)[1]),
  };
}

// { runs, engines: { Chromium: { pages: { label: stats } }, Firefox: ... } }.
// An engine that cannot start is left out with its error (the others go on).
export async function paintTimes({ dist, modules, article, runs }) {
  const { ready, renderView, renderElement } = await import(pathToFileURL(join(dist, 'article-widget.node.mjs')).href);
  await ready;
  // The minified script when the build has one (what a CDN page loads).
  const script = existsSync(join(dist, 'article-widget.min.js')) ? 'article-widget.min.js' : 'article-widget.js';
  const generated = pages(renderView(SLUG, 'article'), renderElement(SLUG, { view: 'article' }), article, script);
  const server = await serve({ roots: { '/dist/': dist, '/mw/': join(modules, 'markdown-wasm', 'dist') }, pages: generated });
  const labels = {
    'widget.html': 'article-widget (script + wasm)',
    'static.html': 'static HTML',
    'markdown-wasm.html': 'markdown-wasm 1.2.0',
    'prerendered.html': 'article-widget pre-rendered (declarative shadow root)',
    'floor.html': 'floor: a script that only fetches the .wasm and the edition, compiles, inserts the HTML',
    'styled-static.html': "static HTML with the widget's stylesheet (no shadow root, no script)",
  };
  let measured;
  try {
    measured = await measure({ base: server.base, pages: Object.keys(labels), runs });
  } finally {
    server.close();
  }
  const engines = {};
  for (const [engine, r] of Object.entries(measured.engines)) {
    engines[engine] = r.error ? r : {
      pages: Object.fromEntries(Object.entries(labels).map(([name, label]) => [label, r.pages[name].painted])),
    };
  }
  return { runs, engines };
}
