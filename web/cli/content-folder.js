// Reads a content folder in the format of the repository's content/: every
// *.md file but trending.md is an article, trending.md lists the trending
// ones. Articles are taken in file-name order, as scripts/build passes
// them (CMake sorts the paths), and named as DIR/NAME, so a mistake is
// reported with the same file and line. Names starting with "." (editor
// lock and backup files) are skipped; a name that looks meant as an
// article but is not read (x.MD, x.markdown) gets a warning.
//
// What is read, and how, is aw-embed's rule (src/programs/aw_embed.c), with
// the same messages:
// - only regular files directly inside the folder: a symbolic link is
//   refused, wherever it points (a link out of the folder would publish
//   what it points to, and a link inside it is a copy the writer can make);
//   so are a FIFO, a device, a socket or a folder named *.md;
// - the number of articles, then each file's kind and size, in the order
//   they are packed, before a byte is read (MAX_FILE_SIZE each,
//   MAX_TOTAL_SIZE in all: web/node/content-abi.js);
// - each file opened without following a link or waiting for a FIFO's
//   writer (O_NOFOLLOW, O_NONBLOCK), checked again on the open descriptor,
//   and never read past the limit, so a file swapped or grown meanwhile is
//   refused too;
// - one file at a time, in a thread of its own (file-reader.js: no
//   EMFILE in a folder of 50,000 files), each within a time limit (a file
//   on a hung network mount fails the build instead of stopping it
//   forever), and handed on in pack order a window at a time, so that a
//   build holds the files it is packing, not the folder.
//
// The preview reads the same way, with a cache: a file whose kind, size,
// time and inode are those it had is not read again, and one the folder's
// watcher did not name since is not even looked at.

import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';

import { MAX_ARTICLES, MAX_FILE_SIZE, MAX_TOTAL_SIZE } from '../node/content-abi.js';
import { CommandError, ContentError } from './errors.js';
import { startReader } from './file-reader.js';

export const TRENDING = 'trending.md';
// Files read at a time, ahead of the one being packed.
const WINDOW = 64;
// The longest one file system call may take.
export const READ_TIMEOUT_MS = 10_000;
const MD = Buffer.from('.md');
// Names a writer may have meant as articles.
const NEAR_MISS = /\.(md|markdown|mdown|mdwn|mkdn?|mdx)$/i;
const MIB = 1 << 20;

const notRegular = (path, kind) => new ContentError(
  `${path}: ${kind}; content files must be regular files${kind === 'a symbolic link' ? ' (links are not followed)' : ''}`);
const tooLarge = (path, size) => new ContentError(
  `${path}: ${size} bytes, more than the ${MAX_FILE_SIZE} (${MAX_FILE_SIZE / MIB} MiB) a content file may have`);
const overTotal = (path, total) => new ContentError(
  `${path}: the content files come to ${total} bytes with this one, more than the ${MAX_TOTAL_SIZE} (${MAX_TOTAL_SIZE / MIB} MiB) a build may have`);

function cannotRead(path, err) {
  const why = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'a folder' }[err.code] ?? err.message;
  return new CommandError(`cannot read ${path}: ${why}`);
}

// `promise`, or a CommandError naming `path` once `ms` have passed. A
// system call that never returns keeps its thread, but not the build.
function withTimeout(ms, path, promise) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new CommandError(`cannot read ${path}: no answer within ${ms / 1000} s`)), ms);
  });
  promise.catch(() => {}); // settled after the time limit: nobody waits for it
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// A file's bytes from the reader's result (file-reader.js), or the error
// that says why not: the rules of aw-embed's read_content_file().
function bytesOf(file, result) {
  if (result.code === 'ELOOP') throw notRegular(file.path, 'a symbolic link'); // O_NOFOLLOW's answer
  if (result.code) throw cannotRead(file.path, result);
  if (result.info.kind !== 'a regular file') throw notRegular(file.path, result.info.kind);
  if (result.info.size > MAX_FILE_SIZE) throw tooLarge(file.path, result.info.size);
  if (result.bytes.length > MAX_FILE_SIZE) throw tooLarge(file.path, result.bytes.length);
  return result.bytes;
}

// The folder's entries: { files: [{ name, path, fsPath }] (articles in
// byte order of their names, then trending.md), warnings }.
async function listFolder(dir, timeoutMs) {
  let entries;
  try {
    entries = await withTimeout(timeoutMs, dir, readdir(dir, { withFileTypes: true, encoding: 'buffer' }));
  } catch (err) {
    if (err instanceof CommandError) throw err;
    const why = err.code === 'ENOENT' ? 'no such folder' : err.code === 'ENOTDIR' ? 'not a folder' : err.message;
    throw new CommandError(`cannot read the content folder ${dir}: ${why}`);
  }
  const warnings = [];
  const found = [];
  for (const { name } of entries) {
    const shown = name.toString(); // ill-formed UTF-8 shows as U+FFFD
    if (name[0] === 0x2e) continue; // "."
    const path = join(dir, shown);
    // A name that is not UTF-8 is opened by its bytes.
    const fsPath = Buffer.from(shown).equals(name) ? path : Buffer.concat([Buffer.from(dir + sep), name]);
    if (name.length > MD.length && name.subarray(-MD.length).equals(MD)) found.push({ name, path, fsPath });
    else if (NEAR_MISS.test(shown.trimEnd())) warnings.push(`${path} is not read: only names ending in .md are articles`);
  }
  const trending = found.find((f) => f.name.equals(Buffer.from(TRENDING)));
  if (!trending) {
    const lookalike = found.find((f) => f.name.toString().toLowerCase() === TRENDING);
    throw new CommandError(`${join(dir, TRENDING)} is missing: it lists the slugs of the trending articles, one list item each${
      lookalike ? ` (${lookalike.path} is not it: the name is lowercase)` : ''}`);
  }
  const articles = found.filter((f) => f !== trending).sort((a, b) => Buffer.compare(a.name, b.name));
  if (articles.length > MAX_ARTICLES) {
    throw new ContentError(`${trending.path}:1: ${articles.length} articles, more than the ${MAX_ARTICLES} a build may have`);
  }
  return { files: [...articles, trending], warnings };
}

// A file's identity for the cache: what changes when it is written.
const same = (a, b) => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino && a.ctimeMs === b.ctimeMs;
const keyOf = (f) => (typeof f.fsPath === 'string' ? f.fsPath : f.fsPath.toString('hex'));

// Reads the folder at `dir`: every file's kind and size checked, in pack
// order, before a byte is read; then trending.md, given to onTrending({
// path, bytes }), and each article in file order, given to onArticle(). A
// file that breaks a rule throws (ContentError, CommandError) when its turn
// comes: the articles before it have been given on. Resolves to { warnings }.
// `timeoutMs` bounds each file system call. The preview's `cache` (a Map,
// kept across builds) with `changed` (the names the folder's watcher
// reported since the last build, or null when it cannot tell) spares
// looking at files that did not change, and reading those that did not.
export async function readContentFolder(dir, onTrending, onArticle,
  { timeoutMs = READ_TIMEOUT_MS, cache = null, changed = null } = {}) {
  const { files, warnings } = await listFolder(dir, timeoutMs);
  const reader = startReader(timeoutMs);
  try {
    // Before reading: what each file is and what they weigh, in pack order.
    const unchanged = (f) => changed && !changed.has(f.name.toString()) && cache?.get(keyOf(f))?.info;
    const looked = files.filter((f) => !unchanged(f));
    const results = new Map((await reader.call('lstat', looked)).map((r, i) => [looked[i], r]));
    let total = 0;
    for (const f of files) {
      const r = results.get(f) ?? { info: unchanged(f) };
      if (r.code) throw cannotRead(f.path, r);
      if (r.info.kind !== 'a regular file') throw notRegular(f.path, r.info.kind);
      if (r.info.size > MAX_FILE_SIZE) throw tooLarge(f.path, r.info.size);
      if (r.info.size > MAX_TOTAL_SIZE - total) throw overTotal(f.path, total + r.info.size);
      total += r.info.size;
      f.info = r.info;
    }
    if (cache) {
      const listed = new Set(files.map(keyOf));
      for (const key of cache.keys()) if (!listed.has(key)) cache.delete(key);
    }

    // A window of files at a time, those the cache does not hold as they are.
    const read = async (window, onFile) => {
      const wanted = window.filter((f) => !(cache?.has(keyOf(f)) && same(cache.get(keyOf(f)).info, f.info)));
      const got = new Map((await reader.call('read', wanted, MAX_FILE_SIZE)).map((r, i) => [wanted[i], r]));
      for (const f of window) {
        const bytes = got.has(f) ? bytesOf(f, got.get(f)) : cache.get(keyOf(f)).bytes;
        if (got.has(f)) cache?.set(keyOf(f), { info: f.info, bytes });
        onFile({ path: f.path, bytes });
      }
    };
    await read([files.at(-1)], onTrending);
    for (let at = 0; at < files.length - 1; at += WINDOW) await read(files.slice(at, Math.min(at + WINDOW, files.length - 1)), onArticle);
  } finally {
    reader.close();
  }
  return { warnings };
}
