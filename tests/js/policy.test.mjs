// The safety policy's exact outputs through the shim (render() of the wasm
// module), read back the way a browser reads them: the HTML by parse5 (the
// HTML standard's tree construction, character references included), URLs
// by Node's URL (the WHATWG URL parser browsers implement).
//
//   node --test tests/js/policy.test.mjs   (AW_DIST)

import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { parseFragment } from 'parse5';

import { URL_READINGS, markdownDestination } from '../browser/hostile-corpus.mjs';
import { importShim } from './helpers.mjs';

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

test('URLs are decided and written as the WHATWG URL parser reads them (Node\'s URL)', () => {
  for (const [, url, refusal] of URL_READINGS) {
    const markdown = `[x](${markdownDestination(url)})`;
    const a = elements(aw.render(markdown)).find((e) => e.tag === 'a');
    const what = `${JSON.stringify(url)} (${markdown})`;
    if (refusal) {
      assert.equal(a, undefined, `${what} is refused: ${refusal}`);
      const [secure, plain] = PAGES.map((page) => parse(url, page)?.host);
      assert.notEqual(secure, plain, `${what}: the refusal says the page's scheme changes the host`);
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
