#include "test.h"
#include "url_policy.h"

static aw_url_kind link(const char *url)
{
    return aw_url_classify(url, strlen(url), AW_URL_FOR_LINK);
}

static void test_allowed_schemes(void)
{
    CHECK(link("http://example.com/") == AW_URL_EXTERNAL);
    CHECK(link("https://example.com/a?b#c") == AW_URL_EXTERNAL);
    CHECK(link("HTTPS://EXAMPLE.COM") == AW_URL_EXTERNAL);
    CHECK(link("//example.com/x") == AW_URL_EXTERNAL);
    CHECK(link("\\\\example.com/x") == AW_URL_EXTERNAL);
    CHECK(link("mailto:desk@example.com") == AW_URL_MAILTO);
    CHECK(link("MailTo:desk@example.com") == AW_URL_MAILTO);
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
}

static void test_dangerous_schemes_refused(void)
{
    static const char *const hostile[] = {
        "javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)",
        " javascript:alert(1)", "\tjavascript:alert(1)", "\x01javascript:alert(1)",
        "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)",
        "java\x00script:alert(1)", "jav ascript:alert(1)",
        "vbscript:msgbox(1)", "VBScript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>", "DATA:text/html;base64,PHNjcmlwdD4=",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "file:///etc/passwd", "livescript:x", "mocha:x", "ftp://example.com",
        ":no-scheme", "httpx://example.com", "https-evil://x",
    };
    size_t i;

    for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
        size_t len = strlen(hostile[i]);
        if (i == 9)
            len = 22; /* the one with an embedded NUL */
        if (aw_url_classify(hostile[i], len, AW_URL_FOR_LINK) != AW_URL_REFUSED) {
            fprintf(stderr, "not refused: [%zu] %s\n", i, hostile[i]);
            CHECK(0);
        }
    }
}

static void test_images_take_no_mailto(void)
{
    CHECK(aw_url_classify("mailto:a@b", 10, AW_URL_FOR_IMAGE) == AW_URL_REFUSED);
    CHECK(aw_url_classify("https://a/b.png", 15, AW_URL_FOR_IMAGE) == AW_URL_EXTERNAL);
    CHECK(aw_url_classify("b.png", 5, AW_URL_FOR_IMAGE) == AW_URL_RELATIVE);
    /* Not even raster data: URLs (a choice: articles link images by URL). */
    CHECK(aw_url_classify("data:image/png;base64,iVBORw0KGgo=", 33, AW_URL_FOR_IMAGE) == AW_URL_REFUSED);
}

TEST_MAIN(test_allowed_schemes, test_relative_and_fragments, test_dangerous_schemes_refused, test_images_take_no_mailto)
