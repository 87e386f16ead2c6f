// The safety policy's exact outputs through the shim (render() of the wasm
// module), read back the way a browser reads them: the HTML by parse5 (the
// HTML standard's tree construction, character references included), URLs
// by Node's URL (the WHATWG URL parser browsers implement).
//
//   node --test tests/js/policy.test.mjs   (AW_DIST)

import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { parseFragment } from 'parse5';

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
