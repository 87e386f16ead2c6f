#include "escape.h"
#include "run_breaks.h"
#include "test.h"

#include <stdarg.h>
#include <stdlib.h>

#define OPEN AW_LONG_RUN_OPEN
#define CLOSE AW_LONG_RUN_CLOSE

/* Pieces joined, each a text and how many times it repeats (a size_t),
 * ended by NULL, in a buffer that stays until the next call with the same
 * slot. */
static const char *join(int slot, const char *text, size_t count, ...)
{
    static aw_buffer bufs[4];
    aw_buffer *b = &bufs[slot];
    va_list more;

    aw_buffer_clear(b);
    va_start(more, count);
    while (text != NULL) {
        size_t i;
        for (i = 0; i < count; i++)
            aw_buffer_append_str(b, text);
        text = va_arg(more, const char *);
        if (text != NULL)
            count = va_arg(more, size_t);
    }
    va_end(more);
    aw_buffer_terminate(b);
    return b->data;
}

static const char *repeat(int slot, const char *text, size_t count)
{
    return join(slot, text, count, NULL);
}

/* Escapes `text` counting on from `runs`, without ending the run. */
static const char *go_on(aw_run_breaks *runs, const char *text)
{
    static aw_buffer out;

    aw_buffer_clear(&out);
    CHECK(aw_run_breaks_escape_html(&out, runs, text, strlen(text)) == 0);
    aw_buffer_terminate(&out);
    return out.data;
}

/* Escapes `text` from no run, and ends the run after it (as a block's end
 * does). */
static const char *marked(const char *text)
{
    static aw_buffer out;
    aw_run_breaks runs = { 0, 0 };

    aw_buffer_clear(&out);
    CHECK(aw_run_breaks_escape_html(&out, &runs, text, strlen(text)) == 0);
    aw_run_breaks_close(&out, &runs, 1);
    aw_buffer_terminate(&out);
    return out.data;
}

static void test_short_runs_are_only_escaped(void)
{
    CHECK(AW_RUN_BREAK_AFTER == 256);
    CHECK_STR(marked("a < b & c > \"d\""), "a &lt; b &amp; c &gt; &quot;d&quot;");
    CHECK_STR(marked(""), "");
    CHECK_STR(marked(repeat(0, "x", 256)), repeat(1, "x", 256));
}

static void test_the_rest_of_a_long_run_is_in_one_span(void)
{
    CHECK_STR(marked(repeat(0, "x", 257)), join(1, "x", (size_t)256, OPEN "x" CLOSE, (size_t)1, NULL));
    CHECK_STR(marked(repeat(0, "x", 1000)), join(1, "x", (size_t)256, OPEN, (size_t)1, "x", (size_t)744, CLOSE, (size_t)1, NULL));
}

static void test_whitespace_ends_a_run(void)
{
    static const char *const spaces[] = { " ", "\n", "\t", "\r" };
    size_t i;

    for (i = 0; i < 4; i++) {
        CHECK_STR(marked(join(0, repeat(2, "x", 200), (size_t)1, spaces[i], (size_t)1, NULL)),
                  join(1, "x", (size_t)200, spaces[i], (size_t)1, NULL));
        CHECK_STR(marked(join(0, "x", (size_t)300, spaces[i], (size_t)1, "x", (size_t)300, NULL)),
                  join(1, "x", (size_t)256, OPEN, (size_t)1, "x", (size_t)44, CLOSE, (size_t)1, spaces[i], (size_t)1,
                       repeat(2, "x", 256), (size_t)1, OPEN, (size_t)1, repeat(3, "x", 44), (size_t)1, CLOSE, (size_t)1, NULL));
    }
    /* A no-break space is no break. */
    CHECK_HAS(marked(repeat(0, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\xC2\xA0", 10)), OPEN);
}

static void test_characters_are_counted_not_bytes(void)
{
    /* é is two bytes, U+FFFD three, 📰 four. */
    CHECK_STR(marked(repeat(0, "\xC3\xA9", 256)), repeat(1, "\xC3\xA9", 256));
    CHECK_STR(marked(repeat(0, "\xC3\xA9", 257)), join(1, "\xC3\xA9", (size_t)256, OPEN "\xC3\xA9" CLOSE, (size_t)1, NULL));
    CHECK_STR(marked(repeat(0, "\xEF\xBF\xBD", 257)),
              join(1, "\xEF\xBF\xBD", (size_t)256, OPEN "\xEF\xBF\xBD" CLOSE, (size_t)1, NULL));
    CHECK_STR(marked(repeat(0, "\xF0\x9F\x93\xB0", 257)),
              join(1, "\xF0\x9F\x93\xB0", (size_t)256, OPEN "\xF0\x9F\x93\xB0" CLOSE, (size_t)1, NULL));
}

static void test_the_span_goes_between_escaped_characters(void)
{
    CHECK_STR(marked(repeat(0, "&", 257)), join(1, "&amp;", (size_t)256, OPEN "&amp;" CLOSE, (size_t)1, NULL));
    CHECK_STR(marked(repeat(0, "\"", 257)), join(1, "&quot;", (size_t)256, OPEN "&quot;" CLOSE, (size_t)1, NULL));
}

static void test_a_run_goes_on_across_calls_and_tags(void)
{
    aw_run_breaks runs = { 200, 0 };
    aw_buffer out;

    CHECK_STR(go_on(&runs, repeat(0, "x", 100)), join(1, "x", (size_t)56, OPEN, (size_t)1, "x", (size_t)44, NULL));
    CHECK(runs.open && runs.length == 300);
    /* A tag closes the span; the run goes on, and the span opens again at
     * its next character. */
    aw_buffer_init(&out);
    aw_run_breaks_close(&out, &runs, 0);
    aw_buffer_terminate(&out);
    CHECK_STR(out.data, CLOSE);
    CHECK(!runs.open && runs.length == 300);
    CHECK_STR(go_on(&runs, "y"), OPEN "y");
    /* A block's edge ends the run. */
    aw_buffer_clear(&out);
    aw_run_breaks_close(&out, &runs, 1);
    aw_run_breaks_close(&out, &runs, 1);
    aw_buffer_terminate(&out);
    CHECK_STR(out.data, CLOSE);
    CHECK(!runs.open && runs.length == 0);
    aw_buffer_free(&out);
}

static void test_ideographs_end_a_run(void)
{
    /* 中 is an ideograph, 한 a Hangul syllable: the browser breaks around them. */
    CHECK_STR(marked(repeat(0, "\xE4\xB8\xAD", 1000)), repeat(1, "\xE4\xB8\xAD", 1000));
    CHECK_STR(marked(repeat(0, "\xED\x95\x9C", 1000)), repeat(1, "\xED\x95\x9C", 1000));
    CHECK_STR(marked(join(0, "x", (size_t)255, "\xE4\xB8\xAD", (size_t)1, "x", (size_t)255, NULL)),
              join(1, "x", (size_t)255, "\xE4\xB8\xAD", (size_t)1, "x", (size_t)255, NULL));
    CHECK_STR(marked(join(0, "x", (size_t)300, "\xE4\xB8\xAD", (size_t)1, NULL)),
              join(1, "x", (size_t)256, OPEN, (size_t)1, "x", (size_t)44, CLOSE "\xE4\xB8\xAD", (size_t)1, NULL));
    /* Kana are counted: a run of them can hold no break (small kana, ー). */
    CHECK_HAS(marked(repeat(0, "\xE3\x83\xBC", 257)), OPEN);
}

static void test_the_span_does_not_split_a_cluster(void)
{
    /* x + combining acute: the span waits until after the accent. */
    CHECK_STR(marked(join(0, "x", (size_t)256, "\xCC\x81", (size_t)1, "y", (size_t)1, NULL)),
              join(1, "x", (size_t)256, "\xCC\x81" OPEN "y" CLOSE, (size_t)1, NULL));
    /* Thai: not before a vowel sign (U+0E31). */
    CHECK_STR(marked(join(0, "\xE0\xB8\x81", (size_t)256, "\xE0\xB8\xB1", (size_t)1, "\xE0\xB8\x81", (size_t)1, NULL)),
              join(1, "\xE0\xB8\x81", (size_t)256, "\xE0\xB8\xB1" OPEN "\xE0\xB8\x81" CLOSE, (size_t)1, NULL));
    /* Devanagari: not before a vowel sign (U+093F). */
    CHECK_STR(marked(join(0, "\xE0\xA4\x95", (size_t)256, "\xE0\xA4\xBF", (size_t)1, "\xE0\xA4\x95", (size_t)1, NULL)),
              join(1, "\xE0\xA4\x95", (size_t)256, "\xE0\xA4\xBF" OPEN "\xE0\xA4\x95" CLOSE, (size_t)1, NULL));
    /* An emoji sequence: neither before the joiner nor after it; a
     * variation selector stays with its emoji too. */
    CHECK_STR(marked(join(0, "x", (size_t)256, "\xE2\x80\x8D\xF0\x9F\x91\xA9y", (size_t)1, NULL)),
              join(1, "x", (size_t)256, "\xE2\x80\x8D\xF0\x9F\x91\xA9" OPEN "y" CLOSE, (size_t)1, NULL));
    CHECK_STR(marked(join(0, "x", (size_t)256, "\xEF\xB8\x8Fy", (size_t)1, NULL)),
              join(1, "x", (size_t)256, "\xEF\xB8\x8F" OPEN "y" CLOSE, (size_t)1, NULL));
}

static void test_the_span_waits_for_a_cluster_only_so_long(void)
{
    /* 'a' and 600 combining accents: one cluster no text has; the span
     * opens at twice the interval all the same. */
    CHECK_STR(marked(join(0, "a", (size_t)1, "\xCC\x81", (size_t)600, NULL)),
              join(1, "a", (size_t)1, "\xCC\x81", (size_t)511, OPEN, (size_t)1, "\xCC\x81", (size_t)89, CLOSE, (size_t)1, NULL));
}

static void test_one_character_written_by_the_caller(void)
{
    aw_buffer out;
    aw_run_breaks runs = { 255, 0 };

    aw_buffer_init(&out);
    aw_run_breaks_before(&out, &runs, 0xFFFD);
    CHECK(out.len == 0 && runs.length == 256);
    aw_run_breaks_before(&out, &runs, 0xFFFD);
    aw_run_breaks_before(&out, &runs, 0);
    aw_buffer_terminate(&out);
    CHECK_STR(out.data, OPEN);
    CHECK(runs.open && runs.length == 258);
    /* Not before a combining mark, unless the run has gone on too long. */
    aw_buffer_clear(&out);
    runs.open = 0;
    runs.length = 256;
    aw_run_breaks_before(&out, &runs, 0x0301);
    CHECK(out.len == 0 && runs.length == 257);
    runs.length = 512;
    aw_run_breaks_before(&out, &runs, 0x0301);
    CHECK(out.len == strlen(OPEN) && runs.open);
    aw_buffer_free(&out);
}

/* Without the span's tags the text is what aw_escape_html writes: the
 * text itself does not change. */
static void test_without_the_span_the_text_is_unchanged(void)
{
    static const char *const samples[] = {
        "plain words", "\xEF\xBF\xBD", "x&y<z>\"", "\xC3\xA9\xCC\x81", "\xE0\xB8\x81\xE0\xB8\xB1", "\xE4\xB8\xAD",
        "\xE2\x80\x8D\xF0\x9F\x91\xA9", "a b",
    };
    size_t i;

    for (i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
        const char *text = repeat(0, samples[i], 700);
        const char *html = marked(text);
        char *stripped = malloc(strlen(html) + 1), *at;
        aw_buffer plain;

        if (stripped == NULL)
            return;
        memcpy(stripped, html, strlen(html) + 1);
        while ((at = strstr(stripped, OPEN)) != NULL)
            memmove(at, at + strlen(OPEN), strlen(at + strlen(OPEN)) + 1);
        while ((at = strstr(stripped, CLOSE)) != NULL)
            memmove(at, at + strlen(CLOSE), strlen(at + strlen(CLOSE)) + 1);
        aw_buffer_init(&plain);
        aw_escape_html(&plain, text, strlen(text));
        aw_buffer_terminate(&plain);
        CHECK_STR(stripped, plain.data);
        aw_buffer_free(&plain);
        free(stripped);
    }
}

TEST_MAIN(test_short_runs_are_only_escaped, test_the_rest_of_a_long_run_is_in_one_span, test_whitespace_ends_a_run,
          test_characters_are_counted_not_bytes, test_the_span_goes_between_escaped_characters,
          test_a_run_goes_on_across_calls_and_tags, test_ideographs_end_a_run, test_the_span_does_not_split_a_cluster,
          test_the_span_waits_for_a_cluster_only_so_long, test_one_character_written_by_the_caller,
          test_without_the_span_the_text_is_unchanged)
