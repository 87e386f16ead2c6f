/* Build time: content/ -- articles with front matter and trending.md --
 * checked and packed into a content blob (content_blob.h). The native
 * embedder (aw-embed, programs/aw_embed.c) and the content packer module
 * (content_exports.h) run this, so the rules the build enforces are
 * exactly these. */
#ifndef AW_CONTENT_BUILD_H
#define AW_CONTENT_BUILD_H

#include "buffer.h"

typedef struct aw_content_file {
    const char *path;  /* as the error message should name it */
    const char *text;
    size_t size;
} aw_content_file;

typedef struct aw_content_error {
    const char *path;  /* one of the files passed in */
    unsigned line;     /* 1-based */
    char message[300];
} aw_content_error;

/* Checks every article (front matter, a body that is not blank, unique
 * slugs) and the trending list (well-formed, naming real articles), then
 * appends the blob: trending articles in list order, the rest newest
 * first (then by slug), so the output does not depend on file order.
 * Returns AW_OK; AW_ERR_CONTENT with `error` naming the first problem as
 * file, line and message (nothing appended); or AW_ERR_NOMEM. */
int aw_content_pack(aw_buffer *blob, const aw_content_file *articles, size_t count, const aw_content_file *trending,
                    aw_content_error *error);

#endif
