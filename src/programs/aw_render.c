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
 *     aw-render --catalog           the embedded articles as JSON
 *     aw-render --version           the package version (dist/package.json's)
 */
#include "article_html.h"
#include "catalog.h"
#include "errors.h"
#include "facts.h"
#include "front_matter.h"
#include "heading_ids.h"
#include "read_file.h"

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
    "       aw-render --version\n";

/* content/, packed at build time (the blob aw-embed writes). */
extern const unsigned char aw_content_blob[];
extern const size_t aw_content_blob_size;

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

int main(int argc, char **argv)
{
    aw_catalog catalog;
    aw_buffer out;
    aw_facts facts;
    /* 0 until --heading-level: the widget's default (2) for articles, 1 for --markdown. */
    int status, view = AW_VIEW_FULL, heading_level = 0, want_facts = 0;
    const char *id_prefix = NULL;
    int i;

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
    status = aw_catalog_load(&catalog, aw_content_blob, aw_content_blob_size);
    if (status != AW_OK) {
        fprintf(stderr, "aw-render: the embedded content: %s\n", aw_error_message(status));
        return 1;
    }
    aw_buffer_init(&out);
    aw_facts_init(&facts);

    if (id_prefix != NULL && !(argc >= 3 && strcmp(argv[1], "--markdown") == 0)) {
        fputs("aw-render: --id-prefix goes with --markdown (the article views keep their own ids)\n", stderr);
        return 2;
    }
    if (argc >= 3 && strcmp(argv[1], "--slug") == 0) {
        /* No bytes ask the renderer for the first article; a slug given empty names none. */
        status = argv[2][0] == '\0' ? AW_ERR_UNKNOWN_ARTICLE
                                    : aw_render_view(&out, &catalog, argv[2], strlen(argv[2]), view, heading_level,
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
        status = aw_catalog_write_json(&out, &catalog) == 0 ? AW_OK : AW_ERR_NOMEM;
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
    aw_catalog_free(&catalog);
    return status == AW_OK ? 0 : status == 2 ? 2 : 1;
}
