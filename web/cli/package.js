// The installed package this command belongs to: the page files a site
// publishes (its code, the same bytes for every site), the renderer that
// reads an edition back, the content packer, the package's name and
// version. The command is bundled into the package's own folder, so that
// folder is where it reads them; each file is checked against the
// package's manifest, so a damaged install is named instead of published.

import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { checkModule } from '../node/check-module.js';
import { sriHash } from '../node/hashes.js';
import { COMMAND, CONTENT_PACKER, MANIFEST, RENDERER } from '../node/package-layout.js';
import { CommandError } from './errors.js';

export const PACKAGE_DIR = dirname(fileURLToPath(import.meta.url));

async function readChecked(dir, name, described) {
  const path = join(dir, name);
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new CommandError(`cannot read ${path} (${err.code ?? err.message}): reinstall article-widget`);
  }
  if (sriHash(bytes) !== described?.integrity) {
    throw new CommandError(`${path} is not the file this package was built with: reinstall article-widget`);
  }
  return bytes;
}

async function readAll(dir, names, described) {
  const files = {};
  await Promise.all(names.map(async (n) => {
    files[n] = await readChecked(dir, n, described[n]);
  }));
  return files;
}

// { dir, name, version, manifest, pageFiles: { name: Buffer }, copies:
// { 'NAME.br': Buffer, ... } (the precompressed copies of the page
// files), renderer (compiled), packer: Buffer }. The manifest describes
// the code only: the package's demo edition is not a page file of a
// site's build.
export async function readPackage(dir = PACKAGE_DIR) {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8'));
  } catch (err) {
    throw new CommandError(`cannot read ${join(dir, MANIFEST)} (${err.code ?? err.message}): reinstall article-widget`);
  }
  const names = Object.keys(manifest.files).filter((n) => n !== COMMAND && n !== CONTENT_PACKER);
  const [pageFiles, copies, packer] = await Promise.all([
    readAll(dir, names, manifest.files),
    readAll(dir, Object.keys(manifest.encoded ?? {}), manifest.encoded ?? {}),
    readChecked(dir, CONTENT_PACKER, manifest.files[CONTENT_PACKER]),
  ]);
  let renderer;
  try {
    renderer = checkModule(pageFiles[RENDERER], join(dir, RENDERER));
  } catch (err) {
    throw new CommandError(`${err.message}: reinstall article-widget`);
  }
  return { dir, name: manifest.name, version: manifest.version, manifest, pageFiles, copies, renderer, packer };
}
