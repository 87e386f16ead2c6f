#include "escape.h"
#include "test.h"

static char *html(const char *text)
{
    static aw_buffer out;

    aw_buffer_clear(&out);
    aw_escape_html(&out, text, strlen(text));
    aw_buffer_terminate(&out);
    return out.data;
}

static char *url(const char *text)
{
    static aw_buffer out;

    aw_buffer_clear(&out);
    aw_escape_url(&out, text, strlen(text));
    aw_buffer_terminate(&out);
    return out.data;
}

static void test_html_escapes_markup_characters(void)
{
    CHECK_STR(html("<script>alert(\"x\") & 'y'</script>"),
              "&lt;script&gt;alert(&quot;x&quot;) &amp; 'y'&lt;/script&gt;");
    CHECK_STR(html("plain “quotes” stay"), "plain “quotes” stay");
    CHECK_STR(html(""), "");
}

static void test_url_percent_encodes_unsafe_bytes(void)
{
    CHECK_STR(url("/a b\"c<d>"), "/a%20b%22c%3Cd%3E");
    CHECK_STR(url("/q?a=1&b=2"), "/q?a=1&amp;b=2");
    CHECK_STR(url("/f\xC3\xB6\xC3\xB6"), "/f%C3%B6%C3%B6");
    CHECK_STR(url("/already%20encoded"), "/already%20encoded");
    CHECK_STR(url("/100%"), "/100%25");
    CHECK_STR(url("/x\ty\n"), "/x%09y%0A");
}

static char *html_n(const char *text, size_t size)
{
    static aw_buffer out;

    aw_buffer_clear(&out);
    aw_escape_html(&out, text, size);
    aw_buffer_terminate(&out);
    return out.data;
}

static char *url_n(const char *text, size_t size, const char *keep)
{
    static aw_buffer out;

    aw_buffer_clear(&out);
    aw_escape_url_keeping(&out, text, size, keep);
    aw_buffer_terminate(&out);
    return out.data;
}

/* A string literal and its length, NULs included. */
#define LIT(text) text, sizeof(text) - 1

/* A named reference's mark (char_refs.h) is written as "&name;"; a NUL that
 * is not one is never mistaken for one. */
static void test_named_reference_marks(void)
{
    CHECK_STR(html_n(LIT("f\0ouml;\0ouml;")), "f&ouml;&ouml;");
    CHECK_STR(url_n(LIT("/f\0ouml;?a\0amp;b"), ""), "/f&ouml;?a&amp;b");
    CHECK_STR(html_n(LIT("a\0\"><x;")), "a\xEF\xBF\xBD&quot;&gt;&lt;x;");
    CHECK_STR(html_n(LIT("a\0b c;")), "a\xEF\xBF\xBD" "b c;");
    CHECK_STR(html_n(LIT("a\0;")), "a\xEF\xBF\xBD;");
    CHECK_STR(url_n(LIT("/a\0\"x;"), ""), "/a%00%22x;");
}

static void test_url_keeps_what_it_is_told(void)
{
    CHECK_STR(url_n(LIT("//[::1]:80/a[1]\\"), "[]\\"), "//[::1]:80/a[1]\\");
    CHECK_STR(url_n(LIT("//[::1]:80/a[1]\\"), ""), "//%5B::1%5D:80/a%5B1%5D%5C");
    /* Never the characters that would end or break the attribute. */
    CHECK_STR(url_n(LIT("a\"b&c"), "[]"), "a%22b&amp;c");
}

/* Every byte value, against the rules written out independently of the
 * renderer's lookup table. */
static void test_every_byte_is_classified(void)
{
    static const char url_safe[] = "-_.+!*(),%#@?=;:/$~";
    aw_buffer out;
    int ch;

    aw_buffer_init(&out);
    for (ch = 0; ch < 256; ch++) {
        char byte = (char)ch, expected[8];
        int alnum = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
        int html_special = ch == '&' || ch == '<' || ch == '>' || ch == '"';

        aw_buffer_clear(&out);
        aw_escape_html(&out, &byte, 1);
        aw_buffer_terminate(&out);
        if (html_special)
            CHECK(out.len > 1 && out.data[0] == '&');
        else if (ch == 0) /* a NUL that is no named reference's mark */
            CHECK_STR(out.data, "\xEF\xBF\xBD");
        else
            CHECK(out.len == 1 && out.data[0] == byte);

        /* "%" alone is encoded as %25: it does not start %XX. */
        aw_buffer_clear(&out);
        aw_escape_url(&out, &byte, 1);
        aw_buffer_terminate(&out);
        if (ch == '&')
            aw_snprintf(expected, sizeof(expected), "&amp;");
        else if ((alnum || (ch != 0 && strchr(url_safe, ch) != NULL)) && ch != '%')
            aw_snprintf(expected, sizeof(expected), "%c", ch);
        else
            aw_snprintf(expected, sizeof(expected), "%%%02X", (unsigned)ch);
        if (strcmp(out.data, expected) != 0) {
            fprintf(stderr, "byte 0x%02X: url gives \"%s\", expected \"%s\"\n", (unsigned)ch, out.data, expected);
            CHECK(0);
        }
    }
    aw_buffer_free(&out);
}

TEST_MAIN(test_html_escapes_markup_characters, test_url_percent_encodes_unsafe_bytes, test_named_reference_marks,
          test_url_keeps_what_it_is_told, test_every_byte_is_classified)
