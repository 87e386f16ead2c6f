/* The interface of article-widget-content.wasm, the content packer that the
 * package's command (web/cli/) runs: the checks of content_build.c, the
 * very code that packs content/ for scripts/build, with no C toolchain on
 * the site owner's machine. Pages never load this module. The reference
 * for web/node/content-abi.js (tests/js/content-module.test.mjs checks that
 * they agree).
 *
 * One packing at a time: aw_content_begin, then aw_content_add_article for
 * each file (in the order scripts/build passes them: by file name) and
 * aw_content_set_trending, then aw_content_pack. Arguments are scalars;
 * text is copied in, so the caller frees what it allocated. Every call
 * returns a status (0, or a negative errors.h code). Memory and output
 * work as in every one of our modules (wasm_module.h: aw_alloc, aw_free,
 * aw_output_ptr, aw_output_len). */
#ifndef AW_CONTENT_EXPORTS_H
#define AW_CONTENT_EXPORTS_H

#include "errors.h"
#include "wasm_module.h"

#include <stddef.h>

#define AW_CONTENT_ABI_VERSION 1

/* Returns AW_CONTENT_ABI_VERSION: the command refuses a module with another. */
AW_EXPORT("aw_content_abi_version") int export_content_abi_version(void);

/* Forgets any earlier packing. */
AW_EXPORT("aw_content_begin") int export_content_begin(void);

/* Adds an article: `path` (UTF-8, as error messages should name the file)
 * and its bytes. Status: AW_ERR_NOMEM. */
AW_EXPORT("aw_content_add_article") int export_content_add_article(const char *path, size_t path_size,
                                                                   const char *text, size_t text_size);

/* Sets the trending list file: its path and bytes. Status: AW_ERR_NOMEM. */
AW_EXPORT("aw_content_set_trending") int export_content_set_trending(const char *path, size_t path_size,
                                                                     const char *text, size_t text_size);

/* Checks and packs what was added (aw_content_pack in content_build.h).
 * Output: the content blob (content_blob.h) on AW_OK; on AW_ERR_CONTENT
 * "file:line: message" ("file: message" for a file's size), exactly as
 * aw-embed prints it (aw_content_error_append). */
AW_EXPORT("aw_content_pack") int export_content_pack(void);

#endif
