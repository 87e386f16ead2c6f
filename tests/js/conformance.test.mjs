// md4c 0.5.2's conformance files through our renderer, native and wasm
// (tests/conformance/conformance.mjs): no undeclared difference, no stale
// declaration, native and wasm byte-identical. Prints the totals per file.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { conformancePaths, formatTotals, runConformance } from '../conformance/conformance.mjs';
import { importShim } from './helpers.mjs';

test('md4c conformance files: every difference from the expected HTML is declared', async (t) => {
  const totals = runConformance({ ...conformancePaths(), shim: await importShim() });
  for (const line of formatTotals(totals).split('\n')) t.diagnostic(line);
  const problems = totals.flatMap((r) => r.problems);
  assert.equal(problems.length, 0, problems.join('\n'));
  assert.ok(totals.find((r) => r.file === 'spec.txt').passed > 500, 'spec.txt ran');
});
