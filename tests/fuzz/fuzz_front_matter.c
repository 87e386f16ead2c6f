/* libFuzzer target: the content parsers on any bytes. The first byte
 * picks the parser (modulo 4: an article's front matter, trending.md, an
 * edition or an archive file as the renderer reads them). What they accept
 * must keep their promises: spans inside the input, a valid slug, a
 * YYYY-MM-DD date, required fields present; an edition read in full
 * renders every article; an archive file holds the article asked for (its
 * slug: a length byte, then that many bytes, before the file). */
#include "article_html.h"
#include "catalog.h"
#include "errors.h"
#include "front_matter.h"
#include "slug.h"
#include "trending_list.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_span(aw_span span, const char *text, size_t size)
{
    if (span.size > 0 && (span.data < text || span.data + span.size > text + size))
        __builtin_trap();
}

static void fuzz_front_matter(const char *text, size_t size)
{
    aw_front_matter fm;
    aw_parse_error error;
    size_t i;

    if (aw_front_matter_parse(text, size, &fm, &error) != 0) {
        if (error.line == 0 || error.message[0] == '\0')
            __builtin_trap();
        return;
    }
    if (fm.title.size == 0 || fm.date.size != 10 || !aw_slug_is_valid(fm.slug.data, fm.slug.size)
        || fm.topic_count > AW_MAX_TOPICS)
        __builtin_trap();
    check_span(fm.title, text, size);
    check_span(fm.source, text, size);
    check_span(fm.summary, text, size);
    check_span(fm.body, text, size);
    for (i = 0; i < fm.topic_count; i++)
        check_span(fm.topics[i], text, size);
}

static void fuzz_trending(const char *text, size_t size)
{
    aw_trending_list list;
    aw_parse_error error;
    size_t i;

    if (aw_trending_parse(text, size, &list, &error) != 0) {
        if (error.line == 0 || error.message[0] == '\0')
            __builtin_trap();
        return;
    }
    if (list.count == 0 || list.count > AW_MAX_TRENDING)
        __builtin_trap();
    for (i = 0; i < list.count; i++) {
        check_span(list.slugs[i], text, size);
        if (!aw_slug_is_valid(list.slugs[i].data, list.slugs[i].size))
            __builtin_trap();
    }
}

/* What article_html.c writes into attributes unescaped. */
static int safe_slug(const char *slug)
{
    return slug[0] != '\0' && strspn(slug, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(slug);
}

/* Every article of the catalog renders, found by its slug. */
static void check_catalog(const aw_catalog *catalog)
{
    aw_buffer out;
    size_t i;
    int status;

    aw_buffer_init(&out);
    for (i = 0; i < catalog->count && i < 8; i++) {
        const aw_article *a = &catalog->articles[i];
        if (!safe_slug(a->slug) || strlen(a->slug) != a->slug_size || strlen(a->markdown) != a->markdown_size
            || a->topic_count > AW_MAX_TOPICS)
            __builtin_trap();
        aw_buffer_clear(&out);
        status = aw_render_view(&out, catalog, a->slug, a->slug_size, AW_VIEW_FULL, 0, AW_LINK_TARGET_BLANK, NULL);
        if (status == AW_ERR_ARGUMENT || status == AW_ERR_UNKNOWN_ARTICLE)
            __builtin_trap();
    }
    aw_buffer_free(&out);
}

static void fuzz_edition(const uint8_t *data, size_t size)
{
    /* A copy of exactly `size` bytes: ASan sees any read past the end. */
    char *file = malloc(size ? size : 1);
    aw_catalog catalog;
    aw_buffer message;

    memcpy(file, data, size);
    aw_catalog_init(&catalog);
    aw_buffer_init(&message);
    if (aw_catalog_load_edition(&catalog, file, size, &message) == AW_OK) {
        if (catalog.count == 0 || catalog.count != catalog.trending_count || catalog.count > AW_MAX_TRENDING
            || message.len != 0)
            __builtin_trap();
        check_catalog(&catalog);
    } else if (catalog.count != 0 || catalog.articles != NULL || message.len == 0) {
        __builtin_trap();
    }
    aw_catalog_free(&catalog);
    aw_buffer_free(&message);
    free(file);
}

static void fuzz_archive(const uint8_t *data, size_t size)
{
    size_t slug_size = size ? data[0] : 0;
    char slug[256], *file;
    aw_catalog catalog;
    aw_buffer message;

    if (size < 1 + slug_size)
        return;
    memcpy(slug, data + 1, slug_size);
    size -= 1 + slug_size;
    file = malloc(size ? size : 1);
    memcpy(file, data + 1 + slug_size, size);
    aw_catalog_init(&catalog);
    aw_buffer_init(&message);
    if (aw_catalog_add_article(&catalog, file, size, slug, slug_size, &message) == AW_OK) {
        if (catalog.count != 1 || catalog.articles[0].slug_size != slug_size
            || memcmp(catalog.articles[0].slug, slug, slug_size) != 0)
            __builtin_trap();
        check_catalog(&catalog);
    } else if (catalog.count != 0) {
        __builtin_trap();
    }
    aw_catalog_free(&catalog);
    aw_buffer_free(&message);
    free(file);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    switch (data[0] % 4) {
    case 0: fuzz_front_matter((const char *)data + 1, size - 1); break;
    case 1: fuzz_trending((const char *)data + 1, size - 1); break;
    case 2: fuzz_edition(data + 1, size - 1); break;
    default: fuzz_archive(data + 1, size - 1); break;
    }
    return 0;
}
