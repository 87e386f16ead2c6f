#include "buffer.h"
#include "test.h"

#include <stdint.h>

/* The contents as a C string (the terminator is not counted in len). */
static const char *text(aw_buffer *buf)
{
    if (aw_buffer_terminate(buf) != 0)
        return NULL;
    return buf->data;
}

static void test_appends_grow_and_format(void)
{
    aw_buffer buf;
    int i;

    aw_buffer_init(&buf);
    for (i = 0; i < 1000; i++)
        aw_buffer_append_str(&buf, "ab");
    CHECK(buf.len == 2000 && !buf.failed);
    aw_buffer_clear(&buf);
    CHECK(aw_buffer_appendf(&buf, "<h%u>%.*s", 2u, 3, "titles") == 0);
    CHECK_STR(text(&buf), "<h2>tit");
    aw_buffer_free(&buf);
}

static void test_insert_moves_the_tail(void)
{
    aw_buffer buf;

    aw_buffer_init(&buf);
    aw_buffer_append_str(&buf, "<h2>x");
    CHECK(aw_buffer_insert(&buf, 3, " id=\"x\"", 7) == 0);
    CHECK_STR(text(&buf), "<h2 id=\"x\">x");
    CHECK(aw_buffer_insert(&buf, buf.len, "!", 1) == 0);
    CHECK_STR(text(&buf), "<h2 id=\"x\">x!");
    aw_buffer_free(&buf);
}

/* An insert past the end used to return -1 and leave `failed` clear, so a
 * renderer that checks once at the end would have lost the piece silently. */
static void test_insert_past_the_end_fails_the_buffer(void)
{
    aw_buffer buf;

    aw_buffer_init(&buf);
    aw_buffer_append_str(&buf, "abc");
    CHECK(aw_buffer_insert(&buf, 4, "x", 1) == -1);
    CHECK(buf.failed);
    CHECK(buf.len == 3 && memcmp(buf.data, "abc", 3) == 0);
    CHECK(aw_buffer_append_str(&buf, "more") == -1); /* sticky */
    CHECK(buf.len == 3);
    aw_buffer_free(&buf);
}

static void test_insert_buffer_carries_failure(void)
{
    aw_buffer buf, piece;

    aw_buffer_init(&buf);
    aw_buffer_init(&piece);
    aw_buffer_append_str(&buf, "ac");
    aw_buffer_append_str(&piece, "b");
    CHECK(aw_buffer_insert_buffer(&buf, 1, &piece) == 0);
    CHECK_STR(text(&buf), "abc");

    CHECK(aw_buffer_append_buffer(&buf, &piece) == 0);
    CHECK_STR(text(&buf), "abcb");

    aw_buffer_fail(&piece);
    CHECK(aw_buffer_append_buffer(&buf, &piece) == -1);
    CHECK(buf.failed && buf.len == 4);
    aw_buffer_clear(&buf);
    CHECK(aw_buffer_insert_buffer(&buf, 0, &piece) == -1);
    CHECK(buf.failed);
    aw_buffer_free(&buf);
    aw_buffer_free(&piece);
}

static void test_truncate_keeps_the_prefix_and_the_flag(void)
{
    aw_buffer buf;
    size_t mark;

    aw_buffer_init(&buf);
    aw_buffer_append_str(&buf, "keep");
    mark = buf.len;
    aw_buffer_append_str(&buf, " drop");
    aw_buffer_truncate(&buf, mark);
    CHECK_STR(text(&buf), "keep");
    CHECK(!buf.failed);

    aw_buffer_truncate(&buf, buf.len + 1); /* past the end: a caller's bug */
    CHECK(buf.failed);
    aw_buffer_truncate(&buf, 0);
    CHECK(buf.len == 0 && buf.failed); /* truncating never hides a failure */
    aw_buffer_clear(&buf);
    CHECK(!buf.failed);
    aw_buffer_free(&buf);
}

static void test_fail_and_overflow_are_sticky(void)
{
    aw_buffer buf;

    aw_buffer_init(&buf);
    CHECK(aw_buffer_fail(&buf) == -1);
    CHECK(aw_buffer_append_str(&buf, "x") == -1 && buf.len == 0);
    CHECK(aw_buffer_appendf(&buf, "%d", 1) == -1 && buf.len == 0);
    aw_buffer_clear(&buf);
    aw_buffer_append_str(&buf, "x");
    CHECK(aw_buffer_reserve(&buf, SIZE_MAX) == -1); /* len + extra overflows */
    CHECK(buf.failed && buf.len == 1);
    aw_buffer_free(&buf);
}

TEST_MAIN(test_appends_grow_and_format, test_insert_moves_the_tail, test_insert_past_the_end_fails_the_buffer,
          test_insert_buffer_carries_failure, test_truncate_keeps_the_prefix_and_the_flag,
          test_fail_and_overflow_are_sticky)
