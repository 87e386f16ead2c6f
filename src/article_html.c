#include "article_html.h"

#include "errors.h"
#include "escape.h"
#include "markdown_html.h"

#include <string.h>

/* The article title's id: "Back to top" targets it, so body headings must
 * not take it. (The same word as its class, AW_TITLE_CLASS, by choice:
 * they are separate facts.) */
#define TITLE_ID "aw-title"

/* Between the byline's parts. Real text, not aria-hidden: assistive
 * technology then reads "Wire report · 2 min read", not "Wire report2 min read". */
#define SEPARATOR "<span class=\"aw-separator\"> · </span>"

unsigned aw_heading_level(int requested, unsigned fallback)
{
    if (requested < 1)
        return fallback;
    return requested > 6 ? 6 : (unsigned)requested;
}

static void append_escaped(aw_buffer *out, const char *text)
{
    aw_escape_html(out, text, strlen(text));
}

int aw_render_trending(aw_buffer *out, const aw_catalog *catalog, long current, int heading_level)
{
    unsigned level = aw_heading_level(heading_level, AW_DEFAULT_HEADING_LEVEL);
    size_t i;

    aw_buffer_appendf(out, "<nav class=\"aw-trending\" part=\"trending\" aria-label=\"Trending Topics\">\n"
                           "<h%u class=\"aw-trending-heading\">Trending Topics</h%u>\n"
                           "<ol class=\"aw-trending-list\">\n", level, level);
    for (i = 0; i < catalog->trending_count; i++) {
        const aw_article *a = &catalog->articles[i];
        /* Slugs keep slug.h's rule (checked when the catalog is loaded): safe in a URL and an attribute. */
        aw_buffer_appendf(out, "<li class=\"aw-trending-item\" part=\"item\"><a class=\"aw-trending-link\" part=\"link\""
                               " href=\"" AW_HASH_PREFIX "%s\" " AW_SLUG_ATTRIBUTE "=\"%s\"%s>",
                          a->slug, a->slug, (long)i == current ? " aria-current=\"page\"" : "");
        append_escaped(out, a->title);
        aw_buffer_append_str(out, "</a></li>\n");
    }
    aw_buffer_append_str(out, "</ol>\n</nav>\n");
    return out->failed ? AW_ERR_NOMEM : AW_OK;
}

/* "2012-09-26" -> "September 26, 2012"; anything else is shown as given. */
static void append_display_date(aw_buffer *out, const char *date)
{
    static const char *const months[] = { "January", "February", "March", "April", "May", "June", "July",
                                          "August", "September", "October", "November", "December" };
    unsigned year, month, day;

    if (strlen(date) == 10 && date[4] == '-' && date[7] == '-') {
        year = (unsigned)((date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0'));
        month = (unsigned)((date[5] - '0') * 10 + (date[6] - '0'));
        day = (unsigned)((date[8] - '0') * 10 + (date[9] - '0'));
        if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
            aw_buffer_appendf(out, "%s %u, %u", months[month - 1], day, year);
            return;
        }
    }
    append_escaped(out, date);
}

/* Writes the header and returns where in `out` the byline ends: the
 * reading time goes there once the body's words are counted. */
static size_t render_header(aw_buffer *out, const aw_article *article, unsigned level)
{
    size_t byline_end;

    aw_buffer_appendf(out, "<header class=\"aw-header\">\n"
                           "<h%u class=\"" AW_TITLE_CLASS "\" part=\"title\" id=\"" TITLE_ID "\">", level);
    append_escaped(out, article->title);
    aw_buffer_appendf(out, "</h%u>\n<p class=\"aw-byline\" part=\"byline\"><time datetime=\"", level);
    append_escaped(out, article->date);
    aw_buffer_append_str(out, "\">");
    append_display_date(out, article->date);
    aw_buffer_append_str(out, "</time>");
    if (article->source[0] != '\0') {
        aw_buffer_append_str(out, SEPARATOR "<span class=\"aw-source\">");
        append_escaped(out, article->source);
        aw_buffer_append_str(out, "</span>");
    }
    byline_end = out->len;
    aw_buffer_append_str(out, "</p>\n</header>\n");
    return byline_end;
}

/* Inserts "N min read · W words" into the byline at `at`. */
static void insert_reading_time(aw_buffer *out, size_t at, unsigned long words)
{
    aw_buffer text;

    aw_buffer_init(&text);
    aw_buffer_appendf(&text, SEPARATOR "<span class=\"aw-reading-time\">%lu min read</span>"
                             SEPARATOR "<span class=\"aw-word-count\">%lu %s</span>",
                      aw_reading_minutes(words), words, words == 1 ? "word" : "words");
    aw_buffer_insert_buffer(out, at, &text);
    aw_buffer_free(&text);
}

/* <div class="aw-body"> with the Markdown, its "#" at `level`. The title's
 * id is reserved when the frame has a title. */
static int render_body(aw_buffer *out, const char *markdown, size_t size, unsigned level, int has_title,
                       int link_target, aw_facts *facts)
{
    aw_markdown_options options;
    aw_heading_ids ids;
    int status = AW_ERR_NOMEM;

    aw_heading_ids_init(&ids);
    memset(&options, 0, sizeof(options));
    options.ids = &ids;
    options.facts = facts;
    options.heading_offset = level - 1;
    options.link_target = link_target;
    if (!has_title || aw_heading_ids_reserve(&ids, TITLE_ID) == 0) {
        aw_buffer_append_str(out, "<div class=\"aw-body\" part=\"body\">\n");
        status = aw_markdown_to_html(out, markdown, size, &options);
        aw_buffer_append_str(out, "</div>\n");
    }
    aw_heading_ids_free(&ids);
    return status != AW_OK ? status : out->failed ? AW_ERR_NOMEM : AW_OK;
}

int aw_render_article(aw_buffer *out, const aw_article *article, int heading_level, int link_target, aw_facts *facts)
{
    unsigned level = aw_heading_level(heading_level, AW_DEFAULT_HEADING_LEVEL);
    aw_facts own;
    size_t byline_end;
    int status;

    /* The byline needs the word count even when the caller does not. */
    aw_facts_init(&own);
    if (facts == NULL)
        facts = &own;
    aw_buffer_append_str(out, "<article class=\"aw-article\" " AW_SLUG_ATTRIBUTE "=\"");
    append_escaped(out, article->slug);
    aw_buffer_append_str(out, "\">\n");
    byline_end = render_header(out, article, level);
    status = render_body(out, article->markdown, article->markdown_size, level, 1, link_target, facts);
    if (status == AW_OK) {
        insert_reading_time(out, byline_end, facts->words);
        aw_buffer_append_str(out, "<footer class=\"aw-footer\">"
                                  "<a class=\"" AW_BACK_TO_TOP_CLASS "\" part=\"back-to-top\" href=\"#" TITLE_ID "\">"
                                  "Back to top</a>"
                                  "</footer>\n</article>\n");
        status = out->failed ? AW_ERR_NOMEM : AW_OK;
    }
    aw_facts_free(&own);
    return status;
}

int aw_render_page_article(aw_buffer *out, const char *markdown, size_t size, int heading_level, int link_target,
                           aw_facts *facts)
{
    unsigned level = aw_heading_level(heading_level, AW_DEFAULT_HEADING_LEVEL);
    int status;

    aw_buffer_append_str(out, "<article class=\"aw-article aw-page-article\">\n");
    status = render_body(out, markdown, size, level, 0, link_target, facts);
    aw_buffer_append_str(out, "</article>\n");
    return status != AW_OK ? status : out->failed ? AW_ERR_NOMEM : AW_OK;
}

int aw_render_fragment(aw_buffer *out, const char *markdown, size_t size, int heading_level, const char *id_prefix,
                       int link_target, aw_facts *facts)
{
    aw_markdown_options options;

    memset(&options, 0, sizeof(options));
    options.facts = facts;
    options.id_prefix = id_prefix;
    options.link_target = link_target;
    options.heading_offset = aw_heading_level(heading_level, 1) - 1;
    return aw_markdown_to_html(out, markdown, size, &options);
}

int aw_render_view(aw_buffer *out, const aw_catalog *catalog, const char *slug, size_t slug_size, int view,
                   int heading_level, int link_target, aw_facts *facts)
{
    long index = aw_catalog_find(catalog, slug, slug_size);
    int status = AW_OK;

    if (index < 0)
        return AW_ERR_UNKNOWN_ARTICLE;
    if (view < AW_VIEW_FULL || view > AW_VIEW_ARTICLE || !AW_LINK_TARGET_VALID(link_target))
        return AW_ERR_ARGUMENT;
    if (view != AW_VIEW_ARTICLE)
        status = aw_render_trending(out, catalog, index, heading_level);
    if (status == AW_OK && view != AW_VIEW_TRENDING)
        status = aw_render_article(out, &catalog->articles[index], heading_level, link_target, facts);
    return status;
}
