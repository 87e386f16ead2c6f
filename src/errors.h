/* Status codes shared by the renderer, the CLI and the wasm exports. */
#ifndef AW_ERRORS_H
#define AW_ERRORS_H

#include <stddef.h>

enum {
    AW_OK = 0,
    AW_ERR_NOMEM = -1,     /* an allocation failed; nothing was lost but the output */
    AW_ERR_ARGUMENT = -2,  /* an index, view or pointer the caller passed is not valid */
    AW_ERR_PARSE = -3,     /* md4c reported a failure */
    AW_ERR_TOO_LARGE = -4, /* the input is larger than AW_MAX_INPUT_SIZE */
    AW_ERR_OUTPUT_TOO_LARGE = -5, /* the HTML would be larger than AW_MAX_OUTPUT_SIZE */
    AW_ERR_CONTENT = -6,   /* content that does not check out: a malformed blob, or content/ files
                              that break its rules (content_build.h) */
    AW_ERR_UNKNOWN_ARTICLE = -7 /* no article the module has goes by that slug */
};

/* The largest Markdown input accepted: AW_MAX_INPUT_MIB MiB. md4c counts
 * in 32 bits, and a module in a web page should refuse long before memory
 * runs out. The refusal's message says the figure (errors.c). */
#define AW_MAX_INPUT_MIB 64
#define AW_MAX_INPUT_SIZE ((size_t)AW_MAX_INPUT_MIB * 1024 * 1024)

/* The most HTML one render writes for `input_size` bytes of Markdown:
 * AW_OUTPUT_RATIO bytes per input byte, plus AW_OUTPUT_ALLOWANCE so that
 * short inputs are never refused. Real documents stay well below the ratio,
 * even the densest (tables of one-character cells in aligned columns, a
 * short reference used thousands of times: tests/conformance/amplification.mjs
 * prints their ratios); beyond it lies only amplification, such as rows
 * padded to 128 empty cells or one long URL referenced thousands of times,
 * which would flood the page's DOM and memory. The renderer stops as soon
 * as its output passes the bound. */
#define AW_OUTPUT_RATIO 32
#define AW_OUTPUT_ALLOWANCE ((size_t)64 * 1024)
#define AW_MAX_OUTPUT_SIZE(input_size) ((size_t)(input_size) * AW_OUTPUT_RATIO + AW_OUTPUT_ALLOWANCE)

/* A short English sentence for a status code; never NULL. */
const char *aw_error_message(int status);

#endif
