#include "content_build.h"

#include "content_blob.h"
#include "errors.h"
#include "format.h"
#include "front_matter.h"
#include "printable.h"
#include "trending_list.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(AW_MAX_TOPICS <= AW_CONTENT_MAX_TOPICS, "the blob reader must accept every topic list the parser does");

typedef struct parsed {
    const aw_content_file *file;
    aw_front_matter fm;
} parsed;

_Static_assert(sizeof(((aw_content_error *)0)->message) <= AW_PRINTABLE_MAX_FORMAT,
               "aw_printable_vformat() fills the message");

/* Fills `error` and returns AW_ERR_CONTENT. The message quotes content:
 * it is made printable (printable.h) and cut to fit. */
static int fail(aw_content_error *error, const char *path, unsigned line, const char *fmt, ...) AW_PRINTF(4, 5);

static int fail(aw_content_error *error, const char *path, unsigned line, const char *fmt, ...)
{
    va_list args;

    error->path = path;
    error->line = line;
    va_start(args, fmt);
    aw_printable_vformat(error->message, sizeof(error->message), fmt, args);
    va_end(args);
    return AW_ERR_CONTENT;
}

/* The line number of `at` inside the file. */
static unsigned line_of(const aw_content_file *file, const char *at)
{
    return aw_line_of(file->text, (size_t)(at - file->text));
}

static int span_equal(aw_span a, aw_span b)
{
    return a.size == b.size && memcmp(a.data, b.data, a.size) == 0;
}

static int is_blank(aw_span text)
{
    size_t i;

    for (i = 0; i < text.size; i++)
        if (text.data[i] != ' ' && text.data[i] != '\t' && text.data[i] != '\r' && text.data[i] != '\n')
            return 0;
    return 1;
}

/* Newest first, then by slug: a stable order whatever the file names. */
static int compare_untrending(const void *a, const void *b)
{
    const aw_front_matter *x = &(*(parsed *const *)a)->fm, *y = &(*(parsed *const *)b)->fm;
    int c = memcmp(y->date.data, x->date.data, 10);
    size_t n = x->slug.size < y->slug.size ? x->slug.size : y->slug.size;

    if (c != 0)
        return c;
    c = memcmp(x->slug.data, y->slug.data, n);
    return c != 0 ? c : (x->slug.size > y->slug.size) - (x->slug.size < y->slug.size);
}

static int check_articles(parsed *all, const aw_content_file *files, size_t count, aw_content_error *error)
{
    aw_parse_error parse_error;
    size_t i, j;

    for (i = 0; i < count; i++) {
        parsed *p = &all[i];

        p->file = &files[i];
        if (aw_front_matter_parse(p->file->text, p->file->size, &p->fm, &parse_error) != 0)
            return fail(error, p->file->path, parse_error.line, "%s", parse_error.message);
        if (is_blank(p->fm.body))
            return fail(error, p->file->path, p->fm.body_line, "the article has no text after its front matter");
        for (j = 0; j < i; j++) {
            if (span_equal(p->fm.slug, all[j].fm.slug))
                return fail(error, p->file->path, line_of(p->file, p->fm.slug.data),
                            "slug '%.*s' is already used by %s:%u", (int)p->fm.slug.size, p->fm.slug.data,
                            all[j].file->path, line_of(all[j].file, all[j].fm.slug.data));
        }
    }
    return AW_OK;
}

/* Fills `order`: the trending articles in list order, then the rest. */
static int order_articles(parsed **order, parsed *all, size_t count, const aw_content_file *trending_file,
                          const aw_trending_list *trending, aw_content_error *error)
{
    size_t placed = 0, i, j;

    for (i = 0; i < trending->count; i++) {
        for (j = 0; j < count && !span_equal(trending->slugs[i], all[j].fm.slug); j++)
            ;
        if (j == count)
            return fail(error, trending_file->path, trending->lines[i],
                        "no article in the folder has the slug '%.*s'", (int)trending->slugs[i].size,
                        trending->slugs[i].data);
        order[placed++] = &all[j];
    }
    for (i = 0; i < count; i++) {
        for (j = 0; j < trending->count && !span_equal(trending->slugs[j], all[i].fm.slug); j++)
            ;
        if (j == trending->count)
            order[placed++] = &all[i];
    }
    qsort(order + trending->count, count - trending->count, sizeof(*order), compare_untrending);
    return AW_OK;
}

static void append_u32(aw_buffer *blob, size_t value)
{
    char bytes[4] = { (char)(value & 0xFF), (char)(value >> 8 & 0xFF), (char)(value >> 16 & 0xFF),
                      (char)(value >> 24 & 0xFF) };

    aw_buffer_append(blob, bytes, 4);
}

static void append_string(aw_buffer *blob, aw_span s)
{
    aw_buffer_append(blob, s.data, s.size);
    aw_buffer_append_char(blob, '\0');
}

static void append_article(aw_buffer *blob, const aw_front_matter *fm)
{
    size_t t;

    append_u32(blob, fm->topic_count);
    append_string(blob, fm->slug);
    append_string(blob, fm->title);
    append_string(blob, fm->date);
    append_string(blob, fm->source);
    append_string(blob, fm->summary);
    for (t = 0; t < fm->topic_count; t++)
        append_string(blob, fm->topics[t]);
    append_string(blob, fm->body);
}

int aw_content_check_count(size_t count, const char *trending_path, aw_content_error *error)
{
    if (count == 0)
        return fail(error, trending_path, 1, "there are no articles");
    if (count > AW_CONTENT_MAX_ARTICLES)
        return fail(error, trending_path, 1, "%zu articles, more than the %d a build may have", count,
                       AW_CONTENT_MAX_ARTICLES);
    return AW_OK;
}

int aw_content_check_size(const char *path, size_t size, size_t *total, aw_content_error *error)
{
    if (size > AW_CONTENT_MAX_FILE_SIZE)
        return fail(error, path, 0, "%zu bytes, more than the %zu (%zu MiB) a content file may have", size,
                       AW_CONTENT_MAX_FILE_SIZE, AW_CONTENT_MAX_FILE_SIZE >> 20);
    if (size > AW_CONTENT_MAX_TOTAL_SIZE - *total)
        return fail(error, path, 0,
                       "the content files come to %zu bytes with this one, more than the %zu (%zu MiB) a build may have",
                       *total + size, AW_CONTENT_MAX_TOTAL_SIZE, AW_CONTENT_MAX_TOTAL_SIZE >> 20);
    *total += size;
    return AW_OK;
}

int aw_content_error_append(aw_buffer *out, const aw_content_error *error)
{
    aw_printable_append(out, error->path, strlen(error->path));
    if (error->line != 0)
        aw_buffer_appendf(out, ":%u", error->line);
    aw_buffer_append_str(out, ": ");
    aw_buffer_append_str(out, error->message);
    return out->failed ? -1 : 0;
}

int aw_content_pack(aw_buffer *blob, const aw_content_file *articles, size_t count, const aw_content_file *trending,
                    aw_content_error *error)
{
    aw_trending_list list;
    aw_parse_error parse_error;
    parsed *all;
    parsed **order;
    size_t i, start = blob->len, total = 0;
    int status;

    status = aw_content_check_count(count, trending->path, error);
    for (i = 0; i < count && status == AW_OK; i++)
        status = aw_content_check_size(articles[i].path, articles[i].size, &total, error);
    if (status == AW_OK)
        status = aw_content_check_size(trending->path, trending->size, &total, error);
    if (status != AW_OK)
        return status;
    all = calloc(count, sizeof(*all));
    order = calloc(count, sizeof(*order));
    status = AW_ERR_NOMEM;
    if (all == NULL || order == NULL)
        goto done;

    status = check_articles(all, articles, count, error);
    if (status != AW_OK)
        goto done;
    if (aw_trending_parse(trending->text, trending->size, &list, &parse_error) != 0) {
        status = fail(error, trending->path, parse_error.line, "%s", parse_error.message);
        goto done;
    }
    status = order_articles(order, all, count, trending, &list, error);
    if (status != AW_OK)
        goto done;

    aw_buffer_append(blob, AW_CONTENT_MAGIC, AW_CONTENT_MAGIC_SIZE);
    append_u32(blob, count);
    append_u32(blob, list.count);
    for (i = 0; i < count; i++)
        append_article(blob, &order[i]->fm);
    status = blob->failed ? AW_ERR_NOMEM : AW_OK;

done:
    if (status != AW_OK && !blob->failed)
        aw_buffer_truncate(blob, start);
    free(all);
    free(order);
    return status;
}
