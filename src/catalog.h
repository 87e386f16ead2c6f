/* The articles compiled into the module, and their metadata as JSON. */
#ifndef AW_CATALOG_H
#define AW_CATALOG_H

#include "buffer.h"

typedef struct aw_article {
    const char *slug;     /* [a-z0-9-]+, unique */
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
} aw_catalog;

/* The content/ folder, generated at build time by tools/embed_content.c. */
extern const aw_catalog aw_content;

/* Returns the index of the article with this slug, or -1. */
long aw_catalog_find(const aw_catalog *catalog, const char *slug, size_t size);

/* Appends a JSON array, in index order, of objects with the keys slug,
 * title, date, source, topics (an array) and summary. Returns 0 or -1. */
int aw_catalog_write_json(aw_buffer *out, const aw_catalog *catalog);

#endif
