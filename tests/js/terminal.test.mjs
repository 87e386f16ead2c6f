// What the package's command prints is printable (web/cli/terminal.js):
// the rule of src/printable.c, which builds the content messages, applied
// to everything else it prints (file names, its own messages). The two are
// held to each other through the built content packer: a key quoted in its
// message comes out as terminal.js writes it.
//
//   node --test tests/js/terminal.test.mjs   (AW_DIST)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { printable, terminalLines } from '../../web/cli/terminal.js';
import { STATUS_CONTENT } from '../../web/node/content-abi.js';
import { DIST, requireFile } from './helpers.mjs';

// What the review found: retitle the terminal, wipe the line, return to
// its start, print a fake verdict.
const ATTACK = 'a\x1B]0;owned\x07\x1B[2K\rall good';

test('controls and invisible formatting characters are escaped; other text is kept', () => {
  assert.equal(printable(ATTACK), 'a\\x1B]0;owned\\x07\\x1B[2K\\x0Dall good');
  assert.equal(printable('\t\n\x7F\x01'), '\\x09\\x0A\\x7F\\x01');
  assert.equal(printable('\u009B31m'), '\\x9B31m');
  assert.equal(printable('abc\u202Efed'), 'abc\\u{202E}fed');
  assert.equal(printable('\u2066x\u2069'), '\\u{2066}x\\u{2069}');
  assert.equal(printable('\uFEFFtitle'), '\\u{FEFF}title');
  assert.equal(printable('a\u200Bb'), 'a\\u{200B}b');
  assert.equal(printable('\u{E0041}'), '\\u{E0041}');
  assert.equal(printable('x\uD800y'), 'x\uFFFDy', 'a lone surrogate');
  const kept = 'Café 日本 🌉 \\x1B \'q\' "q" \uFFFD';
  assert.equal(printable(kept), kept);
});

test('applying it twice changes nothing; lines stay lines', () => {
  const once = printable(`${ATTACK}\u202E\t\\x41`);
  assert.equal(printable(once), once);
  assert.equal(terminalLines(`one\x1B[2K\ntwo`), 'one\\x1B[2K\ntwo\n');
});

test('the packer (src/printable.c) quotes content exactly as terminal.js prints it', () => {
  const bytes = readFileSync(requireFile(join(DIST, 'article-widget-content.wasm'), 'run scripts/build (or set AW_DIST)'));
  const { exports: x } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
  x._initialize?.();
  const put = (data) => {
    const b = Buffer.from(data);
    const ptr = x.aw_alloc(b.length);
    new Uint8Array(x.memory.buffer, ptr, b.length).set(b);
    return [ptr, b.length];
  };
  const keys = [ATTACK, '\u202Etitle', '\uFEFFslug', 'a\u200Bb\u{E0041}', '\u0085\u009B', 'tab\there', 'Café 日本 🌉'];
  for (const key of keys) {
    x.aw_content_begin(...put('trending.md'), ...put('1. a\n'));
    assert.equal(x.aw_content_add_article(...put(`${key}.md`), ...put(`---\n${key}: x\n---\nText\n`)), STATUS_CONTENT);
    const message = Buffer.from(new Uint8Array(x.memory.buffer, x.aw_output_ptr(), x.aw_output_len())).toString();
    assert.equal(message, `${printable(`${key}.md`)}:2: unknown key '${printable(key)}' (known: title, slug, date, source, topics, summary)`);
  }
});
