/* The output cap: one render writes at most AW_MAX_OUTPUT_SIZE(input) bytes
 * of HTML, and stops with AW_ERR_OUTPUT_TOO_LARGE where it would write more.
 * The expected HTML is built here from the table's shape, not taken from
 * the renderer. */
#include "errors.h"
#include "markdown_html.h"
#include "test.h"

#include <stdlib.h>

/* A table of COLUMNS columns whose rows hold one cell: md4c pads every row
 * to COLUMNS cells, so each 2-byte row gives about 90 bytes of HTML. */
#define COLUMNS 8

static void append_table_markdown(aw_buffer *md, size_t rows)
{
    size_t i;

    for (i = 0; i < COLUMNS; i++)
        aw_buffer_append_str(md, i + 1 < COLUMNS ? "h|" : "h\n");
    for (i = 0; i < COLUMNS; i++)
        aw_buffer_append_str(md, i + 1 < COLUMNS ? "-|" : "-\n");
    for (i = 0; i < rows; i++)
        aw_buffer_append_str(md, "x\n");
}

static void append_table_html(aw_buffer *html, size_t rows)
{
    size_t i, j;

    aw_buffer_append_str(html, "<table>\n<thead>\n<tr>\n");
    for (i = 0; i < COLUMNS; i++)
        aw_buffer_append_str(html, "<th>h</th>\n");
    aw_buffer_append_str(html, "</tr>\n</thead>\n<tbody>\n");
    for (i = 0; i < rows; i++) {
        aw_buffer_append_str(html, "<tr>\n<td>x</td>\n");
        for (j = 1; j < COLUMNS; j++)
            aw_buffer_append_str(html, "<td></td>\n");
        aw_buffer_append_str(html, "</tr>\n");
    }
    aw_buffer_append_str(html, "</tbody>\n</table>\n");
}

/* The table followed by `padding` blank lines, which add input bytes and
 * no HTML: they move the bound without changing the output. */
static int render_padded_table(aw_buffer *out, size_t rows, size_t padding, size_t *input_size)
{
    aw_buffer md;
    size_t i;
    int status;

    aw_buffer_init(&md);
    append_table_markdown(&md, rows);
    for (i = 0; i < padding; i++)
        aw_buffer_append_char(&md, '\n');
    CHECK(!md.failed);
    *input_size = md.len;
    status = aw_markdown_to_html(out, md.data, md.len, NULL);
    aw_buffer_free(&md);
    return status;
}

static void test_the_bound_is_exact(void)
{
    const size_t rows = 4000;
    aw_buffer expected, out;
    size_t table_size, size, padding;

    aw_buffer_init(&expected);
    aw_buffer_init(&out);
    append_table_html(&expected, rows);
    render_padded_table(&out, rows, 0, &table_size);
    /* The unpadded table is far over the bound... */
    CHECK(expected.len > AW_MAX_OUTPUT_SIZE(table_size));
    /* ...and the fewest blank lines that bring the bound up to the HTML's
     * length make it pass. */
    padding = (expected.len - AW_OUTPUT_ALLOWANCE + AW_OUTPUT_RATIO - 1) / AW_OUTPUT_RATIO - table_size;

    aw_buffer_clear(&out);
    CHECK(render_padded_table(&out, rows, padding, &size) == AW_OK);
    CHECK(out.len == expected.len && out.len <= AW_MAX_OUTPUT_SIZE(size));
    aw_buffer_terminate(&out);
    aw_buffer_terminate(&expected);
    CHECK_STR(out.data, expected.data);

    aw_buffer_clear(&out);
    CHECK(render_padded_table(&out, rows, padding - 1, &size) == AW_ERR_OUTPUT_TOO_LARGE);
    CHECK(expected.len > AW_MAX_OUTPUT_SIZE(size));

    aw_buffer_free(&expected);
    aw_buffer_free(&out);
}

/* Rendering stops where the bound is passed: it does not write the rest. */
static void test_rendering_stops_at_the_bound(void)
{
    aw_buffer out;
    size_t size;

    aw_buffer_init(&out);
    CHECK(render_padded_table(&out, 20000, 0, &size) == AW_ERR_OUTPUT_TOO_LARGE);
    /* Past the bound by no more than the last cell written. */
    CHECK(out.len > AW_MAX_OUTPUT_SIZE(size));
    CHECK(out.len <= AW_MAX_OUTPUT_SIZE(size) + sizeof("<td></td>\n"));
    aw_buffer_free(&out);
}

/* The bound is the HTML of this render: what `out` held before does not count. */
static void test_the_bound_counts_only_this_render(void)
{
    aw_buffer out;
    size_t size, before;

    aw_buffer_init(&out);
    aw_buffer_append_str(&out, "<p>earlier</p>\n");
    before = out.len;
    CHECK(aw_markdown_to_html(&out, "", 0, NULL) == AW_OK);
    CHECK(out.len == before);
    CHECK(render_padded_table(&out, 20000, 0, &size) == AW_ERR_OUTPUT_TOO_LARGE);
    CHECK(out.len > before + AW_MAX_OUTPUT_SIZE(size));
    CHECK(out.len <= before + AW_MAX_OUTPUT_SIZE(size) + sizeof("<td></td>\n"));
    aw_buffer_free(&out);
}

/* One long destination referenced many times: every use repeats it. */
static void test_a_long_destination_referenced_many_times_is_stopped(void)
{
    aw_buffer md, out;
    size_t i;

    aw_buffer_init(&md);
    aw_buffer_init(&out);
    aw_buffer_append_str(&md, "[a]: /");
    for (i = 0; i < 65536; i++)
        aw_buffer_append_char(&md, 'x');
    aw_buffer_append_str(&md, "\n\n");
    for (i = 0; i < 1000; i++)
        aw_buffer_append_str(&md, "[a] ");
    CHECK(!md.failed);
    CHECK(aw_markdown_to_html(&out, md.data, md.len, NULL) == AW_ERR_OUTPUT_TOO_LARGE);
    CHECK(out.len <= AW_MAX_OUTPUT_SIZE(md.len) + 65536 + sizeof("<a href=\"/\">"));
    aw_buffer_free(&md);
    aw_buffer_free(&out);
}

/* Nothing is left behind: the next render is whole and right. */
static void test_rendering_goes_on_after_the_error(void)
{
    aw_buffer out;
    size_t size;

    aw_buffer_init(&out);
    CHECK(render_padded_table(&out, 20000, 0, &size) == AW_ERR_OUTPUT_TOO_LARGE);
    aw_buffer_clear(&out);
    CHECK(aw_markdown_to_html(&out, "still *fine*", 12, NULL) == AW_OK);
    aw_buffer_terminate(&out);
    CHECK_STR(out.data, "<p>still <em>fine</em></p>\n");
    aw_buffer_free(&out);
}

static void test_the_error_has_a_message(void)
{
    CHECK_STR(aw_error_message(AW_ERR_OUTPUT_TOO_LARGE),
              "the HTML would be larger than 32 times the input plus 64 KiB");
}

TEST_MAIN(test_the_bound_is_exact, test_rendering_stops_at_the_bound, test_the_bound_counts_only_this_render,
          test_a_long_destination_referenced_many_times_is_stopped, test_rendering_goes_on_after_the_error,
          test_the_error_has_a_message)
