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
    unsigned line;     /* 1-based; 0 when the message is about the whole file */
    char message[300]; /* printable (printable.h), cut to fit */
} aw_content_error;

/* Checks every article (front matter, a body that is not blank, unique
 * slugs) and the trending list (well-formed, naming real articles), then
 * appends the blob: trending articles in list order, the rest newest
 * first (then by slug), so the output does not depend on file order.
 * Returns AW_OK; AW_ERR_CONTENT with `error` naming the first problem as
 * file, line and message (nothing appended); or AW_ERR_NOMEM. */
int aw_content_pack(aw_buffer *blob, const aw_content_file *articles, size_t count, const aw_content_file *trending,
                    aw_content_error *error);

/* The checks aw_content_pack() starts with, for a reader to make before it
 * reads anything. The number of articles (AW_CONTENT_MAX_ARTICLES; the
 * error names the trending list). */
int aw_content_check_count(size_t count, const char *trending_path, aw_content_error *error);

/* One file's size, the files taken in the order they are passed (the
 * articles, then the trending list): at most AW_CONTENT_MAX_FILE_SIZE, and
 * `*total` (the sizes before it) with it at most AW_CONTENT_MAX_TOTAL_SIZE;
 * adds it to `*total`. Returns AW_OK or AW_ERR_CONTENT (line 0). */
int aw_content_check_size(const char *path, size_t size, size_t *total, aw_content_error *error);

/* Appends the error as it is printed: "file:line: message", or "file:
 * message" for line 0, the file name made printable (printable.h). The one
 * form of aw-embed and of the content packer module. Returns 0 or -1. */
int aw_content_error_append(aw_buffer *out, const aw_content_error *error);

#endif
