/* The renderer module's whole interface to JavaScript, ABI 5: the
 * reference for web/src/abi.js, which holds the same names, status codes
 * and limits for the shim and the build (tests/js/abi.test.mjs checks that
 * they agree). Memory and output work as in every one of our modules
 * (wasm_module.h: aw_alloc, aw_free, aw_output_ptr, aw_output_len).
 *
 * JavaScript passes slugs and options; the module answers. Arguments are
 * scalars; a call returns a status (0, or a negative errors.h code), or,
 * for a render, the byte length of the HTML it wrote (>= 0). Text comes
 * back in the output; on error the output holds a UTF-8 message. */
#ifndef AW_WASM_EXPORTS_H
#define AW_WASM_EXPORTS_H

#include "errors.h"
#include "wasm_module.h"

#include <stddef.h>

#define AW_ABI_VERSION 5

/* aw_render_markdown's `frame`. */
enum {
    AW_FRAME_NONE = 0,    /* a bare fragment, as render() returns it ("#" is <h1> by default) */
    AW_FRAME_ARTICLE = 1  /* page Markdown in a built-in article's frame ("#" is <h2> by default) */
};

/* Returns AW_ABI_VERSION: the shim refuses a module with another. */
AW_EXPORT("aw_abi_version") int export_abi_version(void);

/* Hands the module its edition (content_blob.h): `size` bytes at `blob`,
 * memory from aw_alloc that the module owns from now on (the shim never
 * frees it). The module forgets any earlier edition and every article
 * added since. Status: AW_ERR_CONTENT for a file that does not check out
 * (frame, structure, slugs, UTF-8), the output saying why ("the edition
 * is truncated: ..."). */
AW_EXPORT("aw_load_edition") int export_load_edition(void *blob, size_t size);

/* Hands the module the archive file fetched for the `slug_size` bytes at
 * `slug` (the path aw_find_article or aw_render_view gave for it): `size`
 * bytes at `blob`, owned by the module from now on, as for
 * aw_load_edition. Status: AW_ERR_CONTENT for a file that does not check
 * out or holds another article (the output says why: "the article file
 * for 'a' holds the article 'b'"); AW_ERR_ARGUMENT for bytes that are no
 * slug, or an article the module has already. */
AW_EXPORT("aw_add_article") int export_add_article(const char *slug, size_t slug_size, void *blob, size_t size);

/* Output: the edition's articles as JSON (catalog.h), for the shim's articles(). */
AW_EXPORT("aw_catalog_json") int export_catalog_json(void);

/* Output: the slug of the article that the `size` bytes at `slug` name:
 * those bytes when the module has that article; with no bytes, the slug
 * of the first of the trending list. Status: AW_ERR_UNKNOWN_ARTICLE when
 * the module has no article by that slug; the output then holds the path
 * of its archive file relative to the edition (catalog.h), or nothing for
 * bytes no article can have as its slug. */
AW_EXPORT("aw_find_article") int export_find_article(const char *slug, size_t size);

/* Renders `view` (aw_view in article_html.h: 0 full, 1 trending, 2 article)
 * of the article whose slug is the `slug_size` bytes at `slug` (no bytes:
 * the first of the trending list). `heading_level`: the widget's headings,
 * 1..6, 0 for the default. `link_target` (aw_link_target in
 * markdown_html.h: 0 none, 1 _self, 2 _blank, 3 _parent, 4 _top): the
 * target attribute of the article's links to other sites.
 * Returns the length of the HTML at the start of the output; with
 * `with_facts` non-zero the facts of the render follow it as JSON
 * {"words":W,"minutes":M,"headings":[{"level","id","text"}]} (facts.h), so
 * one call gives both. Status: AW_ERR_UNKNOWN_ARTICLE when the module has
 * no article by that slug, decided before anything else, the output as
 * aw_find_article's (the shim fetches that file, hands it in with
 * aw_add_article and renders again); AW_ERR_ARGUMENT for an unknown view
 * or link target. */
AW_EXPORT("aw_render_view") int export_render_view(const char *slug, size_t slug_size, int view, int heading_level,
                                                   int link_target, int with_facts);

/* Renders `size` bytes of Markdown at `markdown`, framed as `frame` says.
 * With AW_FRAME_NONE, `id_prefix_size` bytes at `id_prefix` start every
 * heading id (heading_ids.h; 0 bytes: none). `heading_level`, `link_target`,
 * `with_facts` and the value returned as for aw_render_view (render() has
 * no use for the facts, and counting them costs a tenth of an article's
 * render). Status: AW_ERR_TOO_LARGE above AW_MAX_INPUT_SIZE, checked
 * before `markdown` is read (so a caller may learn of a refusal by passing
 * the size alone, with no bytes); AW_ERR_OUTPUT_TOO_LARGE when the HTML
 * would pass AW_MAX_OUTPUT_SIZE (errors.h: the render stops there);
 * AW_ERR_ARGUMENT for a prefix that is not up to AW_ID_PREFIX_MAX ASCII
 * letters, digits, '-' and '_', or an unknown frame or link target. */
AW_EXPORT("aw_render_markdown") int export_render_markdown(const char *markdown, size_t size, int heading_level,
                                                           int frame, const char *id_prefix, size_t id_prefix_size,
                                                           int link_target, int with_facts);

#endif
