#include "content_build.h"

#include "buffer.h"
#include "content_blob.h"
#include "content_frame.h"
#include "errors.h"
#include "format.h"
#include "printable.h"
#include "trending_list.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(AW_MAX_TOPICS <= AW_CONTENT_MAX_TOPICS, "the reader must accept every topic list the parser does");
_Static_assert(sizeof(((aw_content_error *)0)->message) <= AW_PRINTABLE_MAX_FORMAT,
               "aw_printable_vformat() fills the message");

/* A slug seen, with where: the message about a second use names the first. */
typedef struct seen_slug {
    uint64_t hash; /* 0: a free slot */
    char *slug;    /* NUL-terminated copies */
    char *path;
    unsigned line;
} seen_slug;

struct aw_content_packer {
    aw_content_file trending; /* copies of the path and the text */
    aw_trending_list list;    /* spans into trending.text */
    int list_failed;
    aw_parse_error list_error;
    aw_buffer records[AW_MAX_TRENDING]; /* the trending articles' records, once added */
    int found[AW_MAX_TRENDING];
    seen_slug *slugs; /* open addressing, a power of two slots, at most half full */
    size_t slug_cap;
    size_t count;
    size_t total; /* bytes of the articles so far (AW_CONTENT_MAX_TOTAL_SIZE) */
};

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

static int is_blank(aw_span text)
{
    size_t i;

    for (i = 0; i < text.size; i++)
        if (text.data[i] != ' ' && text.data[i] != '\t' && text.data[i] != '\r' && text.data[i] != '\n')
            return 0;
    return 1;
}

/* ===== The slugs seen ===== */

static uint64_t slug_hash(aw_span slug)
{
    uint64_t hash = aw_content_checksum(slug.data, slug.size);

    return hash ? hash : 1;
}

/* The slot that holds `slug`, or the free slot where it would go. */
static seen_slug *slot_of(seen_slug *slots, size_t cap, uint64_t hash, aw_span slug)
{
    size_t i = (size_t)hash & (cap - 1);

    for (;; i = (i + 1) & (cap - 1)) {
        seen_slug *s = &slots[i];
        if (s->hash == 0 || (s->hash == hash && strlen(s->slug) == slug.size && memcmp(s->slug, slug.data, slug.size) == 0))
            return s;
    }
}

/* Room for one more slug. Returns 0 or -1 (out of memory). */
static int reserve_slug(aw_content_packer *p)
{
    seen_slug *grown;
    size_t cap = p->slug_cap ? p->slug_cap * 2 : 64, i;

    if ((p->count + 1) * 2 <= p->slug_cap)
        return 0;
    grown = calloc(cap, sizeof(*grown));
    if (grown == NULL)
        return -1;
    for (i = 0; i < p->slug_cap; i++) {
        seen_slug *s = &p->slugs[i];
        aw_span key;

        if (s->hash == 0)
            continue;
        key.data = s->slug;
        key.size = strlen(s->slug);
        *slot_of(grown, cap, s->hash, key) = *s;
    }
    free(p->slugs);
    p->slugs = grown;
    p->slug_cap = cap;
    return 0;
}

/* ===== Writing ===== */

static void append_string(aw_buffer *out, aw_span s)
{
    aw_buffer_append(out, s.data, s.size);
    aw_buffer_append_char(out, '\0');
}

static void append_record(aw_buffer *out, const aw_front_matter *fm)
{
    size_t t;

    aw_content_append_u32(out, (uint32_t)fm->topic_count);
    append_string(out, fm->slug);
    append_string(out, fm->title);
    append_string(out, fm->date);
    append_string(out, fm->source);
    append_string(out, fm->summary);
    for (t = 0; t < fm->topic_count; t++)
        append_string(out, fm->topics[t]);
    append_string(out, fm->body);
}

int aw_content_archive_path(aw_buffer *out, aw_span slug)
{
    aw_buffer_append_str(out, AW_ARCHIVE_FOLDER);
    aw_buffer_append(out, slug.data, slug.size);
    aw_buffer_append_str(out, AW_ARCHIVE_EXTENSION);
    return out->failed ? -1 : 0;
}

/* ===== The packer ===== */

aw_content_packer *aw_content_packer_new(const aw_content_file *trending)
{
    aw_content_packer *p = calloc(1, sizeof(*p));
    size_t i;

    if (p == NULL)
        return NULL;
    p->trending.path = aw_copy_text(trending->path, strlen(trending->path));
    p->trending.text = aw_copy_text(trending->text, trending->size);
    p->trending.size = trending->size;
    if (p->trending.path == NULL || p->trending.text == NULL) {
        aw_content_packer_free(p);
        return NULL;
    }
    for (i = 0; i < AW_MAX_TRENDING; i++)
        aw_buffer_init(&p->records[i]);
    p->list_failed = aw_trending_parse(p->trending.text, p->trending.size, &p->list, &p->list_error) != 0;
    if (p->list_failed)
        p->list.count = 0;
    return p;
}

void aw_content_packer_free(aw_content_packer *p)
{
    size_t i;

    if (p == NULL)
        return;
    for (i = 0; i < p->slug_cap; i++) {
        free(p->slugs[i].slug);
        free(p->slugs[i].path);
    }
    free(p->slugs);
    for (i = 0; i < AW_MAX_TRENDING; i++)
        aw_buffer_free(&p->records[i]);
    free((char *)p->trending.path);
    free((char *)p->trending.text);
    free(p);
}

int aw_content_packer_add(aw_content_packer *p, const aw_content_file *article, aw_buffer *file, aw_span *slug,
                          aw_content_error *error)
{
    aw_front_matter fm;
    aw_parse_error parse_error;
    seen_slug *seen;
    uint64_t hash;
    unsigned line;
    size_t mark, i;
    int status;

    if (p->count == AW_CONTENT_MAX_ARTICLES)
        return fail(error, p->trending.path, 1, "more than the %d articles a build may have", AW_CONTENT_MAX_ARTICLES);
    status = aw_content_check_size(article->path, article->size, &p->total, error);
    if (status != AW_OK)
        return status;
    if (aw_front_matter_parse(article->text, article->size, &fm, &parse_error) != 0)
        return fail(error, article->path, parse_error.line, "%s", parse_error.message);
    if (is_blank(fm.body))
        return fail(error, article->path, fm.body_line, "the article has no text after its front matter");
    line = aw_line_of(article->text, (size_t)(fm.slug.data - article->text));
    if (reserve_slug(p) != 0)
        return AW_ERR_NOMEM;
    hash = slug_hash(fm.slug);
    seen = slot_of(p->slugs, p->slug_cap, hash, fm.slug);
    if (seen->hash != 0)
        return fail(error, article->path, line, "slug '%.*s' is already used by %s:%u", (int)fm.slug.size,
                    fm.slug.data, seen->path, seen->line);

    mark = aw_content_frame_begin(file);
    append_record(file, &fm);
    if (aw_content_frame_end(file, mark, AW_ARCHIVE_MAGIC) != 0)
        return AW_ERR_NOMEM;
    seen->slug = aw_copy_text(fm.slug.data, fm.slug.size);
    seen->path = aw_copy_text(article->path, strlen(article->path));
    status = seen->slug != NULL && seen->path != NULL ? AW_OK : AW_ERR_NOMEM;
    for (i = 0; i < p->list.count && status == AW_OK; i++) {
        if (p->list.slugs[i].size != fm.slug.size || memcmp(p->list.slugs[i].data, fm.slug.data, fm.slug.size) != 0)
            continue;
        /* The edition carries the same record. */
        if (aw_buffer_append(&p->records[i], file->data + mark + AW_CONTENT_HEADER_SIZE,
                             file->len - mark - AW_CONTENT_HEADER_SIZE) != 0)
            status = AW_ERR_NOMEM;
        p->found[i] = 1;
    }
    if (status != AW_OK) {
        free(seen->slug);
        free(seen->path);
        memset(seen, 0, sizeof(*seen));
        aw_buffer_truncate(file, mark);
        return status;
    }
    seen->hash = hash;
    seen->line = line;
    p->count++;
    *slug = fm.slug;
    return AW_OK;
}

int aw_content_packer_finish(aw_content_packer *p, aw_buffer *edition, aw_content_error *error)
{
    size_t mark, i;
    int status;

    status = aw_content_check_count(p->count, p->trending.path, error);
    if (status == AW_OK)
        status = aw_content_check_size(p->trending.path, p->trending.size, &p->total, error);
    if (status != AW_OK)
        return status;
    if (p->list_failed)
        return fail(error, p->trending.path, p->list_error.line, "%s", p->list_error.message);
    for (i = 0; i < p->list.count; i++) {
        if (!p->found[i])
            return fail(error, p->trending.path, p->list.lines[i], "no article in the folder has the slug '%.*s'",
                        (int)p->list.slugs[i].size, p->list.slugs[i].data);
    }
    mark = aw_content_frame_begin(edition);
    aw_buffer_append(edition, AW_ARCHIVE_FOLDER, sizeof(AW_ARCHIVE_FOLDER));
    aw_content_append_u32(edition, (uint32_t)p->list.count);
    for (i = 0; i < p->list.count; i++)
        aw_buffer_append_buffer(edition, &p->records[i]);
    if (aw_content_frame_end(edition, mark, AW_EDITION_MAGIC) != 0)
        return AW_ERR_NOMEM;
    return AW_OK;
}

/* ===== Checks a reader makes first ===== */

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
