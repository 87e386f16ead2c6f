// The names of the package's files that the command reads and writes
// (tools/build-web.mjs writes the package with the same names).

export const RENDERER = 'article-widget.wasm';
export const SINGLE_FILE = 'article-widget.inline.min.js';
// The scripts that carry the module itself (base64): the single-file build,
// and the Node builds (for server bundles that leave the .wasm behind).
export const CARRY_MODULE = [SINGLE_FILE, 'article-widget.node.mjs', 'article-widget.cjs'];
export const MANIFEST = 'manifest.json';

// The command itself and its content packer: in the package, never in a
// folder the command builds (pages load neither).
export const COMMAND = 'article-widget-cli.mjs';
export const CONTENT_PACKER = 'article-widget-content.wasm';
