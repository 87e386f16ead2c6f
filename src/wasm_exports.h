/* The renderer module's whole interface to JavaScript, ABI 4: the
 * reference for web/src/abi.js, which holds the same names, status codes
 * and limits for the shim and the build (tests/js/abi.test.mjs checks that
 * they agree). Memory and output work as in every one of our modules
 * (wasm_module.h: aw_alloc, aw_free, aw_output_ptr, aw_output_len).
 *
 * Arguments are scalars; every call returns a status (0, or a negative
 * errors.h code) or a plain value; text comes back in the output. On error
 * the output holds a UTF-8 message. */
#ifndef AW_WASM_EXPORTS_H
#define AW_WASM_EXPORTS_H

#include "errors.h"
#include "wasm_module.h"

#include <stddef.h>

#define AW_ABI_VERSION 4

/* aw_render_markdown's `frame`. */
enum {
    AW_FRAME_NONE = 0,    /* a bare fragment, as render() returns it ("#" is <h1> by default) */
    AW_FRAME_ARTICLE = 1  /* page Markdown in a built-in article's frame ("#" is <h2> by default) */
};

/* Returns AW_ABI_VERSION: the shim refuses a module with another. */
AW_EXPORT("aw_abi_version") int export_abi_version(void);

/* Hands the module its articles: `size` bytes of content blob (content_blob.h)
 * at `blob`, memory from aw_alloc that the module owns from now on (the
 * shim never frees it; a later load releases it). The shim reads the blob
 * from the .wasm's custom section AW_CONTENT_SECTION before the first
 * render. Status: AW_ERR_CONTENT for a malformed blob. */
AW_EXPORT("aw_load_content") int export_load_content(void *blob, size_t size);

/* Output: the catalog as JSON (catalog.h). */
AW_EXPORT("aw_catalog_json") int export_catalog_json(void);

/* Output: HTML of `view` (aw_view: 0 full, 1 trending, 2 article) of the
 * article at `index` in the catalog (-1: the first). `heading_level`: the
 * widget's headings, 1..6, 0 for the default (article_html.h). */
AW_EXPORT("aw_render_view") int export_render_view(int index, int view, int heading_level);

/* Output: HTML for `size` bytes of Markdown at `markdown`, framed as
 * `frame` says. With AW_FRAME_NONE, `id_prefix_size` bytes at `id_prefix`
 * start every heading id (heading_ids.h; 0 bytes: none). Status:
 * AW_ERR_TOO_LARGE above AW_MAX_INPUT_SIZE; AW_ERR_OUTPUT_TOO_LARGE when
 * the HTML would pass AW_MAX_OUTPUT_SIZE (errors.h: the render stops there);
 * AW_ERR_ARGUMENT for a prefix that is not up to AW_ID_PREFIX_MAX ASCII
 * letters, digits, '-' and '_'. `collect_facts` non-zero keeps the render's
 * facts for aw_facts_json(); zero leaves them empty (render() has no use for
 * them, and counting them costs a tenth of an article's render). */
AW_EXPORT("aw_render_markdown") int export_render_markdown(const char *markdown, size_t size, int heading_level,
                                                           int frame, const char *id_prefix, size_t id_prefix_size,
                                                           int collect_facts);

/* Output: the facts of the last successful render as JSON
 * {"words":W,"minutes":M,"headings":[{"level","id","text"}]} (facts.h). */
AW_EXPORT("aw_facts_json") int export_facts_json(void);

/* Output: the package version (dist/package.json's, e.g. "0.1.0"). */
AW_EXPORT("aw_version") int export_version(void);

#endif
