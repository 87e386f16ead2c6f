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

/* ===== A newsroom's archive ===== */

// Words for generated news text: the language's commonest, a newsroom's
// vocabulary, names and places, drawn with a skew as real text is (brotli
// compresses a thousand articles of it about as it does real news).
const COMMON = ('the of and to a in that is was he for it with as his on be at by this had not are but from or have an they '
  + 'which one you were her all she there would their we him been has when who will more no if out so said what up its about '
  + 'into than them can only other new some could time these two may then do first any my now such like our over man me even '
  + 'most made after also did many before must through back years where much your way well down should because each just '
  + 'those people how too little state good very make world still own see men work long get here between both life being '
  + 'under never day same another know while last might us great old year off come since against go came right used take three')
  .split(' ');
const NEWS = ('council minister government election vote police court ruling budget tax economy market prices energy report '
  + 'health hospital school teachers students city region village harbour river bridge road rail station airport weather storm '
  + 'flood drought farmers harvest company workers union strike talks agreement deal plan proposal committee spokesperson '
  + 'official officials residents community families children museum festival library theatre football season match coach '
  + 'players fans investigation inquiry evidence witness judge lawyers sentence appeal protest crowd march parliament senator '
  + 'mayor governor president opposition party coalition campaign survey poll percent million billion figures data analysts '
  + 'growth inflation interest rates bank loans housing rents construction project contract funding grant scheme programme '
  + 'service services transport buses trains emergency fire crews damage repairs insurance claims').split(' ');
const NAMES = ['Maria Okafor', 'James Lindqvist', 'Aiko Tanaka', 'Daniel Moreau', 'Fatima Haddad', 'Peter Novak',
  'Grace Mensah', 'Luis Ortega', 'Hannah Weiss', 'Samuel Adeyemi', 'Ingrid Larsen', 'Tomás Rivera'];
const PLACES = ['Northbridge', 'Kessington', 'Port Alder', 'Valemouth', 'Greyhaven', 'Lowfield', 'Marrow Bay', 'Eastcliff'];

// The slug of the newsroom's article `i` (1-based): the same in every size.
export const newsSlug = (i) => `news-${String(i).padStart(6, '0')}`;

// Article `i` of a newsroom, about `words` words long: the same text
// whatever the size of the archive (its own seed), with links to two
// earlier articles (#aw/SLUG: links between articles), article 1 to
// article 3, so that the first trending article links into the archive.
export function newsArticle(i, words = 750) {
  let seed = i * 2654435761 >>> 0;
  const random = () => { // mulberry32
    seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list, skew = 2.2) => list[Math.floor(list.length * random() ** skew)];
  const word = () => {
    const r = random();
    if (r < 0.04) return pick(NAMES, 1);
    if (r < 0.07) return pick(PLACES, 1);
    if (r < 0.58) return pick(COMMON);
    if (r < 0.95) return pick(NEWS);
    return String(Math.floor(random() * (random() < 0.5 ? 100 : 5000)));
  };
  const sentence = () => {
    const n = 10 + Math.floor(random() * 18);
    const w = Array.from({ length: n }, word);
    const text = `${w.join(' ').replace(/^./, (c) => c.toUpperCase())}${random() < 0.1 ? '?' : '.'}`;
    return random() < 0.15 ? `"${text}" said ${pick(NAMES, 1)}.` : text;
  };
  const links = i === 1 ? [3] : i === 2 ? [1] : [i - 1, 1 + ((i * 7919) % (i - 1))];
  const parts = [];
  let count = 0;
  while (count < words) {
    const r = random();
    let block;
    if (parts.length && r < 0.08) block = `## ${sentence().split(' ').slice(0, 6).join(' ').replace(/[.?,"]/g, '')}`;
    else if (r < 0.12) block = [0, 1, 2].map(() => `- ${sentence()}`).join('\n');
    else if (r < 0.15) block = `> ${sentence()}`;
    else block = Array.from({ length: 2 + Math.floor(random() * 3) }, sentence).join(' ');
    count += block.split(/\s+/).length;
    parts.push(block);
  }
  parts.splice(1, 0, `Read also: ${links.map((l) => `[${newsSlug(l).replace('-', ' ')}](#aw/${newsSlug(l)})`).join(' and ')}.`);
  const day = 1 + (i % 28);
  return {
    slug: newsSlug(i),
    title: sentence().slice(0, 70).replace(/[."?,]+$/, ''),
    date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    source: pick(NAMES, 1), topics: [pick(NEWS, 1), pick(PLACES, 1)], summary: sentence(), body: parts.join('\n\n'),
  };
}

// Writes a newsroom of `count` articles of about 750 words into `dir`,
// `trending` of them on the trending list (the same list whatever the
// count). Returns their slugs.
export function writeNewsroom(dir, count, trending = 2) {
  const articles = Array.from({ length: count }, (_, i) => newsArticle(i + 1));
  writeContentFolder(dir, articles, articles.slice(0, trending).map((a) => a.slug));
  return articles.map((a) => a.slug);
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
