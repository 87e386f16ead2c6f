#include "article_html.h"

#include "errors.h"
#include "escape.h"
#include "markdown_html.h"

#include <string.h>

/* The article title's id: "Back to top" targets it, so body headings must
 * not take it. */
#define TITLE_ID "aw-title"

/* Words a news reader reads per minute, for the byline's reading time. */
#define WORDS_PER_MINUTE 230

/* 1..6, or the default (2) for anything below 1; above 6 is clamped. */
static unsigned clamp_heading_level(int level)
{
    if (level < 1)
        return AW_DEFAULT_HEADING_LEVEL;
    return level > 6 ? 6 : (unsigned)level;
}

static void append_escaped(aw_buffer *out, const char *text)
{
    aw_escape_html(out, text, strlen(text));
}

int aw_render_trending(aw_buffer *out, const aw_catalog *catalog, long current, int heading_level)
{
    unsigned level = clamp_heading_level(heading_level);
    size_t i;

    aw_buffer_appendf(out, "<nav class=\"aw-trending\" part=\"trending\" aria-label=\"Trending Topics\">\n"
                           "<h%u class=\"aw-trending-heading\">Trending Topics</h%u>\n"
                           "<ol class=\"aw-trending-list\">\n", level, level);
    for (i = 0; i < catalog->trending_count; i++) {
        const aw_article *a = &catalog->articles[i];
        /* Slugs are [a-z0-9-]+ (checked when embedded): safe in a URL and an attribute. */
        aw_buffer_appendf(out, "<li class=\"aw-trending-item\" part=\"item\"><a class=\"aw-trending-link\" part=\"link\""
                               " href=\"#aw/%s\" data-aw-slug=\"%s\"%s>",
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

    aw_buffer_appendf(out, "<header class=\"aw-header\">\n<h%u class=\"aw-title\" part=\"title\" id=\"" TITLE_ID "\">",
                      level);
    append_escaped(out, article->title);
    aw_buffer_appendf(out, "</h%u>\n<p class=\"aw-byline\" part=\"byline\"><time datetime=\"", level);
    append_escaped(out, article->date);
    aw_buffer_append_str(out, "\">");
    append_display_date(out, article->date);
    aw_buffer_append_str(out, "</time>");
    if (article->source[0] != '\0') {
        aw_buffer_append_str(out, "<span class=\"aw-separator\" aria-hidden=\"true\"> · </span>"
                                  "<span class=\"aw-source\">");
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
    unsigned long minutes = words == 0 ? 1 : (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;
    aw_buffer text;

    aw_buffer_init(&text);
    aw_buffer_appendf(&text, "<span class=\"aw-separator\" aria-hidden=\"true\"> · </span>"
                             "<span class=\"aw-reading-time\">%lu min read</span>"
                             "<span class=\"aw-separator\" aria-hidden=\"true\"> · </span>"
                             "<span class=\"aw-word-count\" data-aw-words=\"%lu\">%lu %s</span>",
                      minutes, words, words, words == 1 ? "word" : "words");
    aw_buffer_insert_buffer(out, at, &text);
    aw_buffer_free(&text);
}

int aw_render_article(aw_buffer *out, const aw_article *article, int heading_level)
{
    unsigned level = clamp_heading_level(heading_level);
    aw_markdown_options options;
    aw_heading_ids ids;
    unsigned long words = 0;
    size_t byline_end;
    int status;

    aw_heading_ids_init(&ids);
    memset(&options, 0, sizeof(options));
    options.ids = &ids;
    options.word_count = &words;
    /* The body's "#" sections take the title's level (h2 under the default
     * h2 title), "##" the next one; markdown_html.c clamps at 6. */
    options.heading_offset = level - 1;
    if (aw_heading_ids_reserve(&ids, TITLE_ID) != 0)
        return AW_ERR_NOMEM;

    aw_buffer_append_str(out, "<article class=\"aw-article\" data-aw-slug=\"");
    append_escaped(out, article->slug);
    aw_buffer_append_str(out, "\">\n");
    byline_end = render_header(out, article, level);
    aw_buffer_append_str(out, "<div class=\"aw-body\" part=\"body\">\n");
    status = aw_markdown_to_html(out, article->markdown, article->markdown_size, &options);
    aw_heading_ids_free(&ids);
    if (status != AW_OK)
        return status;
    insert_reading_time(out, byline_end, words);
    aw_buffer_append_str(out, "</div>\n<footer class=\"aw-footer\">"
                              "<a class=\"aw-back-to-top\" part=\"back-to-top\" href=\"#" TITLE_ID "\">Back to top</a>"
                              "</footer>\n</article>\n");
    return out->failed ? AW_ERR_NOMEM : AW_OK;
}

int aw_render_view(aw_buffer *out, const aw_catalog *catalog, long index, int view, int heading_level)
{
    int status = AW_OK;

    if (index == -1)
        index = 0;
    if (index < 0 || (size_t)index >= catalog->count || view < AW_VIEW_FULL || view > AW_VIEW_ARTICLE)
        return AW_ERR_ARGUMENT;
    if (view != AW_VIEW_ARTICLE)
        status = aw_render_trending(out, catalog, index, heading_level);
    if (status == AW_OK && view != AW_VIEW_TRENDING)
        status = aw_render_article(out, &catalog->articles[index], heading_level);
    return status;
}
