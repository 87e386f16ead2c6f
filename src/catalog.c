#include "catalog.h"

#include "content_blob.h"
#include "errors.h"
#include "json.h"
#include "slug.h"
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ===== Reading the blob ===== */

typedef struct reader {
    const char *at;
    const char *end;
} reader;

static int read_u32(reader *r, size_t *value)
{
    const unsigned char *p = (const unsigned char *)r->at;

    if (r->end - r->at < 4)
        return -1;
    *value = (size_t)p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16 | (size_t)p[3] << 24;
    r->at += 4;
    return 0;
}

/* The next NUL-terminated string, checked to be valid UTF-8. */
static const char *read_string(reader *r, size_t *size)
{
    const char *start = r->at;
    const char *nul = memchr(start, '\0', (size_t)(r->end - start));

    if (nul == NULL || aw_utf8_valid_prefix(start, (size_t)(nul - start)) != (size_t)(nul - start))
        return NULL;
    r->at = nul + 1;
    if (size != NULL)
        *size = (size_t)(nul - start);
    return start;
}

static int read_article(reader *r, aw_article *a, const char **topics, size_t topic_room, size_t *topics_used)
{
    size_t topic_count, t;
    const char **fields[] = { &a->slug, &a->title, &a->date, &a->source, &a->summary };
    size_t f;

    if (read_u32(r, &topic_count) != 0 || topic_count > topic_room - *topics_used)
        return -1;
    for (f = 0; f < sizeof(fields) / sizeof(fields[0]); f++)
        if ((*fields[f] = read_string(r, NULL)) == NULL)
            return -1;
    for (t = 0; t < topic_count; t++)
        if ((topics[*topics_used + t] = read_string(r, NULL)) == NULL)
            return -1;
    a->topics = topic_count ? topics + *topics_used : NULL;
    a->topic_count = topic_count;
    *topics_used += topic_count;
    a->markdown = read_string(r, &a->markdown_size);
    /* Slugs go into attributes and URLs unescaped. */
    return a->markdown != NULL && aw_slug_is_valid(a->slug, strlen(a->slug)) ? 0 : -1;
}

int aw_catalog_load(aw_catalog *catalog, const void *blob, size_t size)
{
    reader r = { blob, (const char *)blob + size };
    size_t count, trending, i, topics_used = 0, topic_room;
    aw_article *articles;
    const char **topics;

    memset(catalog, 0, sizeof(*catalog));
    if (size < AW_CONTENT_MAGIC_SIZE || memcmp(blob, AW_CONTENT_MAGIC, AW_CONTENT_MAGIC_SIZE) != 0)
        return AW_ERR_CONTENT;
    r.at += AW_CONTENT_MAGIC_SIZE;
    if (read_u32(&r, &count) != 0 || read_u32(&r, &trending) != 0 || count == 0
        || count > AW_CONTENT_MAX_ARTICLES || trending > count)
        return AW_ERR_CONTENT;

    /* One allocation holds the articles and their topic lists. */
    topic_room = count * AW_CONTENT_MAX_TOPICS;
    articles = malloc(count * sizeof(*articles) + topic_room * sizeof(*topics));
    if (articles == NULL)
        return AW_ERR_NOMEM;
    topics = (const char **)(articles + count);
    for (i = 0; i < count; i++) {
        if (read_article(&r, &articles[i], topics, topic_room, &topics_used) != 0) {
            free(articles);
            return AW_ERR_CONTENT;
        }
    }
    if (r.at != r.end) {
        free(articles);
        return AW_ERR_CONTENT;
    }
    catalog->articles = articles;
    catalog->count = count;
    catalog->trending_count = trending;
    catalog->owned = articles;
    return AW_OK;
}

void aw_catalog_free(aw_catalog *catalog)
{
    free(catalog->owned);
    memset(catalog, 0, sizeof(*catalog));
}

/* ===== Lookups ===== */

long aw_catalog_find(const aw_catalog *catalog, const char *slug, size_t size)
{
    size_t i;

    if (size == 0)
        return catalog->count ? 0 : -1;
    /* Any bytes may be asked for (a URL's #aw/...): compared as bytes, so
     * a NUL among them matches nothing. */
    for (i = 0; i < catalog->count; i++) {
        const char *candidate = catalog->articles[i].slug;
        if (strlen(candidate) == size && memcmp(candidate, slug, size) == 0)
            return (long)i;
    }
    return -1;
}

static void write_json_field(aw_buffer *out, const char *key, const char *value)
{
    aw_buffer_append_str(out, ",\"");
    aw_buffer_append_str(out, key);
    aw_buffer_append_str(out, "\":");
    aw_json_append_string(out, value, strlen(value));
}

int aw_catalog_write_json(aw_buffer *out, const aw_catalog *catalog)
{
    size_t i, t;

    aw_buffer_append_char(out, '[');
    for (i = 0; i < catalog->count; i++) {
        const aw_article *a = &catalog->articles[i];

        aw_buffer_append_str(out, i ? ",{\"slug\":" : "{\"slug\":");
        aw_json_append_string(out, a->slug, strlen(a->slug));
        write_json_field(out, "title", a->title);
        write_json_field(out, "date", a->date);
        write_json_field(out, "source", a->source);
        aw_buffer_append_str(out, ",\"topics\":[");
        for (t = 0; t < a->topic_count; t++) {
            if (t)
                aw_buffer_append_char(out, ',');
            aw_json_append_string(out, a->topics[t], strlen(a->topics[t]));
        }
        aw_buffer_append_char(out, ']');
        write_json_field(out, "summary", a->summary);
        aw_buffer_append_char(out, '}');
    }
    aw_buffer_append_char(out, ']');
    return out->failed ? -1 : 0;
}
