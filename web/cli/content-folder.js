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
// - a few files at a time (a folder of 50,000 files does not run into
//   EMFILE), each within a time limit (a file on a hung network mount
//   fails the build instead of stopping it forever), and handed on in pack
//   order a window at a time, so that a build holds the files it is
//   packing, not the folder.
//
// The preview reads the same way, with a cache: a file whose kind, size,
// time and inode are those it had is not read again, and one the folder's
// watcher did not name since is not even looked at.

import { constants } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';

import { MAX_ARTICLES, MAX_FILE_SIZE, MAX_TOTAL_SIZE } from '../node/content-abi.js';
import { CommandError, ContentError } from './errors.js';
import { mapLimit } from './pool.js';

export const TRENDING = 'trending.md';
// Files open at once.
const AT_ONCE = 8;
// Files read ahead of the one being packed.
const WINDOW = 64;
// The longest one file system call may take.
export const READ_TIMEOUT_MS = 10_000;
// O_NOFOLLOW and O_NONBLOCK do not exist everywhere (Windows): there the
// kind checked before opening is what holds.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const MD = Buffer.from('.md');
// Names a writer may have meant as articles.
const NEAR_MISS = /\.(md|markdown|mdown|mdwn|mkdn?|mdx)$/i;
const MIB = 1 << 20;

// The words of src/read_file.c's aw_file_kind_name().
function kindOf(stats) {
  if (stats.isFile()) return 'a regular file';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

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

// The bytes of the regular file at `file.fsPath`, at most MAX_FILE_SIZE.
async function readRegular(file) {
  let handle;
  try {
    handle = await open(file.fsPath, OPEN_FLAGS);
  } catch (err) {
    if (err.code === 'ELOOP') throw notRegular(file.path, 'a symbolic link'); // O_NOFOLLOW's answer
    throw cannotRead(file.path, err);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw notRegular(file.path, kindOf(stats));
    if (stats.size > MAX_FILE_SIZE) throw tooLarge(file.path, stats.size);
    // One byte more than the limit at most, whatever the file does meanwhile.
    const chunks = [];
    let total = 0;
    for (let want = stats.size + 1; want > 0; want = Math.min(64 * 1024, MAX_FILE_SIZE + 1 - total)) {
      const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(want), 0, want, null);
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (bytesRead < want) break; // the end of a regular file: one read for the common case
    }
    if (total > MAX_FILE_SIZE) throw tooLarge(file.path, total);
    return Buffer.concat(chunks, total);
  } catch (err) {
    throw err instanceof ContentError ? err : cannotRead(file.path, err);
  } finally {
    await handle.close();
  }
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

// The folder's files, each checked before a byte is read: { articles:
// [file], trending: file, warnings: [text] } (a file: { name, path,
// fsPath, stats }). `timeoutMs` bounds each file system call. The
// preview's `cache` (a Map, kept across builds) with `changed` (the names
// the folder's watcher reported since the last build, or null when it
// cannot tell) spares looking at files that did not change.
export async function listContentFolder(dir, { timeoutMs = READ_TIMEOUT_MS, cache = null, changed = null } = {}) {
  const { files, warnings } = await listFolder(dir, timeoutMs);

  // Before reading: what each file is and what they weigh, in pack order.
  const unchanged = (f) => changed && !changed.has(f.name.toString()) && cache?.get(keyOf(f))?.stats;
  const stats = await mapLimit(files, AT_ONCE, (f) => unchanged(f) || withTimeout(timeoutMs, f.path, lstat(f.fsPath)).catch((err) => {
    throw err instanceof CommandError ? err : cannotRead(f.path, err);
  }));
  let total = 0;
  files.forEach((f, i) => {
    if (!stats[i].isFile()) throw notRegular(f.path, kindOf(stats[i]));
    if (stats[i].size > MAX_FILE_SIZE) throw tooLarge(f.path, stats[i].size);
    if (stats[i].size > MAX_TOTAL_SIZE - total) throw overTotal(f.path, total + stats[i].size);
    total += stats[i].size;
    f.stats = stats[i];
  });
  if (cache) {
    const listed = new Set(files.map(keyOf));
    for (const key of cache.keys()) if (!listed.has(key)) cache.delete(key);
  }
  return { articles: files.slice(0, -1), trending: files.at(-1), warnings };
}

// Reads `files` (listContentFolder's) and calls onFile({ path, bytes },
// file) for each, in their order, a window at a time: a few files open at
// once, the rest waiting. With a `cache`, a file that has not changed is
// taken from it, and every file read goes into it.
export async function readContentFiles(files, onFile, { timeoutMs = READ_TIMEOUT_MS, cache = null } = {}) {
  const read = async (f) => {
    const hit = cache?.get(keyOf(f));
    if (hit && same(hit.stats, f.stats)) return hit.bytes;
    const bytes = await withTimeout(timeoutMs, f.path, readRegular(f));
    cache?.set(keyOf(f), { stats: f.stats, bytes });
    return bytes;
  };
  for (let at = 0; at < files.length; at += WINDOW) {
    const window = files.slice(at, at + WINDOW);
    // Each file's bytes or failure: the files before one that cannot be
    // read are packed first, as aw-embed, which reads one at a time, does.
    const results = await mapLimit(window, AT_ONCE, (f) => read(f).then((bytes) => ({ bytes }), (error) => ({ error })));
    window.forEach((f, i) => {
      if (results[i].error) throw results[i].error;
      onFile({ path: f.path, bytes: results[i].bytes }, f);
    });
  }
}
