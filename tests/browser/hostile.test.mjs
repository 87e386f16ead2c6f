// The safety policy in a real browser: every input of hostile-corpus.mjs
// goes through ArticleWidget.render() into a live page (light DOM, the
// harshest place), once under the strict CSP of web/node/server.js and once
// with no CSP at all. Nothing may run: alert/confirm/prompt/print are traps
// that record into window.__pwned, and so is any CSP violation (a blocked
// inline handler or javascript: URL means one got through). Then the DOM is
// checked: only the renderer's own tags, attributes and classes (a code
// block's class is one token), and every href/src, read back through the
// browser's own URL parser, is http(s) (or mailto, tel, sms for links).
//
//   node --test tests/browser/hostile.test.mjs   (AW_DIST, AW_CHROMIUM)

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import { DIST, REPO, requireFile } from '../js/helpers.mjs';
import { DEFAULT_CSP, startServer } from '../../web/node/server.js';
import { hostileCorpus, urlReadings } from './hostile-corpus.mjs';
import { LAUNCH, T } from './harness.mjs';


// What the renderer writes (src/markdown_html.c), and nothing else.
const ALLOWED = {
  tags: ['a', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'input',
    'li', 'ol', 'p', 'pre', 'span', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul'],
  attributes: ['href', 'src', 'alt', 'title', 'rel', 'loading', 'referrerpolicy', 'id', 'class', 'type', 'disabled',
    'checked', 'start', 'align'],
  classes: ['task-list-item', 'task-list-item-checkbox', 'aw-long-run'],
};

const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile inputs</title>'
  + '<script src="/dist/article-widget.js"></script></head><body><main id="out"></main></body></html>';

let browser;
let server;
const corpus = hostileCorpus();

before(async () => {
  requireFile(join(DIST, 'article-widget.js'), 'run scripts/build (or set AW_DIST)');
  server = await startServer({ port: 0, root: REPO, dist: DIST });
  browser = await chromium.launch(LAUNCH);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Runs before any page script: the traps.
function installTraps() {
  window.__pwned = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => window.__pwned.push(`${name}(${args.join(',')})`);
  }
  document.addEventListener('securitypolicyviolation',
    (e) => window.__pwned.push(`CSP ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`), true);
}

// In the page: renders every input into its own <div data-input>, waits for
// images and handlers to have had their chance, and reports what it finds.
async function renderAndInspect({ inputs, allowed }) {
  await window.ArticleWidget.ready;
  const out = document.getElementById('out');
  inputs.forEach((markdown, i) => {
    const div = document.createElement('div');
    div.dataset.input = String(i);
    div.innerHTML = window.ArticleWidget.render(markdown);
    out.append(div);
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));

  const problems = [];
  let links = 0;
  let images = 0;
  for (const el of out.querySelectorAll('div[data-input] *')) {
    const input = el.closest('div[data-input]').dataset.input;
    const tag = el.localName;
    if (!allowed.tags.includes(tag)) problems.push(`input ${input}: <${tag}> in the DOM`);
    for (const { name } of el.attributes) {
      if (!allowed.attributes.includes(name)) problems.push(`input ${input}: <${tag} ${name}>`);
    }
    if (tag === 'input' && el.type !== 'checkbox') problems.push(`input ${input}: <input type=${el.type}>`);
    // A span only ever holds the text of a long run (src/run_breaks.h).
    if (tag === 'span' && (el.getAttribute('class') !== 'aw-long-run' || el.children.length > 0)) {
      problems.push(`input ${input}: <span> that is not a long run's text: ${el.outerHTML.slice(0, 80)}`);
    }
    // Classes as the browser splits them: a code block's is "language-" and
    // one token; the others are the task list's own.
    if (el.hasAttribute('class')) {
      const tokens = [...el.classList];
      const ok = tag === 'code'
        ? tokens.length === 1 && tokens[0].startsWith('language-') && tokens[0].length > 9
        : tokens.every((c) => allowed.classes.includes(c));
      if (!ok) problems.push(`input ${input}: <${tag} class=${JSON.stringify(el.getAttribute('class'))}>`);
    }
    for (const name of ['href', 'src']) {
      if (!el.hasAttribute(name)) continue;
      const protocol = new URL(el.getAttribute(name), document.baseURI).protocol;
      const ok = name === 'href' ? ['http:', 'https:', 'mailto:', 'tel:', 'sms:'] : ['http:', 'https:'];
      if (!ok.includes(protocol)) problems.push(`input ${input}: ${name} ${JSON.stringify(el.getAttribute(name))} is ${protocol}`);
    }
    links += tag === 'a';
    images += tag === 'img';
  }
  return { problems, pwned: window.__pwned, links, images, text: out.textContent.length };
}

// In the page: each URL of URL_READINGS as a link, compared with the same
// URL given to an <a> as an author's href: Chromium's own URL parser reads both.
async function readUrls({ readings }) {
  await window.ArticleWidget.ready;
  const canonical = (href) => href.replace(/%([2-7][0-9A-F])/gi, (m, hex) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return '%/?#'.includes(ch) ? m : ch;
  });
  const problems = [];
  for (const { url, markdown, refused } of readings) {
    const div = document.createElement('div');
    div.innerHTML = window.ArticleWidget.render(markdown);
    const a = div.querySelector('a');
    const what = `${JSON.stringify(url)}`;
    if (refused) {
      if (a) problems.push(`${what}: kept as ${a.getAttribute('href')}, should be refused`);
      continue;
    }
    if (!a) {
      problems.push(`${what}: refused`);
      continue;
    }
    const authors = document.createElement('a');
    authors.setAttribute('href', url);
    if (canonical(a.href) !== canonical(authors.href)) problems.push(`${what}: Chromium reads ${authors.href}, ours ${a.href}`);
    const leaves = ['http:', 'https:'].includes(authors.protocol) && authors.origin !== location.origin;
    if (leaves && a.rel !== 'noopener noreferrer') problems.push(`${what}: goes to ${authors.host} without rel`);
    if (a.rel && !/^(https?:)?\/\//i.test(a.getAttribute('href'))) problems.push(`${what}: rel on ${a.getAttribute('href')}`);
  }
  return problems;
}

async function run(csp, inspect = renderAndInspect, arg = { inputs: corpus.map((c) => c[2]), allowed: ALLOWED }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Only this server is reachable: images pointing elsewhere fail at once.
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== new URL(server.url).origin) return route.abort();
    if (url.pathname === '/hostile.html') {
      return route.fulfill({
        status: 200, contentType: 'text/html; charset=utf-8', body: PAGE, headers: csp ? { 'Content-Security-Policy': csp } : {},
      });
    }
    return route.continue();
  });
  await page.addInitScript(installTraps);
  await page.goto(new URL('/hostile.html', server.url).href);
  const report = await page.evaluate(inspect, arg);
  await context.close();
  return inspect === renderAndInspect ? { ...report, errors } : { problems: report, errors };
}

function describe(problems) {
  return problems.map((p) => {
    const m = /^input (\d+)/.exec(p);
    const entry = m ? corpus[Number(m[1])] : null;
    return entry ? `${p}  [${entry[0]}, ${entry[1]}: ${JSON.stringify(entry[2])}]` : p;
  }).join('\n');
}

test('the hostile corpus has at least 150 inputs, each cited', () => {
  assert.ok(corpus.length >= 150, `only ${corpus.length} inputs`);
  for (const [source] of corpus) assert.match(source, /^[A-Z0-9]+$/);
});

for (const [name, csp] of [['under the strict CSP', DEFAULT_CSP], ['with no CSP at all', null]]) {
  test(`hostile inputs through render() ${name}: nothing runs, only safe markup and URLs`, T, async (t) => {
    const report = await run(csp);
    t.diagnostic(`${corpus.length} inputs: ${report.links} links and ${report.images} images kept, all with safe URLs`);
    assert.deepEqual(report.errors, [], 'page errors');
    assert.deepEqual(report.pwned, [], 'something ran');
    assert.equal(report.problems.length, 0, describe(report.problems));
    // Not vacuous: the safe URL among the inputs still makes links and images.
    assert.ok(report.links > 0 && report.images > 0 && report.text > 1000);
  });
}

test('URLs as Chromium\'s own parser reads them: same URL written, rel where the link leaves the page', T, async () => {
  const readings = urlReadings().map(({ url, markdown, refusal }) => ({ url, markdown, refused: Boolean(refusal) }));
  const report = await run(DEFAULT_CSP, readUrls, { readings });
  assert.deepEqual(report.errors, [], 'page errors');
  assert.deepEqual(report.problems, []);
});
