#include "errors.h"
#include "markdown_flags.h"
#include "markdown_html.h"
#include "run_breaks.h"
#include "test.h"

#include <stdio.h>

static char *render_n(const char *md, size_t size)
{
    static aw_buffer out;

    aw_buffer_clear(&out);
    CHECK(aw_markdown_to_html(&out, md, size, NULL) == AW_OK);
    aw_buffer_terminate(&out);
    return out.data;
}

static char *render(const char *md)
{
    return render_n(md, strlen(md));
}

static void test_paragraphs_and_emphasis(void)
{
    CHECK_STR(render("Hello *world* and **you**.\n\nSecond."),
              "<p>Hello <em>world</em> and <strong>you</strong>.</p>\n<p>Second.</p>\n");
}

static void test_text_is_escaped_and_raw_html_shown_as_text(void)
{
    CHECK_STR(render("a < b & c > \"d\""), "<p>a &lt; b &amp; c &gt; &quot;d&quot;</p>\n");
    CHECK_STR(render("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    CHECK_STR(render("x <img src=x onerror=alert(1)> y"), "<p>x &lt;img src=x onerror=alert(1)&gt; y</p>\n");
    CHECK_STR(render("<div>\n*block*\n</div>"), "<p>&lt;div&gt;\n<em>block</em>\n&lt;/div&gt;</p>\n");
}

static void test_safe_links(void)
{
    CHECK_STR(render("[a](https://example.com/x \"T\")"),
              "<p><a href=\"https://example.com/x\" title=\"T\" rel=\"noopener noreferrer\">a</a></p>\n");
    CHECK_STR(render("[a](/local)"), "<p><a href=\"/local\">a</a></p>\n");
    CHECK_STR(render("[a](#part)"), "<p><a href=\"#part\">a</a></p>\n");
    CHECK_STR(render("<mailto:desk@example.com>"), "<p><a href=\"mailto:desk@example.com\">mailto:desk@example.com</a></p>\n");
    CHECK_STR(render("see www.example.com"),
              "<p>see <a href=\"http://www.example.com\" rel=\"noopener noreferrer\">www.example.com</a></p>\n");
}

static void test_dangerous_links_lose_their_href_but_keep_text(void)
{
    CHECK_STR(render("[click](javascript:alert(1))"), "<p>click</p>\n");
    CHECK_STR(render("[click](JaVaScRiPt:alert(1))"), "<p>click</p>\n");
    CHECK_STR(render("[click](&#106;avascript:alert(1))"), "<p>click</p>\n");
    CHECK_STR(render("[click](&#x6A;avascript&colon;alert(1))"), "<p>click</p>\n");
    CHECK_STR(render("[click](java&Tab;script:alert(1))"), "<p>click</p>\n");
    CHECK_STR(render("[click](vbscript:msgbox)"), "<p>click</p>\n");
    CHECK_STR(render("[click](data:text/html;base64,PHNjcmlwdD4=)"), "<p>click</p>\n");
    CHECK_STR(render("<javascript:alert(1)>"), "<p>javascript:alert(1)</p>\n");
    CHECK_STR(render("[x]\n\n[x]: javascript:alert(1)"), "<p>x</p>\n");
    /* A named reference where the scheme is decided is refused: the browser,
     * not the module, knows what it stands for. */
    CHECK_STR(render("[click](javascript&colon;alert(1))"), "<p>click</p>\n");
    CHECK_STR(render("[click](jav&foo;ascript:alert(1))"), "<p>click</p>\n");
    CHECK_STR(render("[click](&Tab;javascript:alert(1))"), "<p>click</p>\n");
    CHECK_STR(render("![i](data&colon;text/html,x)"), "<p>i</p>\n");
    CHECK_STR(render("[click](caf&eacute;.html)"), "<p>click</p>\n"); /* the cost: write ./caf&eacute;.html */
    /* Just after a lone slash one could make a host: /&sol;evil.example is //evil.example. */
    CHECK_STR(render("[click](/&sol;evil.example)"), "<p>click</p>\n");
    CHECK_STR(render("[click](\\\\&NewLine;/evil.example)"), "<p>click</p>\n");
    CHECK_STR(render("[click](https:&sol;&sol;evil.example)"), "<p>click</p>\n");
}

static void test_images(void)
{
    CHECK_STR(render("![A *map* of Mali](map.png \"Map\")"),
              "<p><img src=\"map.png\" alt=\"A map of Mali\" title=\"Map\" loading=\"lazy\"></p>\n");
    CHECK_STR(render("![alt](javascript:alert(1))"), "<p>alt</p>\n");
    /* From another site: fetched with no Referer. */
    CHECK_STR(render("![m](https://cdn.example/m.png)"),
              "<p><img src=\"https://cdn.example/m.png\" alt=\"m\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></p>\n");
    CHECK_STR(render("![m](\\\\\\\\cdn.example/m.png)"),
              "<p><img src=\"//cdn.example/m.png\" alt=\"m\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></p>\n");
    CHECK_STR(render("![x\" onerror=\"alert(1)](a.png)"),
              "<p><img src=\"a.png\" alt=\"x&quot; onerror=&quot;alert(1)\" loading=\"lazy\"></p>\n");
}

static void test_attribute_values_are_escaped(void)
{
    CHECK_STR(render("[a](/x \"a&quot;><script>\")"),
              "<p><a href=\"/x\" title=\"a&quot;&gt;&lt;script&gt;\">a</a></p>\n");
    CHECK_STR(render("[a](</a b\"c>)"), "<p><a href=\"/a%20b%22c\">a</a></p>\n");
    CHECK_STR(render("```js\" onclick=\"x\ncode\n```"),
              "<pre><code class=\"language-js&quot;\">code\n</code></pre>\n");
}

/* References are decoded before the token is cut (issue 10): whatever
 * spelling of whitespace follows the language, only the language is kept. */
static void test_code_class_is_one_token(void)
{
    static const char *const spellings[] = { "&#32;", "&#x20;", "&Tab;", "&NewLine;", "&#12;", "&#13;", "&#9;", "&#10;" };
    char md[64];
    size_t i;

    for (i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
        snprintf(md, sizeof(md), "```js%saw-title\ncode\n```", spellings[i]);
        CHECK_STR(render(md), "<pre><code class=\"language-js\">code\n</code></pre>\n");
    }
    CHECK_STR(render("```c&#43;&#43; extra words\nx\n```"), "<pre><code class=\"language-c++\">x\n</code></pre>\n");
    /* Nothing before the whitespace: no class at all. */
    CHECK_STR(render("```&#32;aw-live\nx\n```"), "<pre><code>x\n</code></pre>\n");
    CHECK_STR(render("```\nx\n```"), "<pre><code>x\n</code></pre>\n");
}

static void test_headings_get_ids_and_shift(void)
{
    aw_markdown_options options = { 1, NULL, NULL };
    aw_buffer out;

    CHECK_STR(render("# Title\n\n## Part *one*\n\n## Part one"),
              "<h1 id=\"title\">Title</h1>\n<h2 id=\"part-one\">Part <em>one</em></h2>\n"
              "<h2 id=\"part-one-1\">Part one</h2>\n");
    aw_buffer_init(&out);
    CHECK(aw_markdown_to_html(&out, "# A\n###### F", 12, &options) == AW_OK);
    aw_buffer_terminate(&out);
    CHECK_STR(out.data, "<h2 id=\"a\">A</h2>\n<h6 id=\"f\">F</h6>\n");
    aw_buffer_free(&out);
}

static void test_id_prefix(void)
{
    aw_markdown_options options;
    aw_buffer out;

    memset(&options, 0, sizeof(options));
    options.id_prefix = "aw-";
    aw_buffer_init(&out);
    CHECK(aw_markdown_to_html(&out, "# Config\n\n## Config", 19, &options) == AW_OK);
    aw_buffer_terminate(&out);
    CHECK_STR(out.data, "<h1 id=\"aw-config\">Config</h1>\n<h2 id=\"aw-config-1\">Config</h2>\n");
    /* A prefix that would need escaping is refused before anything is written. */
    aw_buffer_clear(&out);
    options.id_prefix = "\"><script>";
    CHECK(aw_markdown_to_html(&out, "# x", 3, &options) == AW_ERR_ARGUMENT);
    CHECK(out.len == 0);
    aw_buffer_free(&out);
}

static void test_entities(void)
{
    /* Numeric references are decoded (and escaped as text). */
    CHECK_STR(render("&#65;&#x42; &#0; &#xD800; &#x110000;"), "<p>AB \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD</p>\n");
    CHECK_STR(render("&#60;script&#62; &#38;copy;"), "<p>&lt;script&gt; &amp;copy;</p>\n");
    /* Named ones go through for the browser, which knows every name of
     * the HTML standard (and shows an unknown one as it is). */
    CHECK_STR(render("&amp; &copy; &eacute; &ngE; &MadeUp;"), "<p>&amp; &copy; &eacute; &ngE; &MadeUp;</p>\n");
    /* What is not a reference is escaped: no name, no ';', not ASCII. */
    CHECK_STR(render("& &; &x y; &copy &#; &\xC3\xA9;"), "<p>&amp; &amp;; &amp;x y; &amp;copy &amp;#; &amp;\xC3\xA9;</p>\n");
    CHECK_STR(render("\\&copy;"), "<p>&amp;copy;</p>\n"); /* escaped in Markdown: literal */
    /* In attributes too, wherever no decision depends on them. */
    CHECK_STR(render("[a](/f&ouml;&ouml;?q=1&amp;r=2#&sect; \"f&ouml; &quot;x&quot;\")"),
              "<p><a href=\"/f&ouml;&ouml;?q=1&amp;r=2#&sect;\" title=\"f&ouml; &quot;x&quot;\">a</a></p>\n");
    CHECK_STR(render("[a](https://example.com/caf&eacute;)"),
              "<p><a href=\"https://example.com/caf&eacute;\" rel=\"noopener noreferrer\">a</a></p>\n");
    CHECK_STR(render("[a](./caf&eacute;.html) [b](mailto:desk&commat;example.com)"),
              "<p><a href=\"./caf&eacute;.html\">a</a> <a href=\"mailto:desk&commat;example.com\">b</a></p>\n");
    CHECK_STR(render("![caf&eacute;](a.png)"), "<p><img src=\"a.png\" alt=\"caf&eacute;\" loading=\"lazy\"></p>\n");
    /* After a named reference, which might stand for '?' or '#', a '\\' is
     * written as it is: the browser reads it as it reads the author's. */
    CHECK_STR(render("[a](/x\\y&quest;z\\w)"), "<p><a href=\"/x/y&quest;z\\w\">a</a></p>\n");
    /* In a code block's class, all but the two that would split it. */
    CHECK_STR(render("```js&Tab;aw-title\nx\n```"), "<pre><code class=\"language-js\">x\n</code></pre>\n");
    CHECK_STR(render("```js&NewLine;aw-title\nx\n```"), "<pre><code class=\"language-js\">x\n</code></pre>\n");
    CHECK_STR(render("```f&ouml;&ouml;&Tabx;&tab;&NewLines;\nx\n```"),
              "<pre><code class=\"language-f&ouml;&ouml;&Tabx;&tab;&NewLines;\">x\n</code></pre>\n");
}

/* What a named reference contributes to an id: the character, when it is
 * one the slug keeps or treats apart; so the id is the typed text's. */
static void test_named_references_in_ids(void)
{
    CHECK_STR(render("# Caf&eacute; &amp; cr&egrave;me&nbsp;br&ucirc;l&eacute;e\n\n# Caf\xC3\xA9 & cr\xC3\xA8me\xC2\xA0" "br\xC3\xBBl\xC3\xA9" "e"),
              "<h1 id=\"caf\xC3\xA9-cr\xC3\xA8me-br\xC3\xBBl\xC3\xA9" "e\">Caf&eacute; &amp; cr&egrave;me&nbsp;br&ucirc;l&eacute;e</h1>\n"
              "<h1 id=\"caf\xC3\xA9-cr\xC3\xA8me-br\xC3\xBBl\xC3\xA9" "e-1\">Caf\xC3\xA9 &amp; cr\xC3\xA8me\xC2\xA0" "br\xC3\xBBl\xC3\xA9" "e</h1>\n");
    CHECK_HAS(render("# Mali&mdash;explained"), "id=\"mali-explained\"");
    CHECK_HAS(render("# &ldquo;Q&amp;A&rdquo;&hellip;"), "id=\"qa\"");
    CHECK_HAS(render("# &copy; 2024 &MadeUp; news"), "id=\"2024-news\"");
    CHECK_HAS(render("# Sh&shy;y&zwj;x&lrm;"), "id=\"shyx\"");
    CHECK_HAS(render("# &#233;t&#xE9;"), "id=\"\xC3\xA9t\xC3\xA9\"");
}

static void test_bad_bytes_become_replacement_characters(void)
{
    CHECK_STR(render_n("a\0b", 3), "<p>a\xEF\xBF\xBD" "b</p>\n");
    CHECK_STR(render("a\xFF" "b"), "<p>a\xEF\xBF\xBD" "b</p>\n");
    CHECK_STR(render("\xEF\xBB\xBFtext"), "<p>text</p>\n");
    CHECK_STR(render("a\r\nb\rc"), "<p>a\nb\nc</p>\n");
}

/* Found by the fuzzer (its check, not the renderer, was wrong): a backslash
 * before the colon means no scheme, for us and for the browser, which reads
 * it as a '/' of a relative path (and so it is written). */
static void test_backslash_before_colon_is_relative(void)
{
    CHECK_STR(render("![i](d\\ta:text/html,x)"), "<p><img src=\"d/ta:text/html,x\" alt=\"i\" loading=\"lazy\"></p>\n");
}

static void test_github_extensions(void)
{
    CHECK_STR(render("| a | b |\n|:--|--:|\n| 1 | 2 |"),
              "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n"
              "<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"right\">2</td>\n</tr>\n</tbody>\n</table>\n");
    CHECK_STR(render("~~gone~~"), "<p><del>gone</del></p>\n");
    CHECK_STR(render("- [x] done\n- [ ] todo"),
              "<ul>\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled checked>"
              "done</li>\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled>"
              "todo</li>\n</ul>\n");
    CHECK_STR(render("3. c\n4. d"), "<ol start=\"3\">\n<li>c</li>\n<li>d</li>\n</ol>\n");
}

/* The flags we do not list stay off, whatever md4c's dialects include. */
static void test_dialect_is_exactly_ours(void)
{
    CHECK_STR(render("_x_"), "<p><em>x</em></p>\n");               /* no underline */
    CHECK_STR(render("#x"), "<p>#x</p>\n");                         /* no permissive ATX headers */
    CHECK_STR(render("$x$ $$y$$"), "<p>$x$ $$y$$</p>\n");           /* no LaTeX math */
    CHECK_STR(render("[[Page]]"), "<p>[[Page]]</p>\n");             /* no wiki links */
    CHECK_STR(render("a\nb"), "<p>a\nb</p>\n");                     /* soft breaks stay soft */
    CHECK_STR(render("    code"), "<pre><code>code\n</code></pre>\n"); /* indented code blocks on */
    CHECK_HAS(render("x desk@example.com"), "<a href=\"mailto:desk@example.com\">");
    CHECK_HAS(render("x https://example.com"), "<a href=\"https://example.com\"");
    CHECK_HAS(render("x www.example.com"), "<a href=\"http://www.example.com\"");
}

static int count_blocks(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    (void)type;
    (void)detail;
    ++*(int *)userdata;
    return 0;
}

static int ignore_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    (void)type;
    (void)detail;
    (void)userdata;
    return 0;
}

static int ignore_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    (void)type;
    (void)text;
    (void)size;
    (void)userdata;
    return 0;
}

/* md4c is compiled with our flags fixed (cmake/patches/): parsing with
 * them works, any other set is refused rather than silently ignored. */
static void test_md4c_takes_only_our_flags(void)
{
    MD_PARSER parser = { 0, AW_MARKDOWN_FLAGS, count_blocks, count_blocks, ignore_span, ignore_span, ignore_text,
                         NULL, NULL };
    int blocks = 0;

    CHECK(md_parse("# a\n\nb\n", 7, &parser, &blocks) == 0);
    CHECK(blocks == 6); /* document, heading, paragraph: each entered and left */
    parser.flags = MD_DIALECT_GITHUB;
    CHECK(md_parse("# a\n\nb\n", 7, &parser, &blocks) == -1);
    parser.flags = AW_MARKDOWN_FLAGS | MD_FLAG_UNDERLINE;
    CHECK(md_parse("_a_\n", 4, &parser, &blocks) == -1);
}

static void test_too_large_input_is_refused(void)
{
    aw_buffer out;

    aw_buffer_init(&out);
    /* The size check comes before any byte is read. */
    CHECK(aw_markdown_to_html(&out, "", AW_MAX_INPUT_SIZE + 1, NULL) == AW_ERR_TOO_LARGE);
    aw_buffer_free(&out);
}

static unsigned long words_in(const char *md)
{
    aw_buffer out;
    aw_facts facts;
    aw_markdown_options options = { 0, NULL, &facts };
    unsigned long words;

    aw_buffer_init(&out);
    aw_facts_init(&facts);
    CHECK(aw_markdown_to_html(&out, md, strlen(md), &options) == AW_OK);
    words = facts.words;
    aw_facts_free(&facts);
    aw_buffer_free(&out);
    return words;
}

static void test_words_are_counted_while_rendering(void)
{
    CHECK(words_in("") == 0);
    CHECK(words_in("One two  three.\n") == 3);
    /* A word split by emphasis is one word; a soft break separates. */
    CHECK(words_in("un*usual* **bold**text\nnext") == 3);
    /* Blocks end words; list items, headings and cells count. */
    CHECK(words_in("# Title\n\npara\n\n- a\n- b\n  - c\n\n|x|y|\n|-|-|\n|1|2|\n") == 9);
    /* Entities and code are text; image alt text is not. */
    CHECK(words_in("caf&eacute; `x = 1` ![alt words](a.png)") == 4);
}

/* `before`, `text` `count` times, then `after`, in a buffer kept until the
 * next call with the same slot. */
static const char *runs_of(int slot, const char *before, const char *text, size_t count, const char *after)
{
    static aw_buffer bufs[2];
    aw_buffer *b = &bufs[slot];
    size_t i;

    aw_buffer_clear(b);
    aw_buffer_append_str(b, before);
    for (i = 0; i < count; i++)
        aw_buffer_append_str(b, text);
    aw_buffer_append_str(b, after);
    aw_buffer_terminate(b);
    return b->data;
}

#define X64 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
#define X256 X64 X64 X64 X64
#define OPEN AW_LONG_RUN_OPEN
#define CLOSE AW_LONG_RUN_CLOSE

static void test_long_runs_go_on_in_a_span_where_they_are_text(void)
{
    char nuls[300] = { 0 };

    CHECK(AW_RUN_BREAK_AFTER == 256);
    /* 300 NULs: a U+FFFD each, the 44 after the 256th in the span. */
    CHECK_STR(render_n(nuls, sizeof(nuls)),
              runs_of(0, runs_of(1, "<p>", "\xEF\xBF\xBD", 256, OPEN), "\xEF\xBF\xBD", 44, CLOSE "</p>\n"));
    /* A run goes on across tags, each piece in a span of its own, and ends
     * with its block or a line break. */
    CHECK_STR(render(X256 "*xxx*"), "<p>" X256 "<em>" OPEN "xxx" CLOSE "</em></p>\n");
    CHECK_STR(render(X256 "yy*zz*ww"), "<p>" X256 OPEN "yy" CLOSE "<em>" OPEN "zz" CLOSE "</em>" OPEN "ww" CLOSE "</p>\n");
    CHECK_STR(render(X256 "\n\n" X256 "\n\n- " X256 "\n"), "<p>" X256 "</p>\n<p>" X256 "</p>\n<ul>\n<li>" X256 "</li>\n</ul>\n");
    CHECK_STR(render(X256 "  \n" X256 "\n" X256), "<p>" X256 "<br>\n" X256 "\n" X256 "</p>\n");
    /* Code is text; so are references (one character each). */
    CHECK_STR(render("```\n" X256 "yy\n```"), "<pre><code>" X256 OPEN "yy" CLOSE "\n</code></pre>\n");
    CHECK_STR(render("`" X256 "yy`"), "<p><code>" X256 OPEN "yy" CLOSE "</code></p>\n");
    CHECK_STR(render(runs_of(0, "", "&amp;", 257, "")), runs_of(1, runs_of(0, "<p>", "&amp;", 256, OPEN), "&amp;", 1, CLOSE "</p>\n"));
    CHECK_STR(render(X256 "&#120;&#x20;y"), "<p>" X256 OPEN "x" CLOSE " y</p>\n");
    /* The heading's id is made from its text, without the span (and cut
     * at 64 bytes). */
    CHECK_STR(render("# a-" X256 "y"), "<h1 id=\"a-" "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" "\">a-"
              X64 X64 X64 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" OPEN "xxy" CLOSE "</h1>\n");
    /* Alt text is an attribute: no span; shown as text when the image is
     * refused: like any text. */
    CHECK_STR(render("![" X256 "yy](/i.png)"), "<p><img src=\"/i.png\" alt=\"" X256 "yy\" loading=\"lazy\"></p>\n");
    CHECK_STR(render("![" X256 "yy](javascript:x)"), "<p>" X256 OPEN "yy" CLOSE "</p>\n");
    CHECK_STR(render("[" X256 "yy](/a)"), "<p><a href=\"/a\">" X256 OPEN "yy" CLOSE "</a></p>\n");
}

static void test_the_span_changes_neither_words_nor_headings(void)
{
    aw_markdown_options options;
    aw_facts facts;
    aw_buffer out, json;

    memset(&options, 0, sizeof(options));
    options.facts = &facts;
    aw_facts_init(&facts);
    aw_buffer_init(&out);
    aw_buffer_init(&json);
    CHECK(aw_markdown_to_html(&out, "## " X256 "yy\n\n" X256 X64 " two", 3 + 258 + 2 + 320 + 4, &options) == AW_OK);
    aw_buffer_terminate(&out);
    CHECK_HAS(out.data, OPEN);
    CHECK(facts.words == 3);
    CHECK(aw_facts_write_json(&json, &facts) == 0);
    aw_buffer_terminate(&json);
    CHECK_HAS(json.data, "\"text\":\"" X256 "yy\"");
    aw_buffer_free(&json);
    aw_buffer_free(&out);
    aw_facts_free(&facts);
}

TEST_MAIN(test_paragraphs_and_emphasis, test_text_is_escaped_and_raw_html_shown_as_text, test_safe_links,
          test_dangerous_links_lose_their_href_but_keep_text, test_images, test_attribute_values_are_escaped, test_code_class_is_one_token,
          test_headings_get_ids_and_shift, test_id_prefix, test_entities, test_named_references_in_ids, test_bad_bytes_become_replacement_characters,
          test_backslash_before_colon_is_relative, test_github_extensions, test_dialect_is_exactly_ours, test_md4c_takes_only_our_flags, test_too_large_input_is_refused,
          test_words_are_counted_while_rendering, test_long_runs_go_on_in_a_span_where_they_are_text,
          test_the_span_changes_neither_words_nor_headings)
