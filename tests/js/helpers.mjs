// Shared by tests/js/*.test.mjs and tests/browser/*.test.mjs: paths from the
// environment, and independent readers of the content and the seed article
// (the tests parse these themselves instead of trusting the renderer).

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

// Relative values are taken from the current directory (the repo root when
// run as documented), like any command-line path.
export const DIST = resolve(process.env.AW_DIST || 'dist/');
export const CLI = resolve(process.env.AW_CLI || 'build/native/aw-render');
export const CONTENT = resolve(process.env.AW_CONTENT || 'content/');
export const ARTIFACTS = resolve(process.env.AW_ARTIFACTS || 'build/artifacts');
// The repository's own copy of the seed article (the text the site owner
// gave us); the tests compare the rendered article against it.
export const SEED = process.env.AW_SEED || join(REPO, 'tests', 'fixtures', 'seed-article.txt');

export const SEED_SLUG = 'china-offers-military-aid-to-mali';
export const SEED_TITLE = 'China Offers Military Aid To Mali In Fight Against Islamists Rebels';

// Mounts a tmpfs of `size` (e.g. '8m') on the folder `dir`, for a file
// system of its own (a Docker volume, say). Returns an unmount function,
// or null where there is no right to mount (not root): tests then skip.
export function mountTmpfs(dir, size) {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'none', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return () => execFileSync('umount', [dir]);
}

// Fails with a message saying what to build, instead of a bare ENOENT.
export function requireFile(path, hint) {
  if (!existsSync(path)) throw new Error(`missing ${path}: ${hint}`);
  return path;
}

export async function importShim() {
  const mjs = requireFile(join(DIST, 'article-widget.node.mjs'), 'run scripts/build (or set AW_DIST)');
  requireFile(join(DIST, 'article-widget.wasm'), 'run scripts/build (or set AW_DIST)');
  const shim = await import(pathToFileURL(mjs).href);
  await shim.ready;
  return shim;
}

/* ===== Seed article (tests/fixtures/seed-article.txt) ===== */

// { title, paragraphs }: the paragraphs between the title line and "Back to top".
export function readSeed(path = SEED) {
  const lines = readFileSync(requireFile(path, 'the seed article'), 'utf8').split(/\r?\n/).map((l) => l.trim());
  const titleAt = lines.indexOf(SEED_TITLE);
  if (titleAt < 0) throw new Error(`seed: title line not found in ${path}`);
  const endAt = lines.findIndex((l, i) => i > titleAt && l.startsWith('Back to top'));
  if (endAt < 0) throw new Error(`seed: "Back to top" not found in ${path}`);
  const paragraphs = lines.slice(titleAt + 1, endAt).filter((l) => l !== '');
  if (paragraphs.length < 3) throw new Error(`seed: expected several paragraphs, found ${paragraphs.length}`);
  return { title: SEED_TITLE, paragraphs };
}

/* ===== Content (content/*.md, content/trending.md) ===== */

function unquote(value) {
  const v = value.trim();
  if (v.length >= 2 && ((v[0] === '"' && v.at(-1) === '"') || (v[0] === "'" && v.at(-1) === "'"))) {
    return v.slice(1, -1);
  }
  return v;
}

// The simple `key: value` front matter between two `---` lines.
export function parseFrontMatter(text, file = '') {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0].trim() !== '---') return null;
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new Error(`${file}: front matter is not closed`);
  const fm = {};
  for (const line of lines.slice(1, end)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`${file}: not a key: value line: ${line}`);
    fm[line.slice(0, colon).trim()] = unquote(line.slice(colon + 1));
  }
  if (typeof fm.topics === 'string') {
    const raw = fm.topics.replace(/^\[(.*)\]$/, '$1');
    fm.topics = raw.split(',').map(unquote).filter((t) => t !== '');
  } else {
    fm.topics = [];
  }
  return fm;
}

// [{ file, path, slug, title, date, source, topics, summary }] for every
// article file in CONTENT (Markdown with front matter), sorted by file name.
export function readArticles(dir = CONTENT) {
  requireFile(dir, 'set AW_CONTENT');
  const out = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const path = join(dir, name);
    const fm = parseFrontMatter(readFileSync(path, 'utf8'), path);
    if (fm) out.push({ file: name, path, ...fm });
  }
  if (out.length === 0) throw new Error(`no articles in ${dir}`);
  return out;
}

// Slugs in trending order: every list line of trending.md that names a known
// slug ("1. slug", "- slug", or the slug alone); headings and comments skipped.
export function readTrending(dir = CONTENT, known = readArticles(dir).map((a) => a.slug)) {
  const text = readFileSync(requireFile(join(dir, 'trending.md'), 'content/trending.md'), 'utf8')
    .replace(/<!--[\s\S]*?-->/g, '');
  const slugs = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^([-*+]|\d+[.)])\s+/, '');
    if (!line || line.startsWith('#')) continue;
    const found = line.match(/[a-z0-9]+(?:-[a-z0-9]+)*/g)?.find((t) => known.includes(t));
    if (found) slugs.push(found);
  }
  if (slugs.length === 0) throw new Error(`no slugs found in ${join(dir, 'trending.md')}`);
  return slugs;
}

/* ===== HTML ===== */

export function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function decodeEntities(text) {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);?/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// [{ tag, attrs: {name: value} }] for every start tag in `html`.
export function startTags(html) {
  const tags = [];
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g)) {
    const attrs = {};
    for (const a of m[2].matchAll(/([^\s=>"'/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
      attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    tags.push({ tag: m[1].toLowerCase(), attrs });
  }
  return tags;
}

// The scheme of a URL as a browser would see it (control characters and
// whitespace removed, case folded), or '' for a relative URL / fragment.
export function urlScheme(url) {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const m = /^([a-z][a-z0-9+.-]*):/.exec(cleaned);
  return m ? m[1] : '';
}

export { basename };
