// The installed package this command belongs to: the page files a site
// publishes, the content packer, the package's name and version. The
// command is bundled into the package's own folder, so that folder is
// where it reads them; each file is checked against the package's
// manifest, so a damaged install is named instead of published.

import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { sriHash } from '../node/hashes.js';
import { COMMAND, CONTENT_PACKER, MANIFEST } from '../node/package-layout.js';
import { CommandError } from './errors.js';

export const PACKAGE_DIR = dirname(fileURLToPath(import.meta.url));

async function readChecked(dir, name, manifest) {
  const path = join(dir, name);
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new CommandError(`cannot read ${path} (${err.code ?? err.message}): reinstall article-widget`);
  }
  if (sriHash(bytes) !== manifest.files[name]?.integrity) {
    throw new CommandError(`${path} is not the file this package was built with: reinstall article-widget`);
  }
  return bytes;
}

// { dir, name, version, pageFiles: { name: Buffer }, packer: Buffer }
export async function readPackage(dir = PACKAGE_DIR) {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8'));
  } catch (err) {
    throw new CommandError(`cannot read ${join(dir, MANIFEST)} (${err.code ?? err.message}): reinstall article-widget`);
  }
  const names = Object.keys(manifest.files).filter((n) => n !== COMMAND && n !== CONTENT_PACKER);
  const pageFiles = {};
  await Promise.all(names.map(async (n) => {
    pageFiles[n] = await readChecked(dir, n, manifest);
  }));
  const packer = await readChecked(dir, CONTENT_PACKER, manifest);
  return { dir, name: manifest.name, version: manifest.version, pageFiles, packer };
}
