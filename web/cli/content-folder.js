// Reads a content folder in the format of the repository's content/: every
// *.md file but trending.md is an article, trending.md lists the trending
// ones. Articles are taken in file-name order, as scripts/build passes
// them (CMake sorts the paths), and named as DIR/NAME, so a mistake is
// reported with the same file and line. Names starting with "." (editor
// lock and backup files) are skipped.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { CommandError } from './errors.js';

export const TRENDING = 'trending.md';

const byteOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

async function read(path) {
  try {
    return await readFile(path);
  } catch (err) {
    throw new CommandError(`cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  }
}

// { articles: [{ path, bytes }], trending: { path, bytes } }
export async function readContentFolder(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    const why = err.code === 'ENOENT' ? 'no such folder' : err.code === 'ENOTDIR' ? 'not a folder' : err.message;
    throw new CommandError(`cannot read the content folder ${dir}: ${why}`);
  }
  const names = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.md') && !e.name.startsWith('.'))
    .map((e) => e.name);
  if (!names.includes(TRENDING)) {
    throw new CommandError(`${join(dir, TRENDING)} is missing: it lists the slugs of the trending articles, one list item each`);
  }
  const articleNames = names.filter((n) => n !== TRENDING).sort(byteOrder);
  const articles = await Promise.all(articleNames.map(async (name) => {
    const path = join(dir, name);
    return { path, bytes: await read(path) };
  }));
  const trendingPath = join(dir, TRENDING);
  return { articles, trending: { path: trendingPath, bytes: await read(trendingPath) } };
}
