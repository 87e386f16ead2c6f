/* What our patches to md4c (cmake/patches/) must keep: the parse itself.
 * md4c-0.5.2-linear-link-scan.patch finds the line of an inline link's '('
 * by bisection; links on every line of a long paragraph, and links whose
 * destination and title sit on later lines, must resolve exactly as before.
 * (That it is linear is measured by tests/conformance/pathological.mjs.)
 * Expected HTML is built here, line by line. */
#include "errors.h"
#include "markdown_html.h"
#include "test.h"

static char *render(aw_buffer *out, const aw_buffer *md)
{
    aw_buffer_clear(out);
    CHECK(aw_markdown_to_html(out, md->data, md->len, NULL) == AW_OK);
    aw_buffer_terminate(out);
    return out->data;
}

/* Every line count from 1 to 70 puts the link's line at every place a
 * bisection can land: first, last, middle, next to a midpoint. */
static void test_a_link_on_every_line(void)
{
    aw_buffer md, html, out;
    unsigned lines, i;

    aw_buffer_init(&md);
    aw_buffer_init(&html);
    aw_buffer_init(&out);
    for (lines = 1; lines <= 70; lines++) {
        aw_buffer_clear(&md);
        aw_buffer_clear(&html);
        aw_buffer_append_str(&html, "<p>");
        for (i = 0; i < lines; i++) {
            aw_buffer_appendf(&md, "[t%u](/u%u)\n", i, i);
            aw_buffer_appendf(&html, "%s<a href=\"/u%u\">t%u</a>", i ? "\n" : "", i, i);
        }
        aw_buffer_append_str(&html, "</p>\n");
        aw_buffer_terminate(&html);
        CHECK_STR(render(&out, &md), html.data);
    }
    aw_buffer_free(&md);
    aw_buffer_free(&html);
    aw_buffer_free(&out);
}

/* Only the line `at` holds a link, among lines of plain text. */
static void test_one_link_among_plain_lines(void)
{
    aw_buffer md, html, out;
    unsigned at, i;

    aw_buffer_init(&md);
    aw_buffer_init(&html);
    aw_buffer_init(&out);
    for (at = 0; at < 33; at++) {
        aw_buffer_clear(&md);
        aw_buffer_clear(&html);
        aw_buffer_append_str(&html, "<p>");
        for (i = 0; i < 33; i++) {
            aw_buffer_append_str(&html, i ? "\n" : "");
            if (i == at) {
                aw_buffer_append_str(&md, "see [it](/x) here\n");
                aw_buffer_append_str(&html, "see <a href=\"/x\">it</a> here");
            } else {
                aw_buffer_appendf(&md, "line %u\n", i);
                aw_buffer_appendf(&html, "line %u", i);
            }
        }
        aw_buffer_append_str(&html, "</p>\n");
        aw_buffer_terminate(&html);
        CHECK_STR(render(&out, &md), html.data);
    }
    aw_buffer_free(&md);
    aw_buffer_free(&html);
    aw_buffer_free(&out);
}

static void test_destination_and_title_on_later_lines(void)
{
    aw_buffer md, out;

    aw_buffer_init(&md);
    aw_buffer_init(&out);
    aw_buffer_append_str(&md, "a\nb\n[t](\n/u\n\"T\"\n)\nc");
    CHECK_STR(render(&out, &md), "<p>a\nb\n<a href=\"/u\" title=\"T\">t</a>\nc</p>\n");
    aw_buffer_clear(&md);
    aw_buffer_append_str(&md, "a\n[t](/u\n'multi\nline')\n[s](</v> (w))");
    CHECK_STR(render(&out, &md),
              "<p>a\n<a href=\"/u\" title=\"multi\nline\">t</a>\n<a href=\"/v\" title=\"w\">s</a></p>\n");
    aw_buffer_free(&md);
    aw_buffer_free(&out);
}

/* The inputs that were quadratic stay text, line for line. */
static void test_candidates_on_every_line_stay_text(void)
{
    aw_buffer md, html, out;
    unsigned i;

    aw_buffer_init(&md);
    aw_buffer_init(&html);
    aw_buffer_init(&out);
    aw_buffer_append_str(&html, "<p>");
    for (i = 0; i < 50; i++) {
        aw_buffer_append_str(&md, "]([\n");
        aw_buffer_append_str(&html, i ? "\n]([" : "](["); /* the last line's "\n" ends the paragraph */
    }
    aw_buffer_append_str(&html, "</p>\n");
    aw_buffer_terminate(&html);
    CHECK_STR(render(&out, &md), html.data);

    aw_buffer_clear(&md);
    aw_buffer_clear(&html);
    aw_buffer_append_str(&html, "<p>");
    for (i = 0; i < 50; i++) {
        aw_buffer_append_str(&md, "[](\n");
        aw_buffer_append_str(&html, i ? "\n[](" : "[](");
    }
    aw_buffer_append_str(&html, "</p>\n");
    aw_buffer_terminate(&html);
    CHECK_STR(render(&out, &md), html.data);
    aw_buffer_free(&md);
    aw_buffer_free(&html);
    aw_buffer_free(&out);
}

static void test_links_in_table_cells(void)
{
    aw_buffer md, out;

    aw_buffer_init(&md);
    aw_buffer_init(&out);
    aw_buffer_append_str(&md, "a|b\n-|-\n[x](/1)|[y](/2)\n[z](/3)|w\n");
    CHECK_STR(render(&out, &md),
              "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n"
              "<tr>\n<td><a href=\"/1\">x</a></td>\n<td><a href=\"/2\">y</a></td>\n</tr>\n"
              "<tr>\n<td><a href=\"/3\">z</a></td>\n<td>w</td>\n</tr>\n</tbody>\n</table>\n");
    aw_buffer_free(&md);
    aw_buffer_free(&out);
}

TEST_MAIN(test_a_link_on_every_line, test_one_link_among_plain_lines, test_destination_and_title_on_later_lines,
          test_candidates_on_every_line_stay_text, test_links_in_table_cells)
