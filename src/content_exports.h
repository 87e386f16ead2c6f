/* The interface of article-widget-content.wasm, the content packer that the
 * package's command (web/cli/) and scripts/build's dist/ run: the checks
 * and the formats of content_build.c, the very code aw-embed runs, with no
 * C toolchain on the site owner's machine. Pages never load this module.
 * The reference for web/node/content-abi.js (tests/js/content-module.test.mjs
 * checks that they agree).
 *
 * One build at a time, one article at a time: aw_content_begin with the
 * trending list, aw_content_add_article for each article file (each gives
 * that article's archive file at once, so neither side holds the folder's
 * text), then aw_content_finish for the edition. Arguments are scalars;
 * text is copied in, so the caller frees what it allocated. Every call
 * returns a status (0, or a negative errors.h code). Memory and output
 * work as in every one of our modules (wasm_module.h: aw_alloc, aw_free,
 * aw_output_ptr, aw_output_len). */
#ifndef AW_CONTENT_EXPORTS_H
#define AW_CONTENT_EXPORTS_H

#include "errors.h"
#include "wasm_module.h"

#include <stddef.h>

#define AW_CONTENT_ABI_VERSION 2

/* Returns AW_CONTENT_ABI_VERSION: the command refuses a module with another. */
AW_EXPORT("aw_content_abi_version") int export_content_abi_version(void);

/* Starts a build, forgetting any earlier one, with the trending list:
 * `path` (UTF-8, as error messages should name the file) and its bytes.
 * Its mistakes are reported by aw_content_finish, after the articles'.
 * Status: AW_ERR_NOMEM. */
AW_EXPORT("aw_content_begin") int export_content_begin(const char *path, size_t path_size, const char *text,
                                                       size_t text_size);

/* Checks an article file (`path` and its bytes, in the order scripts/build
 * takes them: by file name) and packs it. Output on AW_OK: its slug, a
 * NUL, its archive file's path relative to the edition, a NUL, then the
 * archive file. On AW_ERR_CONTENT "file:line: message" ("file: message"
 * for a file's size), exactly as aw-embed prints it
 * (aw_content_error_append). AW_ERR_ARGUMENT before aw_content_begin. */
AW_EXPORT("aw_content_add_article") int export_content_add_article(const char *path, size_t path_size,
                                                                   const char *text, size_t text_size);

/* Checks what the whole folder tells (aw_content_packer_finish in
 * content_build.h). Output: the edition on AW_OK; the message as for
 * aw_content_add_article on AW_ERR_CONTENT. The build is over either way. */
AW_EXPORT("aw_content_finish") int export_content_finish(void);

#endif
