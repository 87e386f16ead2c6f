// The safety policy's exact outputs through the shim (render() of the wasm
// module), read back the way a browser reads them: the HTML by parse5 (the
// HTML standard's tree construction, character references included), URLs
// by Node's URL (the WHATWG URL parser browsers implement).
//
//   node --test tests/js/policy.test.mjs   (AW_DIST)

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { parseFragment } from 'parse5';

import { hostileCorpus, urlReadings } from '../browser/hostile-corpus.mjs';
import { conformancePaths, renderNative } from '../conformance/conformance.mjs';
import { CLI, importShim, requireFile } from './helpers.mjs';

let aw;
before(async () => {
  aw = await importShim();
});

// Every element of the rendered fragment, as { tag, attrs: {name: value}, text }.
function elements(html) {
  const found = [];
  const textOf = (node) => (node.nodeName === '#text' ? node.value : (node.childNodes ?? []).map(textOf).join(''));
  const walk = (node) => {
    for (const child of node.childNodes ?? []) {
      if (!child.tagName) continue;
      found.push({ tag: child.tagName, attrs: Object.fromEntries(child.attrs.map((a) => [a.name, a.value])), text: textOf(child) });
      walk(child);
    }
  };
  walk(parseFragment(html));
  return found;
}

test('a code block\'s class is "language-" and one token, however whitespace is spelled', () => {
  for (const ws of ['&#32;', '&#x20;', '&Tab;', '&NewLine;', '&#12;', '&#13;']) {
    const code = elements(aw.render(`\`\`\`js${ws}aw-title aw-live\ncode\n\`\`\``)).find((e) => e.tag === 'code');
    assert.equal(code.attrs.class, 'language-js', `js${ws}aw-title`);
  }
  const bare = elements(aw.render('```&#32;aw-live\ncode\n```')).find((e) => e.tag === 'code');
  assert.equal(bare.attrs.class, undefined, 'no language, no class');
});

// Two pages of different schemes: what is written must mean one URL on both.
const PAGES = ['https://news.example/world/article.html', 'http://news.example/world/article.html'];

// Percent-encoding of printable ASCII undone: CommonMark encodes some
// characters ('[', '|', '\\' in a query) that the URL parser leaves as
// they are; the URL is the same to any server.
function canonical(href) {
  return href.replace(/%([2-7][0-9A-F])/gi, (m, hex) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return ch === '%' || ch === '/' || ch === '?' || ch === '#' ? m : ch;
  });
}

function parse(url, base) {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

test('URLs are decided and written as the WHATWG URL parser reads them (Node\'s URL), named references too', () => {
  for (const { url, markdown, refusal } of urlReadings()) {
    const a = elements(aw.render(markdown)).find((e) => e.tag === 'a');
    const what = `${JSON.stringify(url)} (${markdown})`;
    if (refusal) {
      assert.equal(a, undefined, `${what} is refused: ${refusal}`);
      if (refusal.includes('page\'s scheme')) {
        const [secure, plain] = PAGES.map((page) => parse(url, page)?.host);
        assert.notEqual(secure, plain, `${what}: the refusal says the page's scheme changes the host`);
      }
      continue;
    }
    assert.ok(a, `${what} is kept`);
    const href = a.attrs.href;
    for (const page of PAGES) {
      const authors = parse(url, page);
      const ours = parse(href, page);
      assert.ok(ours, `${what}: written ${JSON.stringify(href)} does not parse on ${page}`);
      assert.ok(authors, `${what} does not parse on ${page}: not a table entry for kept URLs`);
      assert.equal(canonical(ours.href), canonical(authors.href), `${what}: written ${JSON.stringify(href)}, on ${page}`);
      // A link that leaves the page's origin is marked; one that is
      // marked names a host in what is written.
      const leaves = ['http:', 'https:'].includes(authors.protocol) && authors.origin !== new URL(page).origin;
      const marked = a.attrs.rel === 'noopener noreferrer';
      if (leaves) assert.ok(marked, `${what} goes to ${authors.host} without rel`);
      if (marked) assert.match(href, /^(https?:)?\/\//i, `${what}: rel on ${JSON.stringify(href)}`);
      if (!marked && ['http:', 'https:'].includes(ours.protocol)) {
        assert.equal(ours.origin, new URL(page).origin, `${what}: ${JSON.stringify(href)} leaves the page without rel`);
      }
    }
  }
});

test('an IPv6 host keeps its brackets; \\\\host is written as the //host a browser goes to', () => {
  const hrefOf = (markdown) => elements(aw.render(markdown)).find((e) => e.tag === 'a')?.attrs;
  assert.deepEqual(hrefOf('[x](http://[::1]:8080/)'), { href: 'http://[::1]:8080/', rel: 'noopener noreferrer' });
  assert.deepEqual(hrefOf('[x](\\\\\\\\evil.example/x)'), { href: '//evil.example/x', rel: 'noopener noreferrer' });
  assert.deepEqual(hrefOf('[x](https:\\\\\\\\host)'), { href: 'https://host', rel: 'noopener noreferrer' });
  assert.deepEqual(hrefOf('[call us](tel:+1-555-0100)'), { href: 'tel:+1-555-0100' });
  assert.deepEqual(hrefOf('[text us](sms:+15550100)'), { href: 'sms:+15550100' });
  assert.equal(elements(aw.render('![x](tel:+15550100)')).find((e) => e.tag === 'img'), undefined, 'no tel: image');
});

test('an image from another site is fetched with no Referer; one from the page\'s own site as usual', () => {
  const img = (markdown) => elements(aw.render(markdown)).find((e) => e.tag === 'img').attrs;
  assert.equal(img('![m](https://cdn.example/m.png)').referrerpolicy, 'no-referrer');
  assert.equal(img('![m](//cdn.example/m.png)').referrerpolicy, 'no-referrer');
  assert.equal(img('![m](/images/m.png)').referrerpolicy, undefined);
});

test('heading ids leave out what a reader cannot see: bidi controls, zero-width characters, separators', () => {
  const ids = (markdown) => elements(aw.render(markdown)).filter((e) => /^h[1-6]$/.test(e.tag)).map((e) => e.attrs.id);
  assert.deepEqual(ids('# a\u202Eb\u2066c\u2069d\u200Fe\n\n# f\u200Bg\u200Dh\uFEFFi\u00ADj\n\n# k\u2028l\u2029m\u00A0n'),
    ['abcde', 'fghij', 'k-l-m-n']);
  assert.deepEqual(ids('# \u200B\u202E'), ['section']);
});

test('aw-render --id-prefix starts every heading id with the prefix, and refuses one that is not plain', () => {
  requireFile(CLI, 'run scripts/build (or set AW_CLI)');
  const dir = mkdtempSync(join(tmpdir(), 'aw-policy-'));
  const file = join(dir, 'page.md');
  writeFileSync(file, '# Config\n\n## Config\n');
  const run = (...args) => spawnSync(CLI, args, { encoding: 'utf8' });
  const ok = run('--markdown', file, '--id-prefix', 'aw-');
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stdout, '<h1 id="aw-config">Config</h1>\n<h2 id="aw-config-1">Config</h2>\n');
  for (const bad of ['a"b', 'a b', 'é', 'x'.repeat(33)]) {
    const refused = run('--markdown', file, '--id-prefix', bad);
    assert.equal(refused.status, 2, bad);
    assert.match(refused.stderr, /--id-prefix takes up to 32 ASCII letters, digits, '-' and '_'/);
    assert.equal(refused.stdout, '');
  }
  const elsewhere = run('--slug', 'x', '--id-prefix', 'aw-');
  assert.equal(elsewhere.status, 2);
  assert.match(elsewhere.stderr, /--id-prefix goes with --markdown/);
});

test('render(markdown, { idPrefix }) is aw-render --markdown --id-prefix; a prefix that is not plain is refused', () => {
  const md = '# Config\n\n## Config\n';
  assert.equal(aw.render(md, { idPrefix: 'aw-' }), '<h1 id="aw-config">Config</h1>\n<h2 id="aw-config-1">Config</h2>\n');
  assert.equal(aw.render(md, { idPrefix: 'aw-', headingLevel: 2 }), '<h2 id="aw-config">Config</h2>\n<h3 id="aw-config-1">Config</h3>\n');
  assert.equal(aw.render(md), '<h1 id="config">Config</h1>\n<h2 id="config-1">Config</h2>\n', 'no prefix by default');
  for (const bad of ['a"b', 'a b', 'é', 'x'.repeat(33), 'a\u0000b']) {
    assert.throws(() => aw.render(md, { idPrefix: bad }), (err) => err.code === 'render-failed'
      && err.message === "[article-widget] the id prefix must be up to 32 ASCII letters, digits, '-' and '_'", JSON.stringify(bad));
  }
  assert.equal(aw.render('*still fine*'), '<p><em>still fine</em></p>\n');
});

test('the hostile corpus, in C (aw-render-batch) and in wasm: the same bytes, and every URL safe to Node\'s URL parser', () => {
  const corpus = hostileCorpus();
  const native = renderNative(conformancePaths().driver, corpus.map((c) => c[2]));
  let kept = 0;
  corpus.forEach(([source, place, markdown], i) => {
    const html = aw.render(markdown);
    assert.equal(native[i].html, html, `native and wasm differ on ${source} ${place}: ${JSON.stringify(markdown)}`);
    for (const { tag, attrs } of elements(html)) {
      for (const name of ['href', 'src'].filter((n) => n in attrs)) {
        const allowed = name === 'href' ? ['http:', 'https:', 'mailto:', 'tel:', 'sms:'] : ['http:', 'https:'];
        const url = parse(attrs[name], PAGES[0]);
        assert.ok(!url || allowed.includes(url.protocol), `<${tag} ${name}=${JSON.stringify(attrs[name])}> from ${source} ${place}: ${JSON.stringify(markdown)}`);
        kept++;
      }
    }
  });
  assert.ok(kept > 50, `only ${kept} URLs kept: the check would be vacuous`);
});

test('named references: written through in text and attributes for the browser to decode', () => {
  const [p] = elements(aw.render('caf&eacute; &amp; cr&egrave;me &copy; &#233; &MadeUp;'));
  assert.equal(p.text, 'caf\u00e9 & cr\u00e8me \u00a9 \u00e9 &MadeUp;');
  const a = elements(aw.render('[x](/f&ouml;&ouml; "f&ouml;&ouml; &amp; co")')).find((e) => e.tag === 'a');
  assert.deepEqual(a.attrs, { href: '/f\u00f6\u00f6', title: 'f\u00f6\u00f6 & co' });
  const code = elements(aw.render('```f&ouml;&ouml;\nx\n```')).find((e) => e.tag === 'code');
  assert.equal(code.attrs.class, 'language-f\u00f6\u00f6');
  const h = elements(aw.render('# Cr&egrave;me br&ucirc;l&eacute;e\n\n# Cr\u00e8me br\u00fbl\u00e9e')).filter((e) => e.tag === 'h1');
  assert.deepEqual(h.map((e) => e.attrs.id), ['cr\u00e8me-br\u00fbl\u00e9e', 'cr\u00e8me-br\u00fbl\u00e9e-1'], 'the same id as for the typed text');
});
