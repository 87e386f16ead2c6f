/* The articles the renderer has: the edition (its trending list), then the
 * archive files handed in one by one as a page opens them (content_blob.h);
 * looked up by slug, listed as JSON. */
#ifndef AW_CATALOG_H
#define AW_CATALOG_H

#include "buffer.h"
#include "content_blob.h"

#include <stdint.h>

typedef struct aw_article {
    const char *slug;     /* valid (slug.h), unique in the catalog */
    size_t slug_size;
    const char *title;
    const char *date;     /* YYYY-MM-DD */
    const char *source;   /* "" when the front matter has none */
    const char *summary;  /* "" when the front matter has none */
    const char *topics[AW_CONTENT_MAX_TOPICS];
    size_t topic_count;
    const char *markdown; /* the body after the front matter */
    size_t markdown_size;
    const void *file;     /* the file it was read from (the edition, or its archive file) */
} aw_article;

typedef struct aw_catalog {
    /* articles[0 .. trending_count) are the edition's, trending.md's
     * order; archive articles follow in the order they were added. */
    aw_article *articles;
    size_t count;
    size_t trending_count;
    size_t cap;
    /* The edition's: the folder of the archive files relative to it
     * ("articles/"; NULL before an edition is loaded), and its build id. */
    const char *archive_folder;
    uint64_t build_id;
} aw_catalog;

/* An empty catalog: no edition, no article. */
void aw_catalog_init(aw_catalog *catalog);

/* Releases the article table and empties the catalog. The files' bytes
 * are the caller's: the catalog's strings point into them. */
void aw_catalog_free(aw_catalog *catalog);

/* Empties the catalog and reads an edition (`size` bytes at `blob`, which
 * must outlive the catalog). Returns AW_OK; AW_ERR_CONTENT, with the
 * reason appended to `message` ("the edition is truncated: ..."), for a
 * file whose frame, structure, slugs or UTF-8 do not check out; or
 * AW_ERR_NOMEM. On error the catalog is empty. */
int aw_catalog_load_edition(aw_catalog *catalog, const void *blob, size_t size, aw_buffer *message);

/* Adds the article of an archive file (`size` bytes at `blob`, which must
 * outlive the catalog) that was fetched for the `slug_size` bytes at
 * `slug`. Returns AW_OK; AW_ERR_CONTENT, with the reason appended to
 * `message`, for a file that does not check out, or holds another article
 * than `slug` (a file misplaced or swapped); AW_ERR_ARGUMENT for bytes
 * that are no slug (slug.h), or a slug the catalog has already; or
 * AW_ERR_NOMEM. Nothing is added on error. */
int aw_catalog_add_article(aw_catalog *catalog, const void *blob, size_t size, const char *slug, size_t slug_size,
                           aw_buffer *message);

/* Returns the index of the article whose slug is the `size` bytes at
 * `slug`, or -1 (also for bytes that break slug.h's rule); with no bytes,
 * 0: the first of the trending list (-1 in an empty catalog). */
long aw_catalog_find(const aw_catalog *catalog, const char *slug, size_t size);

/* Appends where the archive file of the `size` bytes at `slug` is,
 * relative to the edition: the edition's archive folder, the slug and
 * AW_ARCHIVE_EXTENSION ("articles/harbour-reopens.awa"). Appends nothing
 * for bytes no article can have as its slug (slug.h), or before an
 * edition is loaded. Returns 0, or -1 when `out` failed. */
int aw_catalog_append_archive_path(aw_buffer *out, const aw_catalog *catalog, const char *slug, size_t size);

/* Appends a JSON array of the edition's articles, in trending order:
 * objects with the keys slug, title, date, source, topics (an array) and
 * summary. Returns 0 or -1. */
int aw_catalog_write_json(aw_buffer *out, const aw_catalog *catalog);

#endif
