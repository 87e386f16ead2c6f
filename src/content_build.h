/* Build time: content/ -- articles with front matter and trending.md --
 * checked and packed into the edition and one archive file per article
 * (content_blob.h). The native embedder (aw-embed, programs/aw_embed.c)
 * and the content packer module (content_exports.h, which the package's
 * command and scripts/build's dist/ run) run this, so the rules every
 * build enforces are exactly these.
 *
 * One article at a time: the packer keeps what the checks across articles
 * need (every slug once, with its file and line; the trending articles'
 * records for the edition), not the articles, so its memory does not grow
 * with their text. Each archive file depends on its article alone, the
 * edition on trending.md and the trending articles alone. */
#ifndef AW_CONTENT_BUILD_H
#define AW_CONTENT_BUILD_H

#include "buffer.h"
#include "front_matter.h"

typedef struct aw_content_file {
    const char *path;  /* as the error message should name it */
    const char *text;
    size_t size;
} aw_content_file;

typedef struct aw_content_error {
    const char *path;  /* an article's path as passed in, or the packer's copy of the
                          trending list's (valid until aw_content_packer_free) */
    unsigned line;     /* 1-based; 0 when the message is about the whole file */
    char message[300]; /* printable (printable.h), cut to fit */
} aw_content_error;

typedef struct aw_content_packer aw_content_packer;

/* Starts a build with `trending`, the trending list (copied: it need not
 * outlive the call). Its mistakes are reported by aw_content_packer_finish(),
 * after the articles' own, in the order the checks have always run.
 * Returns NULL when out of memory. */
aw_content_packer *aw_content_packer_new(const aw_content_file *trending);

void aw_content_packer_free(aw_content_packer *packer);

/* Checks one article (its size within the limits, its front matter, a
 * body that is not blank, a slug no earlier article has, at most
 * AW_CONTENT_MAX_ARTICLES of them) and appends its archive file to
 * `file`; `*slug` is set to the slug (inside the article's text). Returns
 * AW_OK; AW_ERR_CONTENT with `error` naming the problem as file, line and
 * message (nothing appended); or AW_ERR_NOMEM. */
int aw_content_packer_add(aw_content_packer *packer, const aw_content_file *article, aw_buffer *file, aw_span *slug,
                          aw_content_error *error);

/* Checks what only the whole folder tells (at least one article, the
 * trending list well-formed and naming articles that were added) and
 * appends the edition to `edition`. Returns as aw_content_packer_add(). */
int aw_content_packer_finish(aw_content_packer *packer, aw_buffer *edition, aw_content_error *error);

/* Appends the archive file's path for `slug`, relative to the edition
 * (AW_ARCHIVE_FOLDER, the slug, AW_ARCHIVE_EXTENSION). Returns 0 or -1. */
int aw_content_archive_path(aw_buffer *out, aw_span slug);

/* The checks a reader makes before it reads anything. The number of
 * articles (AW_CONTENT_MAX_ARTICLES; the error names the trending list). */
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
