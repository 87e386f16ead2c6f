// Content folders in the format of content/, for the tests and the
// benchmark of the package's command: written from a description, generated
// in bulk, or built from each malformed case of tests/c/CMakeLists.txt.

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { REPO } from './helpers.mjs';

// An article file: front matter, then the body.
function articleText(a) {
  const lines = ['---', `title: ${a.title}`, `slug: ${a.slug}`, `date: ${a.date}`];
  if (a.source) lines.push(`source: ${a.source}`);
  if (a.topics) lines.push(`topics: ${a.topics.join(', ')}`);
  if (a.summary) lines.push(`summary: ${a.summary}`);
  lines.push('---', '', a.body);
  return `${lines.join('\n')}\n`;
}

// Writes `articles` ([{ file, slug, title, date, source?, topics?, summary?,
// body }]) and trending.md listing `trending` (slugs) into `dir`.
export function writeContentFolder(dir, articles, trending) {
  mkdirSync(dir, { recursive: true });
  for (const a of articles) writeFileSync(join(dir, a.file ?? `${a.slug}.md`), articleText(a));
  writeFileSync(join(dir, 'trending.md'), `# Trending\n\n${trending.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n`);
}

// `count` article files of 2 to 20 KB each (sizes spread evenly, text
// from a fixed seed): headings, paragraphs with emphasis and links, lists,
// a table, a code block. The first five are trending.
export function generateArticles(dir, count = 100) {
  let seed = 13;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const words = ('the council harbour storm repairs fishing boats library hours budget vote school road bridge market '
    + 'river festival museum hospital train station weather report minister election court ruling energy prices')
    .split(' ');
  const pick = () => words[Math.floor(random() * words.length)];
  const sentence = () => {
    const n = 8 + Math.floor(random() * 12);
    const s = Array.from({ length: n }, (_, i) => (i === 3 ? `*${pick()}*` : i === 7 ? `[${pick()}](https://example.com/${pick()})` : pick()));
    return `${s.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const block = (kind) => (kind === 0 ? `## ${sentence()}`
    : kind === 3 ? `- ${sentence()}\n- ${sentence()}\n- ${sentence()}`
      : kind === 5 ? `| Item | Value |\n| --- | --- |\n| ${pick()} | ${Math.floor(random() * 1000)} |`
        : kind === 6 ? `\`\`\`\n${pick()} = ${Math.floor(random() * 100)}\n\`\`\``
          : Array.from({ length: 4 }, sentence).join(' '));
  const [low, high] = [2 * 1024, 20 * 1024];
  const articles = [];
  for (let i = 0; i < count; i++) {
    const slug = `article-${String(i + 1).padStart(3, '0')}`;
    const a = {
      slug, title: `Article ${i + 1}: ${sentence().slice(0, 60)}`, date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      source: 'Generated', topics: [pick(), pick()], summary: sentence(), body: '',
    };
    // Blocks until the file reaches its size; one too many comes off again.
    const target = low + Math.round(((high - low) * i) / Math.max(1, count - 1));
    const parts = [];
    let size = articleText(a).length;
    while (size < target) {
      parts.push(block(parts.length % 7));
      size += Buffer.byteLength(parts.at(-1)) + 2;
    }
    if (size > high) parts.pop();
    a.body = parts.join('\n\n');
    articles.push(a);
  }
  writeContentFolder(dir, articles, articles.slice(0, 5).map((a) => a.slug));
  return articles;
}

// Every aw_embed_error_test(name "expected" "args") of tests/c/CMakeLists.txt
// (set() variables expanded): [{ name, expected, trending, articles }], the
// paths relative to tests/c/content/.
export function embedErrorCases() {
  const text = readFileSync(join(REPO, 'tests', 'c', 'CMakeLists.txt'), 'utf8');
  const vars = Object.fromEntries([...text.matchAll(/^set\((\w+) "([^"]*)"\)/gm)].map((m) => [m[1], m[2]]));
  const cases = [...text.matchAll(/^aw_embed_error_test\((\w+) "([^"]*)"\s+"([^"]*)"\)/gm)].map(([, name, expected, raw]) => {
    const args = raw.replace(/\$\{(\w+)\}/g, (_, v) => vars[v]).split('|');
    const at = args.indexOf('--trending');
    const trending = args[at + 1];
    // CMake's escapes (a message quoting "\\x1B" is written "\\\\x1B" there).
    return { name, expected: expected.replace(/\\(.)/g, '$1'), trending, articles: args.filter((_, i) => i !== at && i !== at + 1) };
  });
  const calls = text.match(/^aw_embed_error_test\(/gm).length;
  if (cases.length !== calls) throw new Error(`read ${cases.length} of the ${calls} aw_embed_error_test cases`);
  return cases;
}

// A content folder holding one case's files: its articles under their own
// names (with a number in front when the names alone would sort them in
// another order than the case gives: the command reads files in name
// order), its trending list as trending.md. Returns `expected` with each
// path of the case replaced by its path in the folder.
export function writeErrorCase(dir, { expected, trending, articles }) {
  const source = join(REPO, 'tests', 'c', 'content');
  const names = articles.map((p) => basename(p));
  const sorted = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const keepOrder = names.some((n, i) => n !== sorted[i]);
  const placed = new Map(articles.map((p, i) => [p, keepOrder ? `${i + 1}-${names[i]}` : names[i]]));
  placed.set(trending, 'trending.md');
  mkdirSync(dir, { recursive: true });
  for (const [from, to] of placed) copyFileSync(join(source, from), join(dir, to));
  let message = expected;
  for (const [from, to] of [...placed].sort((a, b) => b[0].length - a[0].length)) message = message.split(from).join(join(dir, to));
  return message;
}
