// One build of a site, in memory: a content folder in; out, its edition
// and one archive file per article (src/content_blob.h), and beside them
// the package's page files as they are (the renderer is the same for
// every site) with their manifest. `build` writes them, `preview` serves
// them; scripts/build makes dist/'s demo edition with buildContent().

import { createEngine } from '../src/engine.js';
import { EDITION_FILE } from '../src/abi.js';
import { MANIFEST } from '../node/package-layout.js';
import { compressContent } from '../node/precompress.js';
import { readContentFolder } from './content-folder.js';
import { prerenderElements } from './elements.js';
import { CommandError } from './errors.js';

// The folder packed: { edition, archive: Map(path -> bytes), catalog (the
// edition's articles, as a page's articles() gives them), slugs (every
// article's, in file order), warnings, engine (the renderer with the
// edition loaded) }. `pack`: createPacker()'s;
// `renderer`: the compiled renderer module, which reads the edition back
// (the check a page makes). `compress`: gzip, as pages are served; the
// preview serves them as they are. `cache` and `changed`: the preview's
// (content-folder.js).
export async function buildContent({ pack, renderer, contentDir, compress = true, cache = null, changed = null }) {
  const shipped = compress ? compressContent : (bytes) => bytes;
  const archive = new Map();
  const slugs = [];
  const { warnings } = await readContentFolder(contentDir, (file) => pack.begin(file), (file) => {
    const packed = pack.add(file);
    archive.set(packed.path, shipped(packed.bytes));
    slugs.push(packed.slug);
  }, { cache, changed });
  const edition = pack.finish();
  const engine = await createEngine(renderer);
  try {
    engine.loadEdition(edition);
  } catch (err) {
    throw new CommandError(`the packed edition does not load (${err.message}): reinstall article-widget`);
  }
  return { edition: shipped(edition), archive, catalog: engine.articles(), slugs, warnings, engine };
}

// pkg: readPackage(); pack: createPacker(). `precompress` adds the
// package's .br and .gz copies of the page files, for static hosts that
// do not compress. Returns { files: Map(path -> bytes), manifest, catalog,
// slugs, archive (the archive files' paths), elements (the pre-rendered
// elements' paths), warnings }: the page files, manifest.json (the
// package's description of them: sizes and SRI), the edition, the archive
// and, with `prerender` ({ css: the widget's stylesheet as the scripts
// carry it, articleUrl }), a pre-rendered element per article of the
// edition (elements.js).
export async function buildSite({
  pkg, pack, contentDir, precompress = false, compress = true, cache, changed, prerender = null,
}) {
  const content = await buildContent({ pack, renderer: pkg.renderer, contentDir, compress, cache, changed });
  const files = new Map(Object.entries(pkg.pageFiles));
  if (precompress) for (const [name, bytes] of Object.entries(pkg.copies)) files.set(name, bytes);
  const manifest = {
    ...pkg.manifest,
    files: Object.fromEntries(Object.keys(pkg.pageFiles).sort().map((n) => [n, pkg.manifest.files[n]])),
    encoded: precompress ? pkg.manifest.encoded : {},
  };
  files.set(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  files.set(EDITION_FILE, content.edition);
  for (const [path, bytes] of content.archive) files.set(path, bytes);
  const elements = prerender
    ? prerenderElements({ ...prerender, engine: content.engine, catalog: content.catalog, wasmHash: pkg.manifest.wasmHash })
    : new Map();
  for (const [path, bytes] of elements) files.set(path, bytes);
  return {
    files, manifest, catalog: content.catalog, slugs: content.slugs, archive: [...content.archive.keys()],
    elements: [...elements.keys()], warnings: content.warnings,
  };
}
