/* The articles a module carries: read from the content blob
 * (content_blob.h), looked up by slug, listed as JSON. */
#ifndef AW_CATALOG_H
#define AW_CATALOG_H

#include "buffer.h"

typedef struct aw_article {
    const char *slug;     /* valid (slug.h), unique */
    const char *title;
    const char *date;     /* YYYY-MM-DD */
    const char *source;   /* "" when the front matter has none */
    const char *summary;  /* "" when the front matter has none */
    const char *const *topics;
    size_t topic_count;
    const char *markdown; /* the body after the front matter */
    size_t markdown_size;
} aw_article;

typedef struct aw_catalog {
    const aw_article *articles;
    size_t count;
    /* articles[0 .. trending_count) are content/trending.md, in its order;
     * the rest follow, newest first. */
    size_t trending_count;
    void *owned;          /* what aw_catalog_load allocated; NULL otherwise */
} aw_catalog;

/* Reads a content blob into `catalog`. The strings point into `blob`,
 * which must outlive the catalog. Returns AW_OK, AW_ERR_CONTENT when the
 * blob is malformed (wrong magic, truncated, a slug that breaks slug.h's
 * rule, ill-formed UTF-8, more than AW_CONTENT_MAX_ARTICLES), or
 * AW_ERR_NOMEM; on error the catalog is empty. */
int aw_catalog_load(aw_catalog *catalog, const void *blob, size_t size);

/* Releases what aw_catalog_load allocated and empties the catalog. */
void aw_catalog_free(aw_catalog *catalog);

/* Returns the index of the article whose slug is the `size` bytes at
 * `slug`, or -1 (also for bytes that break slug.h's rule); with no bytes,
 * 0: the first article, the first of the trending list (-1 in an empty
 * catalog). */
long aw_catalog_find(const aw_catalog *catalog, const char *slug, size_t size);

/* Appends a JSON array, in index order, of objects with the keys slug,
 * title, date, source, topics (an array) and summary. Returns 0 or -1. */
int aw_catalog_write_json(aw_buffer *out, const aw_catalog *catalog);

#endif
