import { nodeResolve } from '@rollup/plugin-node-resolve';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';

export default {
  input: 'src/main.js',
  output: { dir: 'public/build', format: 'es' },
  // Rollup emits no assets by itself: importMetaAssets() emits the .wasm
  // the package names with new URL('./article-widget.wasm', import.meta.url).
  plugins: [nodeResolve(), importMetaAssets()],
};
