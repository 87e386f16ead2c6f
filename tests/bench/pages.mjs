// The pages the browser benchmarks load, one builder per shape. Each page
// starts with paint.mjs's PAINT_HEAD and calls window.__mark() once what
// it measures is on screen:
//   staticPage(html)            the article's HTML in the page, no style
//   widgetPage(script, slug)    the widget mounting from the script alone
//   markdownWasmPage(markdown)  markdown-wasm's browser build (/mw/)
//                               rendering `markdown` into the page
//   prerenderedPage(element, script)  renderElement()'s element, the
//                               widget's script loaded async after it
//                               (it adopts the element): painted once the
//                               parser has shown the element
//   floorPage(html)             what fetching and compiling cost alone:
//                               a blocking script (FLOOR_SCRIPT, served as
//                               /page/floor.js) fetches the .wasm and the
//                               edition from /dist/, compiles the module and
//                               inserts `html`, already in the page as a
//                               <template>: no render, no style
//   styledStaticPage(html, css) the widget's markup and stylesheet in
//                               the page itself, no shadow root, no
//                               script: what the look costs by itself
//   declarativePage(html, opts) the widget's markup written by hand as a
//                               declarative shadow root (what a pre-render
//                               writes), no script: its stylesheet linked
//                               (opts.stylesheet: URL; with opts.preload,
//                               also preloaded from the head), inline
//                               (opts.css) or none

import { PAINT_HEAD } from './paint.mjs';

const HEAD = `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title>
${PAINT_HEAD}
<body><main>`;

// The same page with `extra` at the end of its head.
const withHead = (extra) => HEAD.replace('\n<body>', `\n${extra}\n<body>`);

export function staticPage(html) {
  return `${HEAD}
<article>${html}</article>
<script>window.__mark();</script></main>`;
}

export function widgetPage(script, slug) {
  return `${HEAD}
<script>document.addEventListener('article-widget:ready', () => window.__mark());</script>
<script src="/dist/${script}"></script>
<article-widget article="${slug}" view="article"></article-widget></main>`;
}

export function markdownWasmPage(markdown) {
  return `${HEAD}
<article id="out"></article>
<script src="/mw/markdown.js"></script>
<script>markdown.ready.then(() => {
  document.getElementById('out').innerHTML = markdown.parse(${JSON.stringify(markdown).replace(/</g, '\\u003c')});
  window.__mark();
});</script></main>`;
}

// The floor page's script: the widget's two downloads and its compile,
// nothing of its own work.
export const FLOOR_SCRIPT = `Promise.all([
  fetch('/dist/article-widget.wasm').then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)),
  fetch('/dist/article-widget.awe').then((r) => r.arrayBuffer()),
]).then(() => {
  document.getElementById('out').append(document.getElementById('article').content.cloneNode(true));
  window.__mark();
});
`;

export function floorPage(html) {
  return `${HEAD}
<template id="article">${html}</template>
<script src="floor.js"></script>
<article id="out"></article></main>`;
}

// The frame the widget builds (web/src/frame.js) around `html`.
const framed = (html) => `<div class="aw-frame" data-theme="auto" data-view="article" data-state="ready"><div class="aw-container" part="container">${html}</div></div>`;

export function styledStaticPage(html, css) {
  // The host's rules on a wrapper (the widget's other rules match the
  // same markup in the page as in a shadow root).
  const light = css.replace(/:host\(([^)]*)\)/g, '.aw-host$1').replace(/:host/g, '.aw-host');
  return `${withHead(`<style>${light}</style>`)}
<div class="aw-host">${framed(html)}</div>
<script>window.__mark();</script></main>`;
}

// The shadow root the widget builds (web/src/frame.js) around `html`, as
// the HTML parser attaches it. The mark waits for a linked stylesheet:
// Firefox paints the shadow root's content before it has loaded.
export function declarativePage(html, { stylesheet, preload = false, css } = {}) {
  const style = stylesheet ? `<link rel="stylesheet" href="${stylesheet}">` : css ? `<style>${css}</style>` : '';
  const head = preload ? withHead(`<link rel="preload" as="style" href="${stylesheet}">`) : HEAD;
  return `${head}
<article-widget view="article"><template shadowrootmode="open">${style}${framed(html)}</template></article-widget>
<script>{
  const link = document.querySelector('article-widget').shadowRoot.querySelector('link');
  if (!link || link.sheet) window.__mark();
  else link.addEventListener('load', () => window.__mark());
}</script></main>`;
}

export function prerenderedPage(element, script) {
  return `${HEAD}
${element}
<script>window.__mark();</script>
<script src="/dist/${script}" async></script></main>`;
}
