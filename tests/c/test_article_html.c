#include "article_html.h"
#include "errors.h"
#include "test.h"

/* An article of the catalog, as the reader fills it (slug, title, date,
 * source, summary, body); topics are set where a test needs them. */
#define ARTICLE(s, t, d, src, sum, body)                                                                       \
    { .slug = s, .slug_size = sizeof(s) - 1, .title = t, .date = d, .source = src, .summary = sum,             \
      .markdown = body, .markdown_size = sizeof(body) - 1 }

static const char body_one[] = "First paragraph.\n\n# Background\n\nMore.\n\n## aw title\n";
static aw_article articles[] = {
    { .slug = "first", .slug_size = 5, .title = "One & <Only>", .date = "2012-09-26", .source = "Wire report",
      .summary = "Sum", .topics = { "Mali", "Quote \"this\"" }, .topic_count = 2, .markdown = body_one,
      .markdown_size = sizeof(body_one) - 1 },
    ARTICLE("second", "Second", "2026-01-05", "", "", "Text"),
    ARTICLE("hidden", "Not trending", "2026-01-01", "", "", "Text"),
};
static const aw_catalog catalog = { .articles = articles, .count = 3, .trending_count = 2 };

static int render(aw_buffer *out, const aw_catalog *from, const char *slug, int which, int heading_level,
                  aw_facts *facts)
{
    return aw_render_view(out, from, slug, strlen(slug), which, heading_level, AW_LINK_TARGET_NONE, facts);
}

/* `which` view of the article `slug` ("": the first trending one). */
static char *view(const char *slug, int which)
{
    static aw_buffer out;

    aw_buffer_clear(&out);
    CHECK(render(&out, &catalog, slug, which, 0, NULL) == AW_OK);
    aw_buffer_terminate(&out);
    return out.data;
}

static void test_trending_markup(void)
{
    CHECK_STR(view("second", AW_VIEW_TRENDING),
              "<nav class=\"aw-trending\" part=\"trending\" aria-label=\"Trending Topics\">\n"
              "<h2 class=\"aw-trending-heading\">Trending Topics</h2>\n"
              "<ol class=\"aw-trending-list\">\n"
              "<li class=\"aw-trending-item\" part=\"item\"><a class=\"aw-trending-link\" part=\"link\" href=\"#aw/first\" "
              "data-aw-slug=\"first\">One &amp; &lt;Only&gt;</a></li>\n"
              "<li class=\"aw-trending-item\" part=\"item\"><a class=\"aw-trending-link\" part=\"link\" href=\"#aw/second\" "
              "data-aw-slug=\"second\" aria-current=\"page\">Second</a></li>\n"
              "</ol>\n</nav>\n");
    /* Only trending articles are listed. */
    CHECK_LACKS(view("hidden", AW_VIEW_TRENDING), "hidden");
}

static void test_article_markup(void)
{
    static const char start[] = "<article class=\"aw-article\" data-aw-slug=\"first\">\n<header class=\"aw-header\">\n";
    const char *html = view("first", AW_VIEW_ARTICLE);

    CHECK(strncmp(html, start, sizeof(start) - 1) == 0);
    CHECK_HAS(html, "<h2 class=\"aw-title\" part=\"title\" id=\"aw-title\">One &amp; &lt;Only&gt;</h2>");
    CHECK_HAS(html, "<time datetime=\"2012-09-26\">September 26, 2012</time>");
    /* Separators are text assistive technology reads too. */
    CHECK_HAS(html, "<time datetime=\"2012-09-26\">September 26, 2012</time><span class=\"aw-separator\"> · </span>"
                    "<span class=\"aw-source\">Wire report</span>"
                    "<span class=\"aw-separator\"> · </span><span class=\"aw-reading-time\">1 min read</span>"
                    "<span class=\"aw-separator\"> · </span>"
                    "<span class=\"aw-word-count\">6 words</span></p>\n</header>");
    CHECK_LACKS(html, "aria-hidden");
    CHECK_HAS(html, "<div class=\"aw-body\" part=\"body\">\n<p>First paragraph.</p>\n");
    /* Body headings sit below the title and never take its id. */
    CHECK_HAS(html, "<h2 id=\"background\">Background</h2>");
    CHECK_HAS(html, "<h3 id=\"aw-title-1\">aw title</h3>");
    CHECK_HAS(html, "<footer class=\"aw-footer\"><a class=\"aw-back-to-top\" part=\"back-to-top\" href=\"#aw-title\">"
                    "Back to top</a></footer>\n</article>\n");
    CHECK_LACKS(view("second", AW_VIEW_ARTICLE), "aw-source");
}

static void test_full_view_is_trending_then_article(void)
{
    const char *html = view("", AW_VIEW_FULL);
    const char *nav = strstr(html, "<nav"), *article = strstr(html, "<article");

    CHECK(nav == html && article != NULL && article > nav);
    CHECK_HAS(html, "data-aw-slug=\"first\" aria-current=\"page\"");
}

static void test_heading_level_shifts_every_heading(void)
{
    aw_buffer out;

    aw_buffer_init(&out);
    CHECK(render(&out, &catalog, "first", AW_VIEW_FULL, 4, NULL) == AW_OK);
    aw_buffer_terminate(&out);
    CHECK_HAS(out.data, "<h4 class=\"aw-trending-heading\">Trending Topics</h4>");
    CHECK_HAS(out.data, "<h4 class=\"aw-title\" part=\"title\" id=\"aw-title\">");
    CHECK_HAS(out.data, "<h4 id=\"background\">Background</h4>");
    CHECK_HAS(out.data, "<h5 id=\"aw-title-1\">aw title</h5>");
    /* Clamped at 6: nothing goes past <h6>. */
    aw_buffer_clear(&out);
    CHECK(render(&out, &catalog, "first", AW_VIEW_ARTICLE, 9, NULL) == AW_OK);
    aw_buffer_terminate(&out);
    CHECK_HAS(out.data, "<h6 class=\"aw-title\"");
    CHECK_HAS(out.data, "<h6 id=\"aw-title-1\">aw title</h6>");
    CHECK_LACKS(out.data, "<h7");
    aw_buffer_free(&out);
}

static void test_reading_time_rounds_up(void)
{
    static char body[4000];
    aw_article long_one = articles[1];
    aw_buffer out;
    size_t i;

    /* 231 words: just over one minute at 230 words a minute. */
    for (i = 0; i < 231; i++)
        memcpy(body + i * 3, "ab ", 3);
    long_one.markdown = body;
    long_one.markdown_size = 231 * 3;
    aw_buffer_init(&out);
    CHECK(aw_render_article(&out, &long_one, 0, AW_LINK_TARGET_NONE, NULL) == AW_OK);
    aw_buffer_terminate(&out);
    CHECK_HAS(out.data, ">2 min read</span>");
    CHECK_HAS(out.data, ">231 words</span>");
    aw_buffer_free(&out);
}

/* Front-matter text reaches the page only escaped, wherever it goes. */
static void test_hostile_front_matter_is_escaped(void)
{
    static aw_article hostile[] = {
        { .slug = "x", .slug_size = 1, .title = "\"><script>alert(1)</script>", .date = "2020-01-01",
          .source = "<img src=x onerror=alert(1)>", .summary = "javascript:alert(1)",
          .topics = { "\" onmouseover=\"alert(1)", "<script>alert(1)</script>" }, .topic_count = 2,
          .markdown = "Body", .markdown_size = 4 },
    };
    static const aw_catalog one = { .articles = hostile, .count = 1, .trending_count = 1 };
    aw_buffer out;

    aw_buffer_init(&out);
    CHECK(render(&out, &one, "x", AW_VIEW_FULL, 0, NULL) == AW_OK);
    aw_buffer_terminate(&out);
    CHECK_LACKS(out.data, "<script");
    CHECK_LACKS(out.data, "<img");
    CHECK_HAS(out.data, "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK_HAS(out.data, "&lt;img src=x onerror=alert(1)&gt;");
    /* In the catalog (JSON) quotes cannot end a string early, nor can a
     * title end a <script> element the JSON is inlined in. */
    aw_buffer_clear(&out);
    CHECK(aw_catalog_write_json(&out, &one) == 0);
    aw_buffer_terminate(&out);
    CHECK_HAS(out.data, "\"title\":\"\\\">\\u003cscript>alert(1)\\u003c/script>\"");
    CHECK_HAS(out.data, "\"\\\" onmouseover=\\\"alert(1)\"");
    aw_buffer_free(&out);
}

static void test_bad_arguments(void)
{
    aw_buffer out;

    aw_buffer_init(&out);
    /* An unknown slug is told apart (issue 17 fetches it), and decided first. */
    CHECK(render(&out, &catalog, "third", AW_VIEW_FULL, 0, NULL) == AW_ERR_UNKNOWN_ARTICLE);
    CHECK(render(&out, &catalog, "firs", AW_VIEW_FULL, 0, NULL) == AW_ERR_UNKNOWN_ARTICLE);
    CHECK(render(&out, &catalog, "third", 3, 0, NULL) == AW_ERR_UNKNOWN_ARTICLE);
    /* Bytes that break the slug rule name no article, a NUL included. */
    CHECK(aw_render_view(&out, &catalog, "first\0x", 7, AW_VIEW_FULL, 0, 0, NULL) == AW_ERR_UNKNOWN_ARTICLE);
    CHECK(render(&out, &catalog, "First", AW_VIEW_FULL, 0, NULL) == AW_ERR_UNKNOWN_ARTICLE);
    CHECK(render(&out, &catalog, "first", 3, 0, NULL) == AW_ERR_ARGUMENT);
    CHECK(render(&out, &catalog, "first", -1, 0, NULL) == AW_ERR_ARGUMENT);
    CHECK(aw_render_view(&out, &catalog, "first", 5, AW_VIEW_FULL, 0, 5, NULL) == AW_ERR_ARGUMENT);
    CHECK(aw_render_view(&out, &catalog, "first", 5, AW_VIEW_FULL, 0, -1, NULL) == AW_ERR_ARGUMENT);
    CHECK(out.len == 0);
    aw_buffer_free(&out);
}

static void test_catalog_json(void)
{
    aw_buffer out;

    aw_buffer_init(&out);
    CHECK(aw_catalog_write_json(&out, &catalog) == 0);
    aw_buffer_terminate(&out);
    CHECK_HAS(out.data, "[{\"slug\":\"first\",\"title\":\"One & \\u003cOnly>\",\"date\":\"2012-09-26\",\"source\":\"Wire report\","
                        "\"topics\":[\"Mali\",\"Quote \\\"this\\\"\"],\"summary\":\"Sum\"},");
    /* The edition's articles: the trending list, not an article added from the archive. */
    CHECK_HAS(out.data, "{\"slug\":\"second\",\"title\":\"Second\",\"date\":\"2026-01-05\",\"source\":\"\",\"topics\":[],"
                        "\"summary\":\"\"}]");
    CHECK_LACKS(out.data, "hidden");
    CHECK(aw_catalog_find(&catalog, "second", 6) == 1);
    CHECK(aw_catalog_find(&catalog, "sec", 3) == -1);
    CHECK(aw_catalog_find(&catalog, "", 0) == 0);
    CHECK(aw_catalog_find(&catalog, "second\0", 7) == -1);
    aw_buffer_free(&out);
}

static void test_heading_level_is_decided_in_one_place(void)
{
    CHECK(aw_heading_level(0, 2) == 2);
    CHECK(aw_heading_level(-3, 1) == 1);
    CHECK(aw_heading_level(1, 2) == 1);
    CHECK(aw_heading_level(6, 2) == 6);
    CHECK(aw_heading_level(7, 2) == 6);
}

/* Page Markdown gets the body frame of a built-in article, "#" at the
 * article's section level; a fragment has no frame and "#" is <h1>. */
static void test_page_article_and_fragment(void)
{
    static const char md[] = "# Top\n\nText here.\n";
    aw_buffer out;

    aw_buffer_init(&out);
    CHECK(aw_render_page_article(&out, md, sizeof(md) - 1, 0, AW_LINK_TARGET_NONE, NULL) == AW_OK);
    aw_buffer_terminate(&out);
    CHECK_STR(out.data, "<article class=\"aw-article aw-page-article\">\n<div class=\"aw-body\" part=\"body\">\n"
                        "<h2 id=\"top\">Top</h2>\n<p>Text here.</p>\n</div>\n</article>\n");
    aw_buffer_clear(&out);
    CHECK(aw_render_page_article(&out, md, sizeof(md) - 1, 4, AW_LINK_TARGET_NONE, NULL) == AW_OK);
    aw_buffer_terminate(&out);
    CHECK_HAS(out.data, "<h4 id=\"top\">Top</h4>");
    aw_buffer_clear(&out);
    CHECK(aw_render_fragment(&out, md, sizeof(md) - 1, 0, NULL, AW_LINK_TARGET_NONE, NULL) == AW_OK);
    aw_buffer_terminate(&out);
    CHECK_STR(out.data, "<h1 id=\"top\">Top</h1>\n<p>Text here.</p>\n");
    aw_buffer_clear(&out);
    CHECK(aw_render_fragment(&out, md, sizeof(md) - 1, 9, NULL, AW_LINK_TARGET_NONE, NULL) == AW_OK);
    aw_buffer_terminate(&out);
    CHECK_HAS(out.data, "<h6 id=\"top\">Top</h6>");
    aw_buffer_free(&out);
}

static char *facts_json(const aw_facts *facts)
{
    static aw_buffer json;

    aw_buffer_clear(&json);
    CHECK(aw_facts_write_json(&json, facts) == 0);
    aw_buffer_terminate(&json);
    return json.data;
}

/* The facts are those of the body as written: levels after the shift, ids
 * as in the HTML, text decoded; the title is not a body heading. */
static void test_facts_of_a_render(void)
{
    static const char md[] = "# One &amp; \"two\"\n\nSome words here.\n\n## Part *b*\n";
    aw_buffer out;
    aw_facts facts;

    aw_buffer_init(&out);
    aw_facts_init(&facts);
    CHECK(render(&out, &catalog, "first", AW_VIEW_FULL, 3, &facts) == AW_OK);
    CHECK(facts.words == 6);
    CHECK_STR(facts_json(&facts), "{\"words\":6,\"minutes\":1,\"headings\":["
                                  "{\"level\":3,\"id\":\"background\",\"text\":\"Background\"},"
                                  "{\"level\":4,\"id\":\"aw-title-1\",\"text\":\"aw title\"}]}");
    aw_facts_clear(&facts);
    aw_buffer_clear(&out);
    CHECK(aw_render_page_article(&out, md, sizeof(md) - 1, 0, AW_LINK_TARGET_NONE, &facts) == AW_OK);
    CHECK_STR(facts_json(&facts), "{\"words\":8,\"minutes\":1,\"headings\":["
                                  "{\"level\":2,\"id\":\"one-two\",\"text\":\"One & \\\"two\\\"\"},"
                                  "{\"level\":3,\"id\":\"part-b\",\"text\":\"Part b\"}]}");
    aw_facts_clear(&facts);
    CHECK_STR(facts_json(&facts), "{\"words\":0,\"minutes\":1,\"headings\":[]}");
    /* A heading with no text (found by fuzzing: its text buffer is empty). */
    aw_buffer_clear(&out);
    CHECK(aw_render_fragment(&out, "#\n", 2, 0, NULL, AW_LINK_TARGET_NONE, &facts) == AW_OK);
    CHECK_STR(facts_json(&facts), "{\"words\":0,\"minutes\":1,\"headings\":[{\"level\":1,\"id\":\"section\",\"text\":\"\"}]}");
    aw_facts_free(&facts);
    aw_buffer_free(&out);
}

/* Page Markdown rendered with `link_target`, or NULL when it fails. */
static const char *page_linking(aw_buffer *out, const char *md, int link_target)
{
    aw_buffer_clear(out);
    if (aw_render_page_article(out, md, strlen(md), 0, link_target, NULL) != AW_OK)
        return NULL;
    aw_buffer_terminate(out);
    return out->data;
}

/* link-target: the renderer writes it on the links it decided are to other
 * sites, right after their rel (where the widget's script used to add
 * it), in every frame; links on the site, fragments, e-mail and the
 * trending list keep none. */
static void test_link_target(void)
{
    static const char md[] = "[out](https://example.com/a) [in](/b) [here](#c) [mail](mailto:d@example.com) "
                             "<https://example.org/>\n";
    static const char *const expected[] = {
        "<p><a href=\"https://example.com/a\" rel=\"noopener noreferrer\" target=\"_self\">out</a> ",
        "<p><a href=\"https://example.com/a\" rel=\"noopener noreferrer\" target=\"_blank\">out</a> ",
        "<p><a href=\"https://example.com/a\" rel=\"noopener noreferrer\" target=\"_parent\">out</a> ",
        "<p><a href=\"https://example.com/a\" rel=\"noopener noreferrer\" target=\"_top\">out</a> ",
    };
    static aw_article linking[] = { ARTICLE("linking", "Links", "2020-01-01", "", "", md) };
    static const aw_catalog one = { .articles = linking, .count = 1, .trending_count = 1 };
    aw_buffer out;
    int target;

    aw_buffer_init(&out);
    for (target = AW_LINK_TARGET_SELF; target <= AW_LINK_TARGET_TOP; target++) {
        aw_buffer_clear(&out);
        CHECK(aw_render_fragment(&out, md, sizeof(md) - 1, 0, NULL, target, NULL) == AW_OK);
        aw_buffer_terminate(&out);
        CHECK(strncmp(out.data, expected[target - 1], strlen(expected[target - 1])) == 0);
        CHECK_HAS(out.data, "<a href=\"/b\">in</a> <a href=\"#c\">here</a> <a href=\"mailto:d@example.com\">mail</a> ");
        CHECK_HAS(out.data, "<a href=\"https://example.org/\" rel=\"noopener noreferrer\" target=\"");
    }
    CHECK_HAS(page_linking(&out, md, AW_LINK_TARGET_BLANK),
              "<a href=\"https://example.org/\" rel=\"noopener noreferrer\" target=\"_blank\">");
    aw_buffer_clear(&out);
    CHECK(aw_render_view(&out, &one, "", 0, AW_VIEW_FULL, 0, AW_LINK_TARGET_TOP, NULL) == AW_OK);
    aw_buffer_terminate(&out);
    CHECK_HAS(out.data, "data-aw-slug=\"linking\" aria-current=\"page\">Links</a>");
    CHECK_HAS(out.data, "rel=\"noopener noreferrer\" target=\"_top\">out</a>");
    CHECK_LACKS(out.data, "href=\"#aw/linking\" data-aw-slug=\"linking\" aria-current=\"page\" target");
    /* None: no target anywhere; an unknown one is refused. */
    CHECK_LACKS(page_linking(&out, md, AW_LINK_TARGET_NONE), "target=");
    CHECK(page_linking(&out, md, 5) == NULL);
    CHECK(page_linking(&out, md, -1) == NULL);
    CHECK(aw_render_fragment(&out, md, sizeof(md) - 1, 0, NULL, 5, NULL) == AW_ERR_ARGUMENT);
    aw_buffer_free(&out);
}

TEST_MAIN(test_trending_markup, test_article_markup, test_full_view_is_trending_then_article,
          test_heading_level_shifts_every_heading, test_reading_time_rounds_up, test_hostile_front_matter_is_escaped,
          test_bad_arguments, test_catalog_json, test_heading_level_is_decided_in_one_place, test_page_article_and_fragment,
          test_facts_of_a_render, test_link_target)
