// The benchmark's inputs, generated the same way on every run (no
// randomness that is not seeded, no network):
//   article   the seed article's Markdown (content/, front matter removed)
//   spec      every CommonMark example of md4c's test/spec.txt, concatenated
//   spec-1mb  that text repeated to 1 MiB
//   news-20kb a 20 KB news article: headings, emphasis, links, lists,
//             quotes, a table, code, typographic punctuation

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEED_FILE = 'content/china-offers-military-aid-to-mali.md';

// md4c's spec.txt as unpacked by the build (any preset).
export function findSpec(repo) {
  for (const preset of ['native', 'wasm', 'asan']) {
    const deps = join(repo, 'build', preset, '_deps', 'md4c');
    if (!existsSync(deps)) continue;
    for (const dir of readdirSync(deps)) {
      const spec = join(deps, dir, 'test', 'spec.txt');
      if (existsSync(spec)) return spec;
    }
  }
  throw new Error('md4c test/spec.txt not found under build/*/_deps: run scripts/build first');
}

function stripFrontMatter(text) {
  const m = /^---\n[\s\S]*?\n---\n/.exec(text);
  return m ? text.slice(m[0].length).replace(/^\n+/, '') : text;
}

// The Markdown of each example (the part before the lone "."), with the
// spec's → written back as the tab it stands for.
export function specExamples(specText) {
  const fence = '```````````````````````````````` example';
  const examples = [];
  const lines = specText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== fence) continue;
    const md = [];
    for (i++; i < lines.length && lines[i] !== '.'; i++) md.push(lines[i]);
    examples.push(md.join('\n').replace(/→/g, '\t'));
  }
  return examples;
}

// A small seeded generator (xorshift32): the same "random" article every run.
function generator(seed) {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x % n;
  };
}

const WORDS = ('the government said on tuesday that its forces had taken control of the northern '
  + 'region after weeks of fighting with rebels who seized towns in the spring officials '
  + 'in the capital told reporters aid agencies warned of shortages of food and water '
  + 'while neighbouring countries met to discuss a regional force analysts expect talks '
  + 'to continue into next month as diplomats press for a political settlement').split(' ');
const NAMES = ['Bamako', 'Dakar', 'Niamey', 'Abuja', 'Beijing', 'Paris', 'Brussels', 'Ouagadougou'];

function sentence(rand) {
  const n = 8 + rand(14);
  const words = [];
  for (let i = 0; i < n; i++) {
    let w = WORDS[rand(WORDS.length)];
    const style = rand(40);
    if (style === 0) w = `*${w}*`;
    else if (style === 1) w = `**${w}**`;
    else if (style === 2) w = `[${NAMES[rand(NAMES.length)]}](https://example.org/news/${w}-${rand(1000)})`;
    else if (style === 3) w = `\`${w}\``;
    else if (style === 4) w = `“${w}”`;
    else if (style === 5) w = NAMES[rand(NAMES.length)];
    words.push(w);
  }
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + (rand(6) === 0 ? ' — he said.' : '.');
}

function paragraph(rand) {
  const n = 2 + rand(4);
  const out = [];
  for (let i = 0; i < n; i++) out.push(sentence(rand));
  return out.join(' ');
}

export function newsArticle(targetBytes = 20 * 1024) {
  const rand = generator(20121026);
  const parts = ['# Regional leaders meet as the crisis in the north deepens', '', paragraph(rand), ''];
  let section = 1;
  while (Buffer.byteLength(parts.join('\n')) < targetBytes) {
    parts.push(`## ${section++}. ${sentence(rand).replace(/[*`[\]()]/g, '')}`, '');
    for (let p = 0; p < 3; p++) parts.push(paragraph(rand), '');
    switch (section % 4) {
    case 0:
      for (let i = 0; i < 4; i++) parts.push(`- ${sentence(rand)}`);
      parts.push('');
      break;
    case 1:
      parts.push(`> ${paragraph(rand)}`, '>', `> — ${NAMES[rand(NAMES.length)]} &amp; partners`, '');
      break;
    case 2:
      parts.push('| City | Displaced | Change |', '| --- | ---: | :---: |');
      for (let i = 0; i < 4; i++) parts.push(`| ${NAMES[rand(NAMES.length)]} | ${rand(90000)} | ${rand(40) - 20}% |`);
      parts.push('');
      break;
    default:
      parts.push('```text', `timeline: ${sentence(rand)}`, `source: ${NAMES[rand(NAMES.length)]}`, '```', '');
    }
  }
  return parts.join('\n');
}

function repeatTo(text, bytes) {
  const unit = Buffer.byteLength(text + '\n\n');
  return (text + '\n\n').repeat(Math.max(1, Math.floor(bytes / unit)));
}

// [{ name, label, text, bytes }]
export function loadInputs(repo) {
  const article = stripFrontMatter(readFileSync(join(repo, SEED_FILE), 'utf8'));
  const spec = specExamples(readFileSync(findSpec(repo), 'utf8')).join('\n\n');
  const inputs = [
    // article: what the widget renders (issue 12 asks more of it there).
    { name: 'article', label: 'Seed article', text: article, article: true },
    { name: 'news-20kb', label: '20 KB article', text: newsArticle(), article: true },
    { name: 'spec', label: 'CommonMark examples', text: spec },
    { name: 'spec-1mb', label: 'Examples to 1 MiB', text: repeatTo(spec, 1 << 20) },
  ];
  for (const input of inputs) input.bytes = Buffer.byteLength(input.text);
  return inputs;
}
