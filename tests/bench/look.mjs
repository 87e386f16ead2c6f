#!/usr/bin/env node
// What the widget's look costs at first paint: the seed article as static
// HTML (no style) against the same HTML with the widget's stylesheet in
// the page (no shadow root: the look alone), and in a hand-written
// declarative shadow root (pages.mjs), unstyled, with the widget's
// stylesheet linked or inline, and with variants of the linked
// stylesheet that each leave one property out, in Chromium and Firefox ESR (paint.mjs: a fresh
// context per load, pages alternating, medians). Issue 18 asks for the
// linked page within 1.10x static.
//
//   node tests/bench/look.mjs [--runs N] [--width PX] [--css FILE] [--only a,b]
//                             [--variants inline|linked]   (AW_ENGINES, AW_DIST)
//
// --css measures another stylesheet (default web/src/widget.css, the one
// the build inlines), e.g. an older one from git show; --only keeps the
// pages whose label names one of them (static is always kept); the
// variants are inline (default: what a pre-rendered widget carries) or
// linked. Prints,
// per engine and page, in ms, the median and the least of the runs from
// the page's first script to the frame that shows the article with its
// stylesheet loaded ("painted"), of one more layout of the article
// ("layout again", below), their ratios to static, and the median LCP
// (from navigation start; Firefox's may be an unstyled paint, before the
// linked stylesheet has loaded). Not a test: the figures depend on the
// machine.

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { declarativePage, staticPage, styledStaticPage } from './pages.mjs';
import { measure, medianRatio, serve } from './paint.mjs';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DIST = resolve(process.env.AW_DIST || join(REPO, 'dist'));
const SLUG = 'china-offers-military-aid-to-mali';

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
}
const RUNS = Number(option('--runs', 15));
const WIDTH = Number(option('--width', 1280));
const CSS_FILE = resolve(option('--css', join(REPO, 'web', 'src', 'widget.css')));
const ONLY = option('--only', '').split(',').filter(Boolean);
const VARIANTS_SHAPE = option('--variants', 'inline');
if (!['inline', 'linked'].includes(VARIANTS_SHAPE)) throw new Error('--variants takes inline or linked');

// The stylesheet without every declaration of `property` (its value
// matching `value`, when given); refuses a stylesheet it does not change,
// which would measure nothing.
function without(property, value = /[^;]*/) {
  return (css) => {
    const declaration = new RegExp(`^\\s*${property}:\\s*(?:${value.source});[^\\n]*\\n`, 'gm');
    const out = css.replace(declaration, '');
    if (out === css) throw new Error(`the stylesheet has no "${property}" declaration to leave out`);
    return out;
  };
}

// Every clamp() (fluid sizes) replaced by its smallest value.
function withoutClamp(css) {
  const out = css.replace(/clamp\(([^,]+),[^;]*?\)\)/g, '$1)').replace(/clamp\(([^,]+),[^;]*?\);/g, '$1;');
  if (out === css) throw new Error('the stylesheet has no clamp() to leave out');
  return out;
}

const VARIANTS = {
  'no hyphens': without('hyphens', /auto/),
  'no text-wrap': without('text-wrap'),
  'no hyphens, no text-wrap': (css) => without('text-wrap')(without('hyphens', /auto/)(css)),
  'no clamp()': withoutClamp,
  'no container-type': without('container-type'),
  'no transition': without('transition'),
  'no color-mix()': (css) => {
    const out = css.replace(/color-mix\(in srgb, var\(--_text\) (\d+)%, transparent\)/g, 'rgb(0 0 0 / $1%)');
    if (out === css) throw new Error('the stylesheet has no color-mix() to leave out');
    return out;
  },
};

// In the page, once painted: the article laid out again and again at two
// widths a few pixels apart (line breaking, hyphenation and balancing done
// again; no new style, no new shaping), timed in batches: the least batch's
// time per layout. CPU work inside one task, so a shared machine's load
// moves it far less than the paint time; what a property costs each time
// the article is laid out (not its one-time costs, such as loading a
// hyphenation dictionary, which only the paint time sees).
function relayout() {
  const el = document.querySelector('article-widget, main > article, main > .aw-host');
  const wide = Math.min(600, window.innerWidth - 40);
  const per = [];
  for (let batch = 0; batch < 5; batch++) {
    const start = performance.now();
    for (let i = 0; i < 40; i++) {
      el.style.width = `${wide - 7 * (i % 2)}px`;
      void el.offsetHeight;
    }
    per.push((performance.now() - start) / 40);
  }
  el.style.width = '';
  return { relayout: Math.min(...per) };
}

const css = readFileSync(CSS_FILE, 'utf8');
const { ready, renderView } = await import(pathToFileURL(join(DIST, 'article-widget.node.mjs')).href);
await ready;
const html = renderView(SLUG, 'article');

// label -> [page name, HTML]; files: stylesheet name -> text.
const files = { 'widget.css': css };
const rows = [
  ['static HTML (no style)', 'static.html', staticPage(html)],
  ['the stylesheet in the page, no shadow root', 'light-styled.html', styledStaticPage(html, css)],
  ['shadow root, no style', 'dsd-unstyled.html', declarativePage(html)],
  ['shadow root, stylesheet linked', 'dsd-linked.html', declarativePage(html, { stylesheet: '/css/widget.css' })],
  ['shadow root, stylesheet linked and preloaded', 'dsd-preloaded.html',
    declarativePage(html, { stylesheet: '/css/widget.css', preload: true })],
  ['shadow root, stylesheet inline', 'dsd-inline.html', declarativePage(html, { css })],
];
for (const [label, change] of Object.entries(VARIANTS)) {
  let variant;
  try {
    variant = change(css);
  } catch (err) {
    console.log(`(${label}: skipped, ${err.message})`);
    continue;
  }
  const name = `variant-${rows.length}`;
  files[`${name}.css`] = variant;
  rows.push([`${VARIANTS_SHAPE}, ${label}`, `${name}.html`, VARIANTS_SHAPE === 'inline'
    ? declarativePage(html, { css: variant }) : declarativePage(html, { stylesheet: `/css/${name}.css` })]);
}
const kept = rows.filter(([label, name]) => name === 'static.html' || ONLY.length === 0
  || ONLY.some((o) => label.includes(o)));

const server = await serve({
  roots: { '/dist/': DIST },
  pages: Object.fromEntries(kept.map(([, name, page]) => [name, page])),
  files: Object.fromEntries(Object.entries(files).map(([name, text]) => [`/css/${name}`, text])),
});
console.log(`look: ${RUNS} runs, viewport ${WIDTH}x800, load average ${loadavg()[0].toFixed(1)}, ${CSS_FILE}`);
let result;
try {
  result = await measure({
    base: server.base, pages: kept.map(([, name]) => name), runs: RUNS, viewport: { width: WIDTH, height: 800 }, probe: relayout,
  });
} finally {
  server.close();
}

// Medians, and the least of the runs beside them (on a shared machine the
// least is the load's smallest share); the ratio is the median of each
// round's ratio.
const engines = Object.entries(result.engines);
const ms = (s) => (s ? `${s.median.toFixed(1)} (${s.min.toFixed(1)})` : '-');
const ratio = (s, base) => medianRatio(s, base).toFixed(2);
for (const [engine, r] of engines) {
  if (r.error) {
    console.log(`\n${engine}: not run: ${r.error}`);
    continue;
  }
  const base = r.pages['static.html'];
  console.log(`\n${engine}: median (least) of ${RUNS} loads, ms; x static: the median of each round's ratio`);
  console.log('\n| Page | Painted | x static | Layout again | x static | LCP |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, name] of kept) {
    const p = r.pages[name];
    console.log(`| ${label} | ${ms(p.painted)} | ${ratio(p.painted, base.painted)} | ${ms(p.relayout)} | ${ratio(p.relayout, base.relayout)} | ${p.lcp ? p.lcp.median.toFixed(0) : '-'} |`);
  }
}
