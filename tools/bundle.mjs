// Bundles the shim's ES modules (web/src/) into one script with esbuild (a
// pinned dev dependency; the published files depend on nothing). The build
// constants of web/src/build-info.js are defined here, and the stylesheet
// is imported as minified text.

import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SRC = `${REPO}web/src/`;

let esbuild;
async function loadEsbuild() {
  try {
    esbuild ??= await import('esbuild');
  } catch (err) {
    throw new Error(`esbuild is not installed (${err.message}): run scripts/setup`);
  }
  return esbuild;
}

// A stylesheet as the scripts carry it: minified.
export async function minifiedCss(path) {
  const { readFile } = await import('node:fs/promises');
  const { transform } = await loadEsbuild();
  const { code } = await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true });
  return code.trim();
}

// The widget's stylesheet as the scripts carry it (and a pre-rendered
// element inline: its hash goes into manifest.json).
export const widgetCss = () => minifiedCss(`${SRC}widget.css`);

// `import css from './widget.css'` gives the stylesheet, minified, as a string.
const cssAsText = {
  name: 'css-as-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async ({ path }) => ({
      contents: `export default ${JSON.stringify(await minifiedCss(path))};`, loader: 'js',
    }));
  },
};

// What follows the banner, by format: the classic script stays strict (the
// modules are strict code); CommonJS has no import.meta, so the file's own
// URL stands in for it.
const PRELUDE = {
  iife: '"use strict";',
  esm: '',
  cjs: "const __aw_file_url = require('node:url').pathToFileURL(__filename).href;",
};

// One output file: { code, map } (map null without `mapName`).
//   entry:   'entry-classic.js' | 'entry-module.js' | 'entry-node.js'
//   format:  'iife' | 'esm' | 'cjs'
//   defines: { version, hash, integrity, base64, edition }
export async function bundle({ entry, format, minify = false, mapName = null, banner, defines }) {
  const { build } = await loadEsbuild();
  const node = entry === 'entry-node.js';
  const result = await build({
    entryPoints: [SRC + entry],
    bundle: true,
    write: false,
    // Maps name the sources as web/src/NAME.js (with their text inside).
    absWorkingDir: REPO,
    outfile: `${REPO}${mapName ? mapName.replace(/\.map$/, '') : 'out.js'}`,
    format,
    platform: node ? 'node' : 'browser',
    target: 'es2022',
    minify,
    legalComments: 'inline', // keeps the /*! version | wasm hash */ banner
    banner: { js: banner + PRELUDE[format] },
    sourcemap: mapName ? 'linked' : false,
    sourcesContent: true,
    define: {
      __AW_VERSION__: JSON.stringify(defines.version),
      __AW_WASM_HASH__: JSON.stringify(defines.hash),
      __AW_WASM_INTEGRITY__: JSON.stringify(defines.integrity),
      __AW_WASM_BASE64__: JSON.stringify(defines.base64 ?? null),
      __AW_EDITION_BASE64__: JSON.stringify(defines.edition ?? null),
      ...(format === 'cjs' ? { 'import.meta.url': '__aw_file_url' } : {}),
    },
    plugins: [cssAsText],
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => !f.path.endsWith('.map'));
  const map = result.outputFiles.find((f) => f.path.endsWith('.map'));
  return { code: js.text, map: map ? map.text : null };
}

// The package's command (web/cli/main.js) as one Node script, readable
// (not minified: pages never load it). Its page assets are imported
// `with { type: 'text' }`; the widget's stylesheet as the scripts carry
// it (the pre-rendered elements it writes hold it inline).
export async function bundleCommand({ version }) {
  const { build } = await loadEsbuild();
  const result = await build({
    entryPoints: [`${REPO}web/cli/main.js`],
    bundle: true,
    write: false,
    absWorkingDir: REPO,
    outfile: `${REPO}article-widget-cli.mjs`,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: `#!/usr/bin/env node\n// article-widget ${version}: the package's command (built from web/cli by tools/build-web.mjs).` },
    plugins: [cssAsText],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
