// Writes a built site to its folder, all or nothing: the files go to a
// new folder beside it first, then move in (a rename each, on the same
// file system). Files of the folder that are not ours stay as they are;
// `replaces` names files of ours that go when this build has none of them.

import { mkdir, mkdtemp, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

import { CommandError } from './errors.js';

export async function writeFolder(out, files, { replaces = [] } = {}) {
  const target = resolve(out);
  const parent = dirname(target);
  try {
    await mkdir(parent, { recursive: true });
  } catch (err) {
    throw new CommandError(`cannot create ${parent}: ${err.message}`);
  }
  const existing = await stat(target).catch(() => null);
  if (existing && !existing.isDirectory()) throw new CommandError(`${out} exists and is not a folder`);

  let staging;
  try {
    staging = await mkdtemp(join(parent, `.${basename(target)}.article-widget-`));
    await Promise.all(Object.entries(files).map(([name, bytes]) => writeFile(join(staging, name), bytes)));
  } catch (err) {
    if (staging) await rm(staging, { recursive: true, force: true });
    throw new CommandError(`cannot write beside ${out}: ${err.message}`);
  }
  try {
    if (!existing) {
      await rename(staging, target);
      return;
    }
    for (const name of await readdir(staging)) await rename(join(staging, name), join(target, name));
    await rmdir(staging);
    for (const name of replaces.filter((n) => !(n in files))) await rm(join(target, name), { force: true });
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw new CommandError(`cannot move the built files into ${out}: ${err.message}`);
  }
}
