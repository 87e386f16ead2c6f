// One build of a site, in memory: a content folder in, the files of a
// dist folder carrying those articles out (the package's page files with
// the new renderer, and their manifest). `build` writes them, `preview`
// serves them.

import { makeManifest } from '../node/manifest.js';
import { MANIFEST } from '../node/package-layout.js';
import { addPrecompressedCopies } from '../node/precompress.js';
import { createEngine } from '../src/engine.js';
import { readContentFolder } from './content-folder.js';
import { retarget } from './retarget.js';

// pkg: readPackage(); pack: createPacker(). `sizes` adds gzip and brotli
// sizes to the manifest (seconds for a megabyte of articles). `precompress`
// adds the .br and .gz copies of the page files for static hosts that do
// not compress, as scripts/build does: brotli at quality 11 takes most of a
// build (seconds for a megabyte of articles), so it is asked for.
// Returns { files: { name: Buffer }, manifest, catalog, hash, integrity,
// warnings } (warnings: files of the folder that are not read, and why).
export async function buildSite({ pkg, pack, contentDir, sizes = false, precompress = false }) {
  const folder = await readContentFolder(contentDir);
  const blob = pack(folder);
  const { files, module, hash, integrity } = retarget(pkg.pageFiles, blob);
  // The catalog as a page will see it: the new module, read by the shim's
  // own engine, which also proves the module loads.
  const catalog = (await createEngine(module)).articles();
  if (precompress) addPrecompressedCopies(files);
  const manifest = makeManifest({ name: pkg.name, version: pkg.version, wasmHash: hash, files, compressed: sizes });
  return {
    files: { ...files, [MANIFEST]: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    manifest, catalog, hash, integrity, warnings: folder.warnings,
  };
}
