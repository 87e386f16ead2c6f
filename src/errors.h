/* Status codes shared by the renderer, the CLI and the wasm exports. */
#ifndef AW_ERRORS_H
#define AW_ERRORS_H

enum {
    AW_OK = 0,
    AW_ERR_NOMEM = -1,     /* an allocation failed; nothing was lost but the output */
    AW_ERR_ARGUMENT = -2,  /* an index, view or pointer the caller passed is not valid */
    AW_ERR_PARSE = -3,     /* md4c reported a failure */
    AW_ERR_TOO_LARGE = -4, /* the input is larger than AW_MAX_INPUT_SIZE */
    AW_ERR_CONTENT = -6    /* content that does not check out: a malformed blob, or content/ files
                              that break its rules (content_build.h) */
};

/* The largest Markdown input accepted, in bytes. md4c counts in 32 bits,
 * and a module in a web page should refuse long before memory runs out. */
#define AW_MAX_INPUT_SIZE ((size_t)64 * 1024 * 1024)

/* A short English sentence for a status code; never NULL. */
const char *aw_error_message(int status);

#endif
