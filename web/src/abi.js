// The renderer module's interface as JavaScript sees it: the JS side of
// src/wasm_exports.h (ABI 5), imported by the engine, the widget and the
// build (which checks a module against it before shipping it).
// tests/js/abi.test.mjs checks every value here against the C headers.

import { MODULE_EXPORTS } from './module-io.js';

export const ABI_VERSION = 5;

// Every export the shim calls (and nothing else: the build keeps exactly
// these, and refuses a module that lacks one).
export const EXPORTS = [
  ...MODULE_EXPORTS, 'aw_abi_version', 'aw_load_edition', 'aw_add_article', 'aw_catalog_json', 'aw_find_article',
  'aw_render_view', 'aw_render_markdown',
];

// The edition's file name (src/content_blob.h): where a page looks for it
// by default, beside the .wasm.
export const EDITION_FILE = 'article-widget.awe';

// The views by name, as the view attribute spells them, and the number
// aw_render_view takes (src/article_html.h: aw_view, AW_VIEW_NAMES).
export const VIEWS = Object.freeze({ full: 0, trending: 1, article: 2 });

// The link-target values, and the number the renders take
// (src/markdown_html.h: aw_link_target, AW_LINK_TARGET_NAMES); 0 is none.
export const LINK_TARGETS = Object.freeze({ _self: 1, _blank: 2, _parent: 3, _top: 4 });

// aw_render_markdown's frame argument.
export const FRAME_NONE = 0;
export const FRAME_ARTICLE = 1;

// AW_ERR_UNKNOWN_ARTICLE: the module has no article by that slug (the
// output says where its archive file is).
export const STATUS_UNKNOWN_ARTICLE = -7;

// Status codes (src/errors.h) and the error code each becomes for
// article-widget:error and Error.code; any other failure is render-failed.
export const STATUS_ERROR_CODES = Object.freeze({
  [-4]: 'input-too-large',
  [-5]: 'output-too-large',
  [-6]: 'content-invalid',
  [-7]: 'unknown-article',
});

// AW_MAX_INPUT_SIZE: Markdown longer than this is refused (by the module,
// which words the message; the engine spares a copy it knows is too long).
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

// The widget's markup that its script reads to follow links
// (src/article_html.h): trending links go to HASH_PREFIX + slug and carry
// the slug in SLUG_ATTRIBUTE; the title's class, and "Back to top"'s.
export const HASH_PREFIX = '#aw/';
export const SLUG_ATTRIBUTE = 'data-aw-slug';
export const TITLE_CLASS = 'aw-title';
export const BACK_TO_TOP_CLASS = 'aw-back-to-top';
