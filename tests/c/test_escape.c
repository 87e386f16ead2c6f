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

TEST_MAIN(test_html_escapes_markup_characters, test_url_percent_encodes_unsafe_bytes)
