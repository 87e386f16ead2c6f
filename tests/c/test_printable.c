#include "printable.h"
#include "test.h"
#include "utf8.h"

static const char *printable(const char *text)
{
    static aw_buffer out;

    aw_buffer_clear(&out);
    CHECK(aw_printable_append(&out, text, strlen(text)) == 0);
    aw_buffer_terminate(&out);
    return out.data;
}

static const char *formatted(size_t cap, const char *fmt, ...) AW_PRINTF(2, 3);

static const char *formatted(size_t cap, const char *fmt, ...)
{
    static char out[AW_PRINTABLE_MAX_FORMAT];
    va_list args;

    va_start(args, fmt);
    aw_printable_vformat(out, cap, fmt, args);
    va_end(args);
    return out;
}

/* What the review found in a slug: retitle the terminal, wipe the line,
 * return to its start and print a fake verdict. */
static void test_escapes_controls(void)
{
    CHECK_STR(printable("a\x1B]0;owned\x07\x1B[2K\rall good"), "a\\x1B]0;owned\\x07\\x1B[2K\\x0Dall good");
    CHECK_STR(printable("\t\n\x7F\x01"), "\\x09\\x0A\\x7F\\x01");
    CHECK_STR(printable("\xC2\x9B" "31m"), "\\x9B31m"); /* C1 CSI, which some terminals obey */
}

static void test_escapes_invisible_formatting(void)
{
    CHECK_STR(printable("abc\xE2\x80\xAE" "fed"), "abc\\u{202E}fed");       /* right-to-left override */
    CHECK_STR(printable("\xE2\x81\xA6x\xE2\x81\xA9"), "\\u{2066}x\\u{2069}"); /* isolates */
    CHECK_STR(printable("\xEF\xBB\xBFtitle"), "\\u{FEFF}title");             /* a BOM inside a key */
    CHECK_STR(printable("a\xE2\x80\x8B" "b"), "a\\u{200B}b");               /* zero-width space */
    CHECK_STR(printable("\xF3\xA0\x81\x81"), "\\u{E0041}");                 /* a tag character */
}

static void test_keeps_printable_text(void)
{
    static const char text[] = "Caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x8C\x89 \\x1B 'q' \"q\" \xEF\xBF\xBD";

    CHECK_STR(printable(text), text);
}

static void test_ill_formed_utf8_becomes_replacement(void)
{
    CHECK_STR(printable("a\xE9z"), "a\xEF\xBF\xBDz");
    CHECK_STR(printable("\xF0\x9F\x98"), "\xEF\xBF\xBD");                 /* one truncated sequence */
    CHECK_STR(printable("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");         /* an overlong: two */
}

static void test_applying_twice_changes_nothing(void)
{
    static const char text[] = "\x1B[2K\xE2\x80\xAE\xE9\t\\x41";
    char once[64];

    strcpy(once, printable(text));
    CHECK_STR(printable(once), once);
}

static void test_copy_cuts_on_a_character_boundary(void)
{
    char out[8];

    CHECK(aw_printable_copy(out, sizeof(out), "abcdefg", 7) == 7);
    CHECK_STR(out, "abcdefg"); /* fits exactly: no ellipsis */
    CHECK(aw_printable_copy(out, sizeof(out), "abcdefgh", 8) == 7);
    CHECK_STR(out, "abcd\xE2\x80\xA6");
    aw_printable_copy(out, sizeof(out), "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 8); /* four é */
    CHECK_STR(out, "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
    aw_printable_copy(out, sizeof(out), "abc\x1B" "def", 7); /* an escape is never split */
    CHECK_STR(out, "abc\xE2\x80\xA6");
    aw_printable_copy(out, sizeof(out), "", 0);
    CHECK_STR(out, "");
}

static void test_vformat_cuts_long_content(void)
{
    static char long_text[3000];
    const char *message;
    size_t i;

    /* 'x' then "é" repeated: wherever the cut falls, it is between characters. */
    long_text[0] = 'x';
    for (i = 1; i + 2 < sizeof(long_text); i += 2)
        memcpy(long_text + i, "\xC3\xA9", 2);
    long_text[i] = '\0';
    message = formatted(200, "got '%s'", long_text);
    CHECK(strlen(message) <= 199);
    CHECK(strlen(message) >= 196);
    CHECK(strncmp(message, "got 'x\xC3\xA9\xC3\xA9", 9) == 0);
    CHECK(strcmp(message + strlen(message) - 3, "\xE2\x80\xA6") == 0);
    CHECK(aw_utf8_valid_prefix(message, strlen(message)) == strlen(message));

    message = formatted(AW_PRINTABLE_MAX_FORMAT, "%s", long_text);
    CHECK(strlen(message) <= AW_PRINTABLE_MAX_FORMAT - 1);
    CHECK(strcmp(message + strlen(message) - 3, "\xE2\x80\xA6") == 0);
    CHECK(aw_utf8_valid_prefix(message, strlen(message)) == strlen(message));

    CHECK_STR(formatted(200, "slug '%.*s'", 4, "a\x1B[2Kz"), "slug 'a\\x1B[2'");
}

TEST_MAIN(test_escapes_controls, test_escapes_invisible_formatting, test_keeps_printable_text,
          test_ill_formed_utf8_becomes_replacement, test_applying_twice_changes_nothing,
          test_copy_cuts_on_a_character_boundary, test_vformat_cuts_long_content)
