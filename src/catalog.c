#include "catalog.h"

#include "content_frame.h"
#include "errors.h"
#include "json.h"
#include "slug.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* ===== Reading a payload ===== */

typedef struct reader {
    const char *at;
    const char *end;
} reader;

static int read_u32(reader *r, size_t *value)
{
    if (r->end - r->at < 4)
        return -1;
    *value = aw_content_read_u32(r->at);
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

/* One article record (content_blob.h). */
static int read_article(reader *r, aw_article *a)
{
    const char **fields[] = { &a->title, &a->date, &a->source, &a->summary };
    size_t f, t;

    memset(a, 0, sizeof(*a));
    if (read_u32(r, &a->topic_count) != 0 || a->topic_count > AW_CONTENT_MAX_TOPICS)
        return -1;
    /* Slugs go into attributes and URLs unescaped. */
    a->slug = read_string(r, &a->slug_size);
    if (a->slug == NULL || !aw_slug_is_valid(a->slug, a->slug_size))
        return -1;
    for (f = 0; f < sizeof(fields) / sizeof(fields[0]); f++)
        if ((*fields[f] = read_string(r, NULL)) == NULL)
            return -1;
    for (t = 0; t < a->topic_count; t++)
        if ((a->topics[t] = read_string(r, NULL)) == NULL)
            return -1;
    a->markdown = read_string(r, &a->markdown_size);
    return a->markdown != NULL ? 0 : -1;
}

/* A valid archive folder: "" or segments of [a-z0-9_-] each ending in
 * '/', so that it stays beside the edition. */
static int folder_is_valid(const char *folder)
{
    size_t segment = 0;

    for (; *folder; folder++) {
        unsigned char c = (unsigned char)*folder;
        if (c == '/') {
            if (segment == 0)
                return 0;
            segment = 0;
        } else if ((unsigned)(c - 'a') < 26 || (unsigned)(c - '0') < 10 || c == '-' || c == '_') {
            segment++;
        } else {
            return 0;
        }
    }
    return segment == 0;
}

/* ===== The table ===== */

void aw_catalog_init(aw_catalog *catalog)
{
    memset(catalog, 0, sizeof(*catalog));
}

void aw_catalog_free(aw_catalog *catalog)
{
    free(catalog->articles);
    aw_catalog_init(catalog);
}

static aw_article *next_slot(aw_catalog *catalog)
{
    if (catalog->count == catalog->cap) {
        size_t cap = catalog->cap ? catalog->cap * 2 : 16;
        aw_article *grown = realloc(catalog->articles, cap * sizeof(*grown));

        if (grown == NULL)
            return NULL;
        catalog->articles = grown;
        catalog->cap = cap;
    }
    return &catalog->articles[catalog->count];
}

int aw_catalog_load_edition(aw_catalog *catalog, const void *blob, size_t size, aw_buffer *message)
{
    const char *payload;
    size_t payload_size, count, i, mark = message->len;
    reader r;

    aw_catalog_free(catalog);
    aw_buffer_append_str(message, "the edition ");
    if (aw_content_frame_check(blob, size, AW_EDITION_MAGIC, &payload, &payload_size, message) != 0)
        return AW_ERR_CONTENT;
    r.at = payload;
    r.end = payload + payload_size;
    catalog->archive_folder = read_string(&r, NULL);
    if (catalog->archive_folder == NULL || !folder_is_valid(catalog->archive_folder) || read_u32(&r, &count) != 0
        || count == 0 || count > AW_MAX_TRENDING)
        goto malformed;
    for (i = 0; i < count; i++) {
        aw_article *a = next_slot(catalog);

        if (a == NULL) {
            aw_catalog_free(catalog);
            return AW_ERR_NOMEM;
        }
        if (read_article(&r, a) != 0 || aw_catalog_find(catalog, a->slug, a->slug_size) >= 0)
            goto malformed;
        a->file = blob;
        catalog->count++;
    }
    if (r.at != r.end)
        goto malformed;
    catalog->trending_count = count;
    catalog->build_id = aw_content_read_u64((const char *)blob + AW_CONTENT_MAGIC_SIZE + 4);
    aw_buffer_truncate(message, mark);
    return AW_OK;
malformed:
    aw_catalog_free(catalog);
    aw_buffer_append_str(message, "is malformed");
    return AW_ERR_CONTENT;
}

int aw_catalog_add_article(aw_catalog *catalog, const void *blob, size_t size, const char *slug, size_t slug_size,
                           aw_buffer *message)
{
    const char *payload;
    size_t payload_size, mark = message->len;
    aw_article *a;
    reader r;

    if (!aw_slug_is_valid(slug, slug_size) || aw_catalog_find(catalog, slug, slug_size) >= 0)
        return AW_ERR_ARGUMENT;
    a = next_slot(catalog);
    if (a == NULL)
        return AW_ERR_NOMEM;
    aw_buffer_append_str(message, "the article file ");
    if (aw_content_frame_check(blob, size, AW_ARCHIVE_MAGIC, &payload, &payload_size, message) != 0)
        return AW_ERR_CONTENT;
    r.at = payload;
    r.end = payload + payload_size;
    if (read_article(&r, a) != 0 || r.at != r.end) {
        aw_buffer_append_str(message, "is malformed");
        return AW_ERR_CONTENT;
    }
    if (a->slug_size != slug_size || memcmp(a->slug, slug, slug_size) != 0) {
        /* Both slugs checked: printable as they are. */
        aw_buffer_appendf(message, "for '%.*s' holds the article '%s'", (int)slug_size, slug, a->slug);
        return AW_ERR_CONTENT;
    }
    a->file = blob;
    catalog->count++;
    aw_buffer_truncate(message, mark);
    return AW_OK;
}

/* ===== Lookups ===== */

long aw_catalog_find(const aw_catalog *catalog, const char *slug, size_t size)
{
    size_t i;

    if (size == 0)
        return catalog->trending_count ? 0 : -1;
    /* Any bytes may be asked for (a URL's #aw/...): compared as bytes, so
     * a NUL among them matches nothing. */
    for (i = 0; i < catalog->count; i++) {
        const aw_article *a = &catalog->articles[i];
        if (a->slug_size == size && memcmp(a->slug, slug, size) == 0)
            return (long)i;
    }
    return -1;
}

int aw_catalog_append_archive_path(aw_buffer *out, const aw_catalog *catalog, const char *slug, size_t size)
{
    if (catalog->archive_folder != NULL && aw_slug_is_valid(slug, size)) {
        aw_buffer_append_str(out, catalog->archive_folder);
        aw_buffer_append(out, slug, size);
        aw_buffer_append_str(out, AW_ARCHIVE_EXTENSION);
    }
    return out->failed ? -1 : 0;
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
    for (i = 0; i < catalog->trending_count; i++) {
        const aw_article *a = &catalog->articles[i];

        aw_buffer_append_str(out, i ? ",{\"slug\":" : "{\"slug\":");
        aw_json_append_string(out, a->slug, a->slug_size);
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
