// The content packer's interface as JavaScript sees it: the JS side of
// src/content_exports.h, imported by the command (web/cli/packer.js) and
// by the module checks (check-module.js). tests/js/content-module.test.mjs
// checks every value here against the C headers.

import { MODULE_EXPORTS } from '../src/module-io.js';

export const CONTENT_ABI_VERSION = 2;

// Every export the command calls.
export const CONTENT_EXPORTS = [
  ...MODULE_EXPORTS, 'aw_content_abi_version', 'aw_content_begin', 'aw_content_add_article', 'aw_content_finish',
];

// AW_ERR_CONTENT (src/errors.h): the content breaks a rule; the output
// is "file:line: message".
export const STATUS_CONTENT = -6;

// What a build may read (src/content_blob.h): the command checks these
// before it reads a byte, as aw-embed does, and the packer checks them
// again. The messages are aw-embed's (web/cli/content-folder.js).
export const MAX_ARTICLES = 100000;
export const MAX_FILE_SIZE = 1 << 20;
export const MAX_TOTAL_SIZE = 1 << 30;
