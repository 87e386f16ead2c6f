// The names of the package's files that the command reads and writes
// (tools/build-web.mjs writes the package with the same names).

export const RENDERER = 'article-widget.wasm';
export const SINGLE_FILE = 'article-widget.inline.min.js';
export const MANIFEST = 'manifest.json';

// The command itself and its content packer: in the package, never in a
// folder the command builds (pages load neither).
export const COMMAND = 'article-widget-cli.mjs';
export const CONTENT_PACKER = 'article-widget-content.wasm';
