// The names of the package's files (dist/) that code reads or writes by
// name: the build (tools/build-web.mjs), the package's command (web/cli/)
// and the tarball's checks (tools/pack.mjs). The whole list of what the
// package holds is dist/package.json's "files", which CMake reads for the
// build's outputs; scripts/pack fails when the build writes a file that
// list does not name, or the list names one the build does not write.

// What a page loads: the minified classic script (or ES module) and the
// renderer it fetches.
export const PAGE_SCRIPT = 'article-widget.min.js';
export const PAGE_MODULE = 'article-widget.min.mjs';
export const RENDERER = 'article-widget.wasm';
// The classic script with the renderer inside (base64), for hosts that
// cannot serve a .wasm.
export const SINGLE_FILE = 'article-widget.inline.min.js';
// The Node builds, which carry the module and the demo edition (base64)
// for server bundles that leave the files beside them behind.
export const NODE_MODULE = 'article-widget.node.mjs';
export const NODE_REQUIRE = 'article-widget.cjs';
export const MANIFEST = 'manifest.json';
export const NOTICES = 'THIRD-PARTY-NOTICES.md';

// The command itself and its content packer: in the package, never in a
// folder the command builds (pages load neither).
export const COMMAND = 'article-widget-cli.mjs';
export const CONTENT_PACKER = 'article-widget-content.wasm';
