#include "article_html.h"

#include "errors.h"
#include "escape.h"
#include "markdown_html.h"

#include <string.h>

/* The article title's id: "Back to top" targets it, so body headings must
 * not take it. */
#define TITLE_ID "aw-title"

static void append_escaped(aw_buffer *out, const char *text)
{
    aw_escape_html(out, text, strlen(text));
}

int aw_render_trending(aw_buffer *out, const aw_catalog *catalog, long current)
{
    size_t i;

    aw_buffer_append_str(out, "<nav class=\"aw-trending\" part=\"trending\" aria-label=\"Trending Topics\">\n"
                              "<h2 class=\"aw-trending-heading\">Trending Topics</h2>\n"
                              "<ol class=\"aw-trending-list\">\n");
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

static void render_header(aw_buffer *out, const aw_article *article)
{
    aw_buffer_append_str(out, "<header class=\"aw-header\">\n<h2 class=\"aw-title\" part=\"title\" id=\"" TITLE_ID "\">");
    append_escaped(out, article->title);
    aw_buffer_append_str(out, "</h2>\n<p class=\"aw-byline\" part=\"byline\"><time datetime=\"");
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
    aw_buffer_append_str(out, "</p>\n</header>\n");
}

int aw_render_article(aw_buffer *out, const aw_article *article)
{
    aw_markdown_options options;
    aw_heading_ids ids;
    int status;

    aw_heading_ids_init(&ids);
    memset(&options, 0, sizeof(options));
    options.ids = &ids;
    /* The title is an h2, so the body's "#" sections become h2 and "##" h3. */
    options.heading_offset = 1;
    if (aw_heading_ids_reserve(&ids, TITLE_ID) != 0)
        return AW_ERR_NOMEM;

    aw_buffer_append_str(out, "<article class=\"aw-article\" data-aw-slug=\"");
    append_escaped(out, article->slug);
    aw_buffer_append_str(out, "\">\n");
    render_header(out, article);
    aw_buffer_append_str(out, "<div class=\"aw-body\" part=\"body\">\n");
    status = aw_markdown_to_html(out, article->markdown, article->markdown_size, &options);
    aw_heading_ids_free(&ids);
    if (status != AW_OK)
        return status;
    aw_buffer_append_str(out, "</div>\n<footer class=\"aw-footer\">"
                              "<a class=\"aw-back-to-top\" part=\"back-to-top\" href=\"#" TITLE_ID "\">Back to top</a>"
                              "</footer>\n</article>\n");
    return out->failed ? AW_ERR_NOMEM : AW_OK;
}

int aw_render_view(aw_buffer *out, const aw_catalog *catalog, long index, int view)
{
    int status = AW_OK;

    if (index == -1)
        index = 0;
    if (index < 0 || (size_t)index >= catalog->count || view < AW_VIEW_FULL || view > AW_VIEW_ARTICLE)
        return AW_ERR_ARGUMENT;
    if (view != AW_VIEW_ARTICLE)
        status = aw_render_trending(out, catalog, index);
    if (status == AW_OK && view != AW_VIEW_TRENDING)
        status = aw_render_article(out, &catalog->articles[index]);
    return status;
}
