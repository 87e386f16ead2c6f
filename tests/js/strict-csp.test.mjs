// The strict Content-Security-Policy that README.md and docs/security.md
// print is, directive for directive, the one the browser tests serve
// (STRICT_CSP of tests/browser/harness.mjs): the policy a site copies is
// the one proven to give no violation.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';

import { STRICT_CSP } from '../browser/harness.mjs';
import { REPO } from './helpers.mjs';

// ['default-src \'none\'', ...]: a policy's directives, spaces tidied.
const directives = (policy) => policy.split(';').map((d) => d.trim().split(/\s+/).join(' ')).filter(Boolean);

// The directives of each code block in `text` that is a
// Content-Security-Policy header (written over several lines).
function printedPolicies(text) {
  return [...text.matchAll(/^```\n(Content-Security-Policy:[^`]*)```$/gm)]
    .map((m) => directives(m[1].slice('Content-Security-Policy:'.length)));
}

test('the strict CSP of README.md and docs/security.md is the one the browser tests serve', () => {
  for (const file of ['README.md', join('docs', 'security.md')]) {
    const printed = printedPolicies(readFileSync(join(REPO, file), 'utf8'));
    assert.equal(printed.length, 1, `${file} prints the policy once`);
    assert.deepEqual(printed[0], directives(STRICT_CSP), `${file} and tests/browser/harness.mjs`);
  }
});
