#include "errors.h"
#include "markdown_html.h"
#include "test.h"

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
    /* An unknown named reference in the scheme cannot be checked: refused. */
    CHECK_STR(render("[click](jav&foo;ascript:alert(1))"), "<p>click</p>\n");
}

static void test_images(void)
{
    CHECK_STR(render("![A *map* of Mali](map.png \"Map\")"),
              "<p><img src=\"map.png\" alt=\"A map of Mali\" title=\"Map\" loading=\"lazy\"></p>\n");
    CHECK_STR(render("![alt](javascript:alert(1))"), "<p>alt</p>\n");
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

static void test_entities(void)
{
    CHECK_STR(render("&#65;&#x42; &amp; &copy; &#0; &#xD800;"),
              "<p>AB &amp; \xC2\xA9 \xEF\xBF\xBD \xEF\xBF\xBD</p>\n");
    /* Every name of the HTML standard decodes, one or two code points. */
    CHECK_STR(render("&eacute; &ngE;"), "<p>\xC3\xA9 \xE2\x89\xA7\xCC\xB8</p>\n");
    /* Other names stay literal text, escaped so the browser cannot read a
     * shorter legacy name (&not) into them. */
    CHECK_STR(render("&notit; &MadeUp;"), "<p>&amp;notit; &amp;MadeUp;</p>\n");
    CHECK_STR(render("[a](/f&ouml;&ouml; \"f&ouml;\")"), "<p><a href=\"/f%C3%B6%C3%B6\" title=\"f\xC3\xB6\">a</a></p>\n");
    CHECK_STR(render("&#60;script&#62;"), "<p>&lt;script&gt;</p>\n");
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
 * the written d%5Cta:... as a relative path. */
static void test_backslash_before_colon_is_relative(void)
{
    CHECK_STR(render("![i](d\\ta:text/html,x)"), "<p><img src=\"d%5Cta:text/html,x\" alt=\"i\" loading=\"lazy\"></p>\n");
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

TEST_MAIN(test_paragraphs_and_emphasis, test_text_is_escaped_and_raw_html_shown_as_text, test_safe_links,
          test_dangerous_links_lose_their_href_but_keep_text, test_images, test_attribute_values_are_escaped,
          test_headings_get_ids_and_shift, test_entities, test_bad_bytes_become_replacement_characters,
          test_backslash_before_colon_is_relative, test_github_extensions, test_too_large_input_is_refused,
          test_words_are_counted_while_rendering)
