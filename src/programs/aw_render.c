/* aw-render: the widget's HTML, printed natively -- byte for byte what the
 * wasm module gives the shim -- for static fallbacks, servers and tests.
 *
 *     aw-render --slug SLUG [--view full|trending|article] [--heading-level 1-6]
 *     aw-render --article FILE.md [--heading-level 1-6]
 *                                   a content file (front matter + body), article view
 *     aw-render --markdown FILE.md [--heading-level 1-6] [--id-prefix PREFIX]
 *                                   any Markdown file, as render(markdown) does
 *                                   ("#" is <h1> unless --heading-level says;
 *                                   with --id-prefix every heading id starts with PREFIX)
 *     aw-render --page FILE.md [--heading-level 1-6]
 *                                   any Markdown file in the article frame the
 *                                   widget gives page Markdown (src=, inline)
 *     aw-render ... --facts         instead of the HTML, what the render knew:
 *                                   words, reading time and headings as JSON
 *     aw-render --catalog           the edition's articles as JSON
 *     aw-render --version           the package version (dist/package.json's)
 *     aw-render --content DIR ...   the articles of the build in DIR (an edition
 *                                   and its archive, as aw-embed writes them,
 *                                   uncompressed); by default the build's own
 *                                   content/ (AW_CONTENT_DIR), read at run time:
 *                                   the edition, then the one archive file of an
 *                                   article it does not carry, as a page does
 */
#include "article_html.h"
#include "catalog.h"
#include "content_blob.h"
#include "errors.h"
#include "facts.h"
#include "front_matter.h"
#include "heading_ids.h"
#include "read_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: aw-render --slug SLUG [--view full|trending|article] [--heading-level 1-6]\n"
    "       aw-render --article FILE.md [--heading-level 1-6]\n"
    "       aw-render --markdown FILE.md [--heading-level 1-6] [--id-prefix PREFIX]\n"
    "       aw-render --page FILE.md [--heading-level 1-6]\n"
    "       (any of the above but --catalog and --version) --facts\n"
    "       aw-render --catalog\n"
    "       aw-render --version\n"
    "       (any of the above) --content DIR\n";

/* The articles: an edition and its archive, as aw-embed writes them. */
typedef struct content {
    const char *dir;
    aw_catalog catalog;
    aw_buffer edition;
    aw_buffer article; /* the one archive file read */
} content;

/* `name` in the content folder, into `path` (NUL-terminated). Returns 0,
 * or -1 (reported) for a path too long. */
static int content_path(const content *c, const char *name, size_t name_size, char *path, size_t cap)
{
    if (snprintf(path, cap, "%s/%.*s", c->dir, (int)name_size, name) < (int)cap)
        return 0;
    fprintf(stderr, "aw-render: %s: the path is too long\n", c->dir);
    return -1;
}

/* Reports a refused file: "aw-render: DIR: the edition is truncated: ...". */
static int refused(const content *c, int status, aw_buffer *message)
{
    aw_buffer_terminate(message);
    fprintf(stderr, "aw-render: %s: %s\n", c->dir, message->data && !message->failed ? message->data
                                                                                    : aw_error_message(status));
    return AW_ERR_ARGUMENT;
}

static int load_edition(content *c)
{
    char path[4096];
    aw_buffer message;
    int status = AW_ERR_ARGUMENT;

    aw_buffer_init(&message);
    if (content_path(c, AW_EDITION_FILE, strlen(AW_EDITION_FILE), path, sizeof(path)) == 0
        && aw_read_file_or_report(path, &c->edition) == 0) {
        status = aw_catalog_load_edition(&c->catalog, c->edition.data, c->edition.len, &message);
        if (status != AW_OK)
            status = refused(c, status, &message);
    }
    aw_buffer_free(&message);
    return status;
}

/* Reads the archive file of `slug` when the edition does not carry it, as
 * the widget fetches it. Returns AW_OK, AW_ERR_UNKNOWN_ARTICLE (no such
 * file, or bytes no slug can be), or AW_ERR_ARGUMENT (reported). */
static int load_article(content *c, const char *slug)
{
    size_t size = strlen(slug);
    char path[4096];
    aw_buffer name, message;
    int status = AW_ERR_UNKNOWN_ARTICLE;

    if (size == 0 || aw_catalog_find(&c->catalog, slug, size) >= 0)
        return AW_OK;
    aw_buffer_init(&name);
    aw_buffer_init(&message);
    if (aw_catalog_append_archive_path(&name, &c->catalog, slug, size) != 0 || name.len == 0)
        goto done;
    if (content_path(c, name.data, name.len, path, sizeof(path)) != 0) {
        status = AW_ERR_ARGUMENT;
        goto done;
    }
    errno = 0;
    if (aw_read_file(path, &c->article) != 0) {
        if (errno != ENOENT) {
            fprintf(stderr, "aw-render: %s: %s\n", path, errno ? strerror(errno) : "out of memory");
            status = AW_ERR_ARGUMENT;
        }
        goto done;
    }
    status = aw_catalog_add_article(&c->catalog, c->article.data, c->article.len, slug, size, &message);
    if (status != AW_OK)
        status = refused(c, status, &message);
done:
    aw_buffer_free(&name);
    aw_buffer_free(&message);
    return status;
}

static int parse_view(const char *name)
{
    static const char *const names[] = AW_VIEW_NAMES;
    int view;

    for (view = 0; view < (int)(sizeof(names) / sizeof(names[0])); view++)
        if (strcmp(name, names[view]) == 0)
            return view;
    return -1;
}

/* Copies a span into a NUL-terminated string the article struct can hold. */
static char *span_dup(aw_span s)
{
    char *copy = malloc(s.size + 1);

    if (copy != NULL) {
        memcpy(copy, s.data, s.size);
        copy[s.size] = '\0';
    }
    return copy;
}

/* "1".."6" -> the level; anything else -> -1. */
static int parse_heading_level(const char *text)
{
    return text[0] >= '1' && text[0] <= '6' && text[1] == '\0' ? text[0] - '0' : -1;
}

static int render_content_file(aw_buffer *out, const char *path, int heading_level, aw_facts *facts)
{
    aw_buffer text;
    aw_front_matter fm;
    aw_parse_error error;
    aw_article article;
    char *fields[5];
    int status = AW_ERR_ARGUMENT;
    size_t i;

    aw_buffer_init(&text);
    if (aw_read_file_or_report(path, &text) != 0)
        goto done;
    if (aw_front_matter_parse(text.data, text.len, &fm, &error) != 0) {
        fprintf(stderr, "%s:%u: %s\n", path, error.line, error.message);
        goto done;
    }
    fields[0] = span_dup(fm.slug);
    fields[1] = span_dup(fm.title);
    fields[2] = span_dup(fm.date);
    fields[3] = span_dup(fm.source);
    fields[4] = span_dup(fm.summary);
    memset(&article, 0, sizeof(article));
    article.slug = fields[0];
    article.slug_size = fm.slug.size;
    article.title = fields[1];
    article.date = fields[2];
    article.source = fields[3];
    article.summary = fields[4];
    article.markdown = fm.body.data;
    article.markdown_size = fm.body.size;
    status = AW_ERR_NOMEM;
    if (fields[0] && fields[1] && fields[2] && fields[3] && fields[4])
        status = aw_render_article(out, &article, heading_level, AW_LINK_TARGET_NONE, facts);
    for (i = 0; i < 5; i++)
        free(fields[i]);
done:
    aw_buffer_free(&text);
    return status;
}

/* --markdown (bare, as render() gives it) or --page (in the article frame). */
static int render_markdown_file(aw_buffer *out, const char *path, int framed, int heading_level,
                                const char *id_prefix, aw_facts *facts)
{
    aw_buffer text;
    int status = AW_ERR_ARGUMENT;

    aw_buffer_init(&text);
    if (aw_read_file_or_report(path, &text) == 0) {
        const char *markdown = text.data ? text.data : "";
        status = framed ? aw_render_page_article(out, markdown, text.len, heading_level, AW_LINK_TARGET_NONE, facts)
                        : aw_render_fragment(out, markdown, text.len, heading_level, id_prefix, AW_LINK_TARGET_NONE,
                                             facts);
    }
    aw_buffer_free(&text);
    return status;
}

/* Takes "--content DIR" out of the arguments (the rest are positional). */
static const char *take_content_dir(int *argc, char **argv)
{
    const char *dir = AW_CONTENT_DIR;
    int i, kept = 1;

    for (i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--content") == 0 && i + 1 < *argc)
            dir = argv[++i];
        else
            argv[kept++] = argv[i];
    }
    *argc = kept;
    return dir;
}

int main(int argc, char **argv)
{
    content c;
    aw_buffer out;
    aw_facts facts;
    /* 0 until --heading-level: the widget's default (2) for articles, 1 for --markdown. */
    int status, view = AW_VIEW_FULL, heading_level = 0, want_facts = 0;
    const char *id_prefix = NULL;
    int i;

    memset(&c, 0, sizeof(c));
    c.dir = take_content_dir(&argc, argv);
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--view") == 0 && i + 1 < argc && (view = parse_view(argv[i + 1])) < 0) {
            fprintf(stderr, "aw-render: unknown view '%s' (full, trending or article)\n", argv[i + 1]);
            return 2;
        }
        if (strcmp(argv[i], "--heading-level") == 0 && i + 1 < argc
            && (heading_level = parse_heading_level(argv[i + 1])) < 0) {
            fprintf(stderr, "aw-render: --heading-level takes 1 to 6, not '%s'\n", argv[i + 1]);
            return 2;
        }
        want_facts |= strcmp(argv[i], "--facts") == 0;
        if (strcmp(argv[i], "--id-prefix") == 0 && i + 1 < argc) {
            id_prefix = argv[i + 1];
            if (!aw_heading_ids_prefix_valid(id_prefix)) {
                fprintf(stderr, "aw-render: --id-prefix takes up to %d ASCII letters, digits, '-' and '_', not '%s'\n",
                        AW_ID_PREFIX_MAX, id_prefix);
                return 2;
            }
        }
    }
    if (id_prefix != NULL && !(argc >= 3 && strcmp(argv[1], "--markdown") == 0)) {
        fputs("aw-render: --id-prefix goes with --markdown (the article views keep their own ids)\n", stderr);
        return 2;
    }
    aw_catalog_init(&c.catalog);
    aw_buffer_init(&c.edition);
    aw_buffer_init(&c.article);
    aw_buffer_init(&out);
    aw_facts_init(&facts);

    if (argc >= 3 && strcmp(argv[1], "--slug") == 0) {
        /* No bytes ask the renderer for the first article; a slug given empty names none. */
        status = argv[2][0] == '\0' ? AW_ERR_UNKNOWN_ARTICLE : load_edition(&c);
        if (status == AW_OK)
            status = load_article(&c, argv[2]);
        if (status == AW_OK)
            status = aw_render_view(&out, &c.catalog, argv[2], strlen(argv[2]), view, heading_level,
                                    AW_LINK_TARGET_NONE, &facts);
        if (status == AW_ERR_UNKNOWN_ARTICLE) {
            fprintf(stderr, "aw-render: no article has the slug '%s'\n", argv[2]);
            status = AW_ERR_ARGUMENT;
        }
    } else if (argc >= 3 && strcmp(argv[1], "--article") == 0) {
        status = render_content_file(&out, argv[2], heading_level, &facts);
    } else if (argc >= 3 && (strcmp(argv[1], "--markdown") == 0 || strcmp(argv[1], "--page") == 0)) {
        status = render_markdown_file(&out, argv[2], strcmp(argv[1], "--page") == 0, heading_level, id_prefix, &facts);
    } else if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        status = aw_buffer_append_str(&out, AW_PACKAGE_VERSION "\n") == 0 ? AW_OK : AW_ERR_NOMEM;
    } else if (argc == 2 && strcmp(argv[1], "--catalog") == 0) {
        status = load_edition(&c);
        if (status == AW_OK)
            status = aw_catalog_write_json(&out, &c.catalog) == 0 ? AW_OK : AW_ERR_NOMEM;
    } else {
        fputs(usage, stderr);
        status = 2;
    }

    if (status == AW_OK && want_facts) {
        aw_buffer_clear(&out);
        status = aw_facts_write_json(&out, &facts) == 0 ? AW_OK : AW_ERR_NOMEM;
    }
    if (status == AW_OK && out.len > 0 && fwrite(out.data, 1, out.len, stdout) != out.len)
        status = AW_ERR_NOMEM;
    if (status < 0 && status != AW_ERR_ARGUMENT)
        fprintf(stderr, "aw-render: %s\n", aw_error_message(status));
    aw_buffer_free(&out);
    aw_facts_free(&facts);
    aw_catalog_free(&c.catalog);
    aw_buffer_free(&c.edition);
    aw_buffer_free(&c.article);
    return status == AW_OK ? 0 : status == 2 ? 2 : 1;
}
