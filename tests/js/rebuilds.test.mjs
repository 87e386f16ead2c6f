// The preview's rebuild queue (web/cli/rebuilds.js): a build that fails or
// never ends does not stop the ones after it, and changes that come during
// a build make exactly one more.
//
//   node --test tests/js/rebuilds.test.mjs

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';

import { createRebuilds } from '../../web/cli/rebuilds.js';

// Resolves once `check()` holds (polled), or fails after `ms`.
async function until(check, ms = 2000) {
  const end = Date.now() + ms;
  while (!check()) {
    assert.ok(Date.now() < end, 'timed out');
    await sleep(5);
  }
}

test('a build that never ends is given up, and the next change builds again', async () => {
  const started = [];
  let timeouts = 0;
  const rebuilds = createRebuilds(() => {
    started.push(Date.now());
    return started.length === 1 ? new Promise(() => {}) : Promise.resolve();
  }, { settleMs: 5, timeoutMs: 100, onTimeout: () => { timeouts++; } });
  const first = rebuilds.run();
  rebuilds.schedule(); // a change while the first hangs
  await first;
  assert.equal(timeouts, 1);
  await until(() => started.length === 2);
  assert.ok(started[1] - started[0] >= 100, 'the second waited for the first to be given up');
  rebuilds.schedule();
  await until(() => started.length === 3);
  rebuilds.close();
});

test('a build that fails does not stop the next', async () => {
  let runs = 0;
  const rebuilds = createRebuilds(async () => {
    runs++;
    throw new Error('bad content');
  }, { settleMs: 5, timeoutMs: 1000 });
  await rebuilds.run();
  rebuilds.schedule();
  await until(() => runs === 2);
  rebuilds.close();
});

test('changes during a build make one more build after it, not one each', async () => {
  let runs = 0;
  let release;
  const rebuilds = createRebuilds(() => {
    runs++;
    return runs === 1 ? new Promise((resolve) => { release = resolve; }) : Promise.resolve();
  }, { settleMs: 5, timeoutMs: 1000 });
  const first = rebuilds.run();
  for (let i = 0; i < 5; i++) {
    rebuilds.schedule();
    await sleep(10);
  }
  assert.equal(runs, 1, 'one at a time');
  release();
  await first;
  await until(() => runs === 2);
  await sleep(50);
  assert.equal(runs, 2);
  rebuilds.close();
});

test('after close(), nothing more runs', async () => {
  let runs = 0;
  const rebuilds = createRebuilds(async () => { runs++; }, { settleMs: 5 });
  rebuilds.schedule();
  rebuilds.close();
  await sleep(50);
  assert.equal(runs, 0);
});
