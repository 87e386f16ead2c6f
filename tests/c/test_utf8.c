#include "test.h"
#include "utf8.h"

static char *repaired(const char *text, size_t size)
{
    static aw_buffer out;

    aw_buffer_clear(&out);
    aw_utf8_append_repaired(&out, text, size);
    aw_buffer_terminate(&out);
    return out.data;
}

static void test_valid_prefix(void)
{
    CHECK(aw_utf8_valid_prefix("abc", 3) == 3);
    CHECK(aw_utf8_valid_prefix("a\xC3\xA9z", 4) == 4);             /* é */
    CHECK(aw_utf8_valid_prefix("\xF0\x9F\x98\x80", 4) == 4);       /* U+1F600 */
    CHECK(aw_utf8_valid_prefix("a\xC0\xAF", 3) == 1);              /* overlong '/' */
    CHECK(aw_utf8_valid_prefix("a\xED\xA0\x80", 4) == 1);          /* surrogate */
    CHECK(aw_utf8_valid_prefix("\xF4\x90\x80\x80", 4) == 0);       /* above U+10FFFF */
    CHECK(aw_utf8_valid_prefix("ab\xE2\x82", 4) == 2);             /* truncated */
}

/* The ASCII fast path reads eight bytes at a time: a bad byte at any
 * offset of a long ASCII run, and at its very end, must still stop it. */
static void test_valid_prefix_after_ascii_runs(void)
{
    char text[40];
    size_t at;

    for (at = 0; at < sizeof(text); at++) {
        memset(text, 'a', sizeof(text));
        text[at] = (char)0xFF;
        CHECK(aw_utf8_valid_prefix(text, sizeof(text)) == at);
        text[at] = 'a';
        CHECK(aw_utf8_valid_prefix(text, at) == at);
    }
    memset(text, 'a', sizeof(text));
    memcpy(text + 13, "\xC3\xA9", 2); /* a valid sequence inside the run */
    CHECK(aw_utf8_valid_prefix(text, sizeof(text)) == sizeof(text));
}

static void test_repair_replaces_maximal_subparts(void)
{
    CHECK_STR(repaired("a\xFF" "b", 3), "a\xEF\xBF\xBD" "b");
    /* A truncated 3-byte sequence is one U+FFFD, not two. */
    CHECK_STR(repaired("\xE2\x82" "x", 3), "\xEF\xBF\xBD" "x");
    /* Each byte of an overlong is its own error. */
    CHECK_STR(repaired("\xC0\xAF", 2), "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK_STR(repaired("ok", 2), "ok");
}

static void test_encode(void)
{
    char out[4];

    CHECK(aw_utf8_encode('A', out) == 1 && out[0] == 'A');
    CHECK(aw_utf8_encode(0xE9, out) == 2 && memcmp(out, "\xC3\xA9", 2) == 0);
    CHECK(aw_utf8_encode(0x1F600, out) == 4 && memcmp(out, "\xF0\x9F\x98\x80", 4) == 0);
    CHECK(aw_utf8_encode(0, out) == 3 && memcmp(out, "\xEF\xBF\xBD", 3) == 0);
    CHECK(aw_utf8_encode(0xD800, out) == 3 && memcmp(out, "\xEF\xBF\xBD", 3) == 0);
    CHECK(aw_utf8_encode(0x110000, out) == 3 && memcmp(out, "\xEF\xBF\xBD", 3) == 0);
}

/* One character at a time, ill-formed bytes taken as the repair takes them. */
static void test_decode(void)
{
    uint32_t cp;

    CHECK(aw_utf8_decode("A", 1, &cp) == 1 && cp == 'A');
    CHECK(aw_utf8_decode("\xC3\xA9", 2, &cp) == 2 && cp == 0xE9);
    CHECK(aw_utf8_decode("\xE2\x80\xAE", 3, &cp) == 3 && cp == 0x202E);
    CHECK(aw_utf8_decode("\xF3\xA0\x81\x81", 4, &cp) == 4 && cp == 0xE0041);
    CHECK(aw_utf8_decode("\xE2\x82" "x", 3, &cp) == 2 && cp == 0xFFFD); /* truncated: one U+FFFD */
    CHECK(aw_utf8_decode("\xC0\xAF", 2, &cp) == 1 && cp == 0xFFFD);     /* overlong: byte by byte */
    CHECK(aw_utf8_decode("\xED\xA0\x80", 3, &cp) == 1 && cp == 0xFFFD); /* surrogate */
    CHECK(aw_utf8_decode("\xF0\x9F\x98", 3, &cp) == 3 && cp == 0xFFFD); /* cut at the end */
}

TEST_MAIN(test_valid_prefix, test_valid_prefix_after_ascii_runs, test_repair_replaces_maximal_subparts, test_encode,
          test_decode)
