// What the types, the element manifest and the docs tell site owners about
// the shim, held to the one place each fact is defined: error codes to
// web/src/errors.js, views and link targets to web/src/abi.js (itself held
// to the C headers by abi.test.mjs), the input limit to abi.js's
// MAX_INPUT_BYTES. Each check fails when a copy drifts.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { LINK_TARGETS, MAX_INPUT_BYTES, STATUS_ERROR_CODES, VIEWS } from '../../web/src/abi.js';
import { ERROR_CODES } from '../../web/src/errors.js';
import { REPO } from './helpers.mjs';

const read = (...path) => readFileSync(join(REPO, ...path), 'utf8');
const dts = read('web', 'src', 'article-widget.d.ts');
const readme = read('README.md');

// The members of a TypeScript union of string literals: "'a' | 'b'".
const union = (text) => [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]);

test('error codes: the .d.ts ErrorCode and the README table are errors.js\'s', () => {
  const type = /export type ErrorCode =([^;]*);/.exec(dts);
  assert.ok(type, 'ErrorCode in article-widget.d.ts');
  assert.deepEqual(union(type[1]), ERROR_CODES);
  // The README's table of codes: the rows after its "| `code` | Meaning |" header.
  const table = /^\| `code` \| Meaning \|\n\| --- \| --- \|\n((?:\|.*\n)+)/m.exec(readme);
  assert.ok(table, 'the error table in README.md');
  const rows = [...table[1].matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual([...rows].sort(), [...ERROR_CODES].sort());
  for (const code of Object.values(STATUS_ERROR_CODES)) assert.ok(ERROR_CODES.includes(code), code);
});

test('views and link targets: the .d.ts, custom-elements.json and the README list abi.js\'s', () => {
  assert.deepEqual(union(/export type View = ([^;]*);/.exec(dts)[1]), Object.keys(VIEWS));
  assert.deepEqual(union(/linkTarget\?: ([^;]*);/.exec(dts)[1]), Object.keys(LINK_TARGETS));
  const manifest = JSON.parse(read('web', 'src', 'custom-elements.json'));
  const attributes = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => d.attributes ?? []);
  const type = (name) => union(attributes.find((a) => a.name === name).type.text);
  assert.deepEqual(type('view'), Object.keys(VIEWS));
  assert.deepEqual(type('link-target'), Object.keys(LINK_TARGETS));
  // The README's attribute table names the same values.
  const values = (attribute) => {
    const row = new RegExp(`^\\| \`${attribute}\` \\| ([^|]*)\\|`, 'm').exec(readme);
    assert.ok(row, `the ${attribute} row of README.md`);
    return [...row[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort();
  };
  assert.deepEqual(values('view'), Object.keys(VIEWS).sort());
  assert.deepEqual(values('link-target'), Object.keys(LINK_TARGETS).sort());
});

test('the input limit: the README and docs/security.md say MAX_INPUT_BYTES', () => {
  const mib = `${MAX_INPUT_BYTES / (1024 * 1024)} MiB`;
  assert.match(readme, new RegExp(`^\\| \`input-too-large\` \\| Markdown over the module's ${mib} limit \\|$`, 'm'));
  assert.match(read('docs', 'security.md'), new RegExp(`^- Markdown over ${mib} is refused with \`input-too-large\``, 'm'));
});
