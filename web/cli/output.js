// Writes a build into its folder (OUT_DIR): all of it or none of it, only
// the files whose bytes change, and never over a file it does not own.
//
//   const { written, unchanged, removed } = await writeOutput(outDir, files, { apartFrom, notInside });
//
// `files` maps paths relative to OUT_DIR ("article-widget.wasm",
// "articles/SLUG.awa": subfolders are created) to their bytes (an object
// or a Map). The result lists those paths, sorted: written (new or
// changed), unchanged (the same bytes were there: not touched), removed
// (files of an earlier build that this one no longer has).
//
// - Ownership: OUT_DIR/.article-widget-files.json records the paths this
//   writer has written there. Those it may replace or remove; any other
//   file in the way (a site's own LICENSE or manifest.json, or a file of a
//   build that left no record) stops the build with a message naming it,
//   and nothing is written: the widget's files go in a folder of their own
//   (they must sit side by side, as the package has them). The record is
//   published with the folder; it lists only names that are published
//   anyway.
// - All or nothing: every destination is checked first (a folder or a
//   link where a file goes, a file that is not ours); then the new files
//   are written to a staging folder inside each folder that receives one
//   (".article-widget-staging-*": the same file system as the files they
//   replace, so OUT_DIR may be a mount point); only then do they move in,
//   one rename each, the file they replace kept (a hard link) until the
//   end. If any step fails, every rename is undone and OUT_DIR is as it was.
//   A rename replaces a file in one step, so a server reading OUT_DIR
//   meanwhile sees the old file or the new one, never none. A folder the
//   build makes (OUT_DIR itself the first time, a new subfolder) is its
//   own until the end: files go straight into it, and it goes whole if the
//   build fails. The record is written first with the old and the new
//   paths and last with the new ones, so a build that is killed midway
//   leaves no file it cannot claim.
// - Where: OUT_DIR may not be, be inside or contain a folder of
//   `apartFrom` (the content folder), nor be or be inside one of
//   `notInside` (the package), however spelled: compared by real path,
//   symbolic links resolved.
// - Folders are created with the usual permissions (0777 less the umask),
//   files with 0666 less the umask.
//
// The file calls are synchronous: for thousands of small files they cost
// a fraction of what the promise API's do (tests/bench/output-writer.mjs),
// and the command does nothing else meanwhile. (Reading the content, which
// may hang on a network mount, stays asynchronous: content-folder.js.)

import {
  constants, closeSync, copyFileSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readSync, readdirSync,
  realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

import { CommandError } from './errors.js';

export const RECORD = '.article-widget-files.json';
const STAGING = '.article-widget-staging-';
const RESERVED = '.article-widget';
// How many names a refusal lists.
const LISTED = 5;

function checkPath(path) {
  const parts = path.split('/');
  if (!path || path.includes('\\') || path.includes('\0') || parts.some((p) => p === '' || p === '.' || p === '..')
      || parts.some((p) => p.startsWith(RESERVED))) {
    throw new Error(`writeOutput: ${JSON.stringify(path)} is not a relative path the writer takes`);
  }
}

// The real path of `path`, which need not exist yet: its nearest existing
// ancestor resolved, the rest appended.
function realPathOf(path) {
  const rest = [];
  for (let at = path; ;) {
    try {
      return join(realpathSync(at), ...rest);
    } catch (err) {
      if (err.code !== 'ENOENT' || dirname(at) === at) throw err;
      rest.unshift(basename(at));
      at = dirname(at);
    }
  }
}

// True when `inner` is `outer` or inside it.
function within(inner, outer) {
  const rel = relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

// Refuses an OUT_DIR that is, is inside or contains a folder of
// `apartFrom`, or is or is inside one of `notInside` ([{ path, what }]).
// writeOutput() checks it; the command also checks before it builds.
export async function checkOutDir(outDir, { apartFrom = [], notInside = [] } = {}) {
  let real;
  try {
    real = realPathOf(resolve(outDir));
  } catch (err) {
    throw new CommandError(`cannot use --out ${outDir}: ${err.code === 'ENOTDIR' ? 'a part of it is a file' : err.message}`);
  }
  for (const { path, what } of apartFrom) {
    const other = realPathOf(resolve(path));
    if (real === other) throw new CommandError(`--out ${outDir} is ${what}: name another folder`);
    if (within(real, other)) throw new CommandError(`--out ${outDir} is inside ${what} ${path}: name a folder outside it`);
    if (within(other, real)) throw new CommandError(`--out ${outDir} contains ${what} ${path}: name a folder apart from it`);
  }
  for (const { path, what } of notInside) {
    const other = realPathOf(resolve(path));
    if (real === other) throw new CommandError(`--out ${outDir} is ${what} itself: name another folder`);
    if (within(real, other)) throw new CommandError(`--out ${outDir} is inside ${what} (${path}): name another folder`);
  }
}

function lstatOrNull(path) {
  return lstatSync(path, { throwIfNoEntry: false }) ?? null;
}

function kindOf(stats) {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return stats.isFile() ? 'a file' : 'not a regular file';
}

// A file's bytes (it had `size`), read without following a link or
// waiting on a FIFO; one byte more tells that it has grown.
function readSmall(path, size) {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const buffer = Buffer.allocUnsafe(size + 1);
    let got = 0;
    for (let n; got < buffer.length && (n = readSync(fd, buffer, got, buffer.length - got, got)) > 0;) got += n;
    return buffer.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

// The record in `out`: { paths, bytes } (none and null when there is none).
function readRecord(out, shown) {
  const path = join(out, RECORD);
  const stats = lstatOrNull(path);
  if (!stats) return { paths: new Set(), bytes: null };
  let bytes;
  let record;
  try {
    if (!stats.isFile()) throw new Error(kindOf(stats));
    bytes = readSmall(path, stats.size);
    record = JSON.parse(bytes);
    if (!Array.isArray(record.files)) throw new Error('no list of files');
    record.files.forEach(checkPath);
  } catch (err) {
    throw new CommandError(`${join(shown, RECORD)} is not the record article-widget keeps of its files (${err.message}): move it away`);
  }
  return { paths: new Set(record.files), bytes };
}

const recordOf = (paths) => Buffer.from(`${JSON.stringify({ writtenBy: 'article-widget build', files: [...paths].sort() }, null, 2)}\n`);

// What to do in `out`: { write: [{ path, exists }], unchanged, remove,
// folders } (folders: those to create, parents first). Throws, naming the
// files in the way, before anything is written.
function plan(out, shown, wanted, owned) {
  const refused = [];
  const folders = new Map(); // relative folder -> whether it exists
  function checkFolder(folder) {
    if (folder === '.' || folders.has(folder)) return;
    checkFolder(dirname(folder));
    const stats = folders.get(dirname(folder)) === false ? null : lstatOrNull(join(out, folder));
    if (stats && !stats.isDirectory()) refused.push(`${join(shown, folder)} is ${kindOf(stats)}, where the build puts a folder`);
    folders.set(folder, Boolean(stats));
  }
  for (const path of wanted.keys()) checkFolder(dirname(path));

  const write = [];
  const unchanged = [];
  for (const [path, bytes] of wanted) {
    const stats = folders.get(dirname(path)) === false ? null : lstatOrNull(join(out, path));
    if (!stats) write.push({ path, exists: false });
    else if (!stats.isFile()) refused.push(`${join(shown, path)} is ${kindOf(stats)}, where the build puts a file`);
    else if (!owned.has(path)) refused.push(`${join(shown, path)} is not a file article-widget wrote`);
    else if (stats.size === bytes.length && readSmall(join(out, path), stats.size).equals(bytes)) unchanged.push(path);
    else write.push({ path, exists: true });
  }
  if (refused.length) {
    const more = refused.length > LISTED ? ` (and ${refused.length - LISTED} more)` : '';
    throw new CommandError(`nothing was written: ${refused.sort().slice(0, LISTED).join('; ')}${more}. The build `
      + `replaces only files it wrote there (${RECORD} lists them): move these away, or build into a folder of the `
      + `widget's own, such as ${join(shown, 'article-widget')}`);
  }
  // A path of the record that is no longer a file is no longer ours to remove.
  const remove = [...owned].filter((p) => !wanted.has(p) && lstatOrNull(join(out, p))?.isFile());
  return { write, unchanged, remove, folders: [...folders].filter(([, exists]) => !exists).map(([folder]) => folder) };
}

// Every folder of `paths` but the top, parents first.
function foldersOf(paths) {
  const folders = new Set();
  const add = (folder) => {
    if (folder === '.' || folders.has(folder)) return;
    add(dirname(folder));
    folders.add(folder);
  };
  for (const path of paths) add(dirname(path));
  return [...folders];
}

// Removes the staging folders a killed build left in `folder`.
function removeLeftovers(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith(STAGING)) rmSync(join(folder, entry.name), { recursive: true, force: true });
  }
}

// The old file, kept until the build is in: a hard link (no copy), or a
// copy where the file system has no links.
function keep(dest, backup) {
  try {
    linkSync(dest, backup);
  } catch {
    copyFileSync(dest, backup, constants.COPYFILE_EXCL);
  }
}

// The renames that put a staged build in place, each undone by rollback()
// (in reverse order).
function renames() {
  const undo = [];
  return {
    // `staged` becomes `dest`; an old `dest` stays as `backup` meanwhile.
    install(staged, dest, backup, exists) {
      if (exists) keep(dest, backup);
      renameSync(staged, dest);
      undo.push(exists ? () => renameSync(backup, dest) : () => unlinkSync(dest));
    },
    remove(dest, backup) {
      renameSync(dest, backup);
      undo.push(() => renameSync(backup, dest));
    },
    rollback() {
      const failed = [];
      for (const step of undo.reverse()) {
        try {
          step();
        } catch (err) {
          failed.push(err.message);
        }
      }
      return failed;
    },
  };
}

export async function writeOutput(outDir, files, { apartFrom = [], notInside = [] } = {}) {
  const wanted = new Map(files instanceof Map ? files : Object.entries(files));
  for (const path of wanted.keys()) checkPath(path);
  const out = resolve(outDir);
  await checkOutDir(outDir, { apartFrom, notInside });
  const existing = statSync(out, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) throw new CommandError(`${outDir} exists and is not a folder`);

  const record = existing ? readRecord(out, outDir) : { paths: new Set(), bytes: null };
  const todo = existing
    ? plan(out, outDir, wanted, record.paths)
    : { write: [...wanted.keys()].map((path) => ({ path, exists: false })), unchanged: [], remove: [], folders: foldersOf(wanted.keys()) };
  const result = {
    written: todo.write.map((w) => w.path).sort(), unchanged: todo.unchanged.sort(), removed: todo.remove.sort(),
  };
  const finalRecord = recordOf(wanted.keys());
  if (!todo.write.length && !todo.remove.length && record.bytes?.equals(finalRecord)) return result;

  const created = []; // folders made, removed whole on failure
  const fresh = new Set(existing ? [] : ['.']); // relative folders this build makes
  const staging = new Map(); // relative folder -> its staging folder
  const staged = (path, suffix) => join(staging.get(dirname(path)), `${basename(path)}.${suffix}`);
  const stage = (folder) => {
    removeLeftovers(join(out, folder));
    staging.set(folder, mkdtempSync(join(out, folder, STAGING)));
  };
  const unstage = () => staging.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  const moves = renames();
  try {
    if (existing) {
      // The record first, with the old paths and the new.
      stage('.');
      writeFileSync(staged(RECORD, 'new'), recordOf(new Set([...record.paths, ...wanted.keys()])));
      moves.install(staged(RECORD, 'new'), join(out, RECORD), staged(RECORD, 'old'), record.bytes !== null);
    } else {
      const first = mkdirSync(out, { recursive: true }); // 0777 less the umask, as every folder made here
      if (first) created.push(first);
    }
    for (const folder of todo.folders) {
      mkdirSync(join(out, folder));
      created.push(join(out, folder));
      fresh.add(folder);
    }
    for (const folder of new Set([...todo.write.map((w) => dirname(w.path)), ...todo.remove.map((p) => dirname(p))])) {
      if (!fresh.has(folder) && !staging.has(folder)) stage(folder);
    }
    for (const { path } of todo.write) writeFileSync(fresh.has(dirname(path)) ? join(out, path) : staged(path, 'new'), wanted.get(path));
    if (existing) {
      // Everything is checked and written: the renames.
      for (const { path, exists } of todo.write) {
        if (!fresh.has(dirname(path))) moves.install(staged(path, 'new'), join(out, path), staged(path, 'old'), exists);
      }
      for (const path of todo.remove) moves.remove(join(out, path), staged(path, 'old'));
      writeFileSync(staged(RECORD, 'final'), finalRecord);
      renameSync(staged(RECORD, 'final'), join(out, RECORD));
    } else {
      writeFileSync(join(out, RECORD), finalRecord);
    }
  } catch (err) {
    const failed = moves.rollback();
    unstage();
    for (const folder of created.reverse()) rmSync(folder, { recursive: true, force: true });
    throw new CommandError(`cannot write into ${outDir}: ${err.message}; ${
      failed.length ? `and could not undo everything: ${failed.join('; ')}` : 'it is as it was'}`);
  }
  unstage();
  return result;
}
