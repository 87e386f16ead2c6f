// Minifies one generated script with esbuild (a pinned dev dependency; the
// published files depend on nothing). Returns { code, map }: `code` ends with
// a sourceMappingURL comment naming `mapName`, and the map points back to the
// readable file `sourceName` (shipped beside it, also embedded in the map).
// Without `mapName`, no map.

let esbuild;
async function loadEsbuild() {
  try {
    esbuild ??= await import('esbuild');
  } catch (err) {
    throw new Error(`esbuild is not installed (${err.message}): run scripts/setup`);
  }
  return esbuild;
}

export async function minify(source, { sourceName, mapName, module = false }) {
  const { transform } = await loadEsbuild();
  const result = await transform(source, {
    loader: 'js',
    // The ES module's top-level names may be renamed; the classic script is
    // one IIFE expression, whose insides are renamed either way.
    format: module ? 'esm' : undefined,
    minify: true,
    legalComments: 'inline', // keeps the /*! version | wasm hash */ banner
    sourcemap: mapName ? 'external' : false,
    sourcefile: sourceName,
    sourcesContent: true,
  });
  if (!mapName) return { code: result.code, map: null };
  return { code: `${result.code}//# sourceMappingURL=${mapName}\n`, map: result.map };
}
