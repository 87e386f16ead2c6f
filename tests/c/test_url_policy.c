#include "test.h"
#include "url_policy.h"

static aw_url_kind kind_of(const char *url, size_t size, aw_url_use use, const char **written)
{
    static aw_buffer out;
    char copy[256];

    memcpy(copy, url, size);
    aw_buffer_clear(&out);
    {
        aw_url_kind kind = aw_url_write(&out, copy, size, use);
        aw_buffer_terminate(&out);
        if (written)
            *written = out.data ? out.data : "";
        return kind;
    }
}

static aw_url_kind link(const char *url)
{
    return kind_of(url, strlen(url), AW_URL_FOR_LINK, NULL);
}

static aw_url_kind image(const char *url)
{
    return kind_of(url, strlen(url), AW_URL_FOR_IMAGE, NULL);
}

/* What is written for a link to `url`, "(refused)" when nothing is. */
static const char *written(const char *url)
{
    const char *text;
    return kind_of(url, strlen(url), AW_URL_FOR_LINK, &text) == AW_URL_REFUSED ? "(refused)" : text;
}

static void test_allowed_schemes(void)
{
    CHECK(link("http://example.com/") == AW_URL_EXTERNAL);
    CHECK(link("https://example.com/a?b#c") == AW_URL_EXTERNAL);
    CHECK(link("HTTPS://EXAMPLE.COM") == AW_URL_EXTERNAL);
    CHECK(link("//example.com/x") == AW_URL_EXTERNAL);
    CHECK(link("\\\\example.com/x") == AW_URL_EXTERNAL);
    CHECK(link("mailto:desk@example.com") == AW_URL_APP);
    CHECK(link("MailTo:desk@example.com") == AW_URL_APP);
    /* Phone numbers on a news page: dialled or texted, never a script. */
    CHECK(link("tel:+1-555-0100") == AW_URL_APP);
    CHECK(link("TEL:+15550100") == AW_URL_APP);
    CHECK(link("sms:+15550100?body=hi") == AW_URL_APP);
}

static void test_relative_and_fragments(void)
{
    CHECK(link("#section") == AW_URL_FRAGMENT);
    CHECK(link("/news/mali") == AW_URL_RELATIVE);
    CHECK(link("mali.html") == AW_URL_RELATIVE);
    CHECK(link("../a:b") == AW_URL_RELATIVE);      /* the colon is in the path */
    CHECK(link("page?x=a:b") == AW_URL_RELATIVE);  /* ... or the query */
    CHECK(link("") == AW_URL_RELATIVE);
    CHECK(link("javascript%3Aalert(1)") == AW_URL_RELATIVE); /* no scheme: browsers do not decode it */
    /* Not a scheme to the URL parser (a letter first, then letters, digits,
     * + - . up to the colon): paths, as the browser reads them. */
    CHECK(link("foo):") == AW_URL_RELATIVE);
    CHECK(link(":no-scheme") == AW_URL_RELATIVE);
    CHECK(link("jav ascript:alert(1)") == AW_URL_RELATIVE);
    CHECK(link("1javascript:alert(1)") == AW_URL_RELATIVE);
}

static void test_dangerous_schemes_refused(void)
{
    static const char *const hostile[] = {
        "javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)",
        " javascript:alert(1)", "\tjavascript:alert(1)", "\x01javascript:alert(1)",
        "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)",
        "java\x00script:alert(1)", "javascript\t:alert(1)", " \x0b\x1f javascript:alert(1) ",
        "vbscript:msgbox(1)", "VBScript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>", "DATA:text/html;base64,PHNjcmlwdD4=",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "file:///etc/passwd", "livescript:x", "mocha:x", "ftp://example.com",
        "httpx://example.com", "https-evil://x", "a+b.c-d:x", "telnet:x", "smsto:x",
    };
    size_t i;

    for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
        size_t len = strlen(hostile[i]);
        if (i == 9)
            len = 20; /* the one with an embedded NUL: "java", NUL, "script:alert(1)" */
        if (kind_of(hostile[i], len, AW_URL_FOR_LINK, NULL) != AW_URL_REFUSED) {
            fprintf(stderr, "not refused: [%zu] %s\n", i, hostile[i]);
            CHECK(0);
        }
    }
}

static void test_images_take_no_app_schemes(void)
{
    CHECK(image("mailto:a@b") == AW_URL_REFUSED);
    CHECK(image("tel:+15550100") == AW_URL_REFUSED);
    CHECK(image("sms:+15550100") == AW_URL_REFUSED);
    CHECK(image("https://a/b.png") == AW_URL_EXTERNAL);
    CHECK(image("b.png") == AW_URL_RELATIVE);
    /* Not even raster data: URLs (a choice: articles link images by URL). */
    CHECK(image("data:image/png;base64,iVBORw0KGgo=") == AW_URL_REFUSED);
}

/* Issue 10: the written form is one the browser parses to the URL the
 * decision was taken on (tests/js/policy.test.mjs checks these against
 * Node's WHATWG URL parser). */
static void test_written_as_the_browser_reads_it(void)
{
    /* Backslashes are slashes to the parser of an http(s) URL. */
    CHECK_STR(written("\\\\evil.example/x"), "//evil.example/x");
    CHECK_STR(written("/\\evil.example/x"), "//evil.example/x");
    CHECK_STR(written("\\/\\evil.example"), "//evil.example");
    CHECK_STR(written("https:\\\\host\\a\\b?q=\\#f\\"), "https://host/a/b?q=%5C#f%5C");
    CHECK_STR(written("HTTP:/\\host"), "HTTP://host");
    CHECK_STR(written("https:////host/x"), "https://host/x");
    CHECK_STR(written("\\news\\mali"), "/news/mali");
    CHECK_STR(written("d\\ta:text/html,x"), "d/ta:text/html,x");
    /* An IPv6 host keeps its brackets; elsewhere they are encoded. */
    CHECK_STR(written("http://[::1]:8080/"), "http://[::1]:8080/");
    CHECK_STR(written("//[2001:db8::1]/a[1]"), "//[2001:db8::1]/a%5B1%5D");
    /* The parser drops these, so the written form does too. */
    CHECK_STR(written("  https://example.com/\x01 "), "https://example.com/");
    CHECK_STR(written("/a\tb\nc\rd"), "/abcd");
    CHECK_STR(written(" #top"), "#top");
    /* A host, or a path, depending on the page's own scheme: neither. */
    CHECK_STR(written("https:evil.example"), "(refused)");
    CHECK_STR(written("http:/evil.example"), "(refused)");
    CHECK_STR(written("https:"), "(refused)");
    /* The rest is percent-encoded and escaped as before. */
    CHECK_STR(written("https://example.com/a b?x=1&y=\"2\""), "https://example.com/a%20b?x=1&amp;y=%222%22");
    CHECK_STR(written("tel:+1 555 0100"), "tel:+1%20555%200100");
}

TEST_MAIN(test_allowed_schemes, test_relative_and_fragments, test_dangerous_schemes_refused,
          test_images_take_no_app_schemes, test_written_as_the_browser_reads_it)
