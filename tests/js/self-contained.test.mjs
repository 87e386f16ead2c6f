// The repository is the whole project: a clone with nothing beside it must
// build and pass. This fails when a tracked file reaches outside the
// checkout through a relative path (../something that climbs above the
// repository root, from the file's folder and from the root alike) or
// names the folder a checkout happens to sit in.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import test from 'node:test';

import { REPO } from './helpers.mjs';

const TEXT = /\.(c|h|cmake|txt|mjs|js|json|md|ts|html|css|sh)$|(^|\/)(CMakeLists\.txt|run|setup|build|test|serve|pack|bench|fuzz|fetch-md4c)$/;
const CLIMB = /(?:\.\.\/)+[\w.-]+/g;

function trackedTextFiles() {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' });
  return out.split('\0').filter((f) => f && TEXT.test(f) && !f.endsWith('package-lock.json'));
}

function outside(path) {
  const rel = relative(REPO, path);
  return rel === '..' || rel.startsWith('..' + sep);
}

// Every "../x" in `text` that climbs out of the repository whether it is
// read from `file`'s folder or from the repository root.
export function escapes(file, text) {
  const found = [];
  for (const m of text.matchAll(CLIMB)) {
    const fromFile = resolve(REPO, dirname(file), m[0]);
    const fromRoot = resolve(REPO, m[0]);
    if (outside(fromFile) && outside(fromRoot)) found.push(`${file}: ${m[0]}`);
  }
  return found;
}

test('the checker sees a path that climbs out of the repository', () => {
  // Assembled, so that this file does not itself hold what it looks for.
  const outside = ['..', '..', '..', 'shared'].join('/');
  assert.deepEqual(escapes('tests/js/x.mjs', `readFileSync('${outside}/seed/article.txt')`),
    [`tests/js/x.mjs: ${outside}`]);
  assert.deepEqual(escapes('tests/js/x.mjs', "new URL('../../content/a.md', import.meta.url)"), []);
});

test('no tracked file reads anything outside the repository', () => {
  const problems = [];
  for (const file of trackedTextFiles()) {
    if (file === 'tests/js/self-contained.test.mjs') continue; // its own examples
    const text = readFileSync(join(REPO, file), 'utf8');
    problems.push(...escapes(file, text));
    if (/\.\.\/shared\b|\/work\/(main|shared)\b/.test(text)) problems.push(`${file}: names a folder outside the checkout`);
  }
  assert.deepEqual(problems, []);
});
