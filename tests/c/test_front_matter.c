#include "front_matter.h"
#include "slug.h"
#include "test.h"
#include "utf8.h"

static int span_is(aw_span s, const char *text)
{
    return s.size == strlen(text) && memcmp(s.data, text, s.size) == 0;
}

/* Parses `text`, expecting failure on `line` with `message` in the error. */
static void check_error(const char *text, unsigned line, const char *message)
{
    aw_front_matter fm;
    aw_parse_error error;

    memset(&error, 0, sizeof(error));
    if (aw_front_matter_parse(text, strlen(text), &fm, &error) != -1) {
        fprintf(stderr, "accepted, but should fail at line %u (%s):\n%s\n", line, message, text);
        CHECK(0);
        return;
    }
    if (error.line != line || strstr(error.message, message) == NULL) {
        fprintf(stderr, "got %u: %s\nwant %u: ...%s...\n", error.line, error.message, line, message);
        CHECK(0);
    }
}

static void test_parses_every_field(void)
{
    static const char text[] = "---\r\n"
                               "title: \"A: title\"\r\n"
                               "slug: a-title\r\n"
                               "# a comment\r\n"
                               "date: 2024-02-29\r\n"
                               "source: Desk\r\n"
                               "topics: [Mali, West Africa , Security]\r\n"
                               "summary: Short.\r\n"
                               "---\r\n"
                               "Body *text*\r\n";
    aw_front_matter fm;
    aw_parse_error error;

    CHECK(aw_front_matter_parse(text, sizeof(text) - 1, &fm, &error) == 0);
    CHECK(span_is(fm.title, "A: title"));
    CHECK(span_is(fm.slug, "a-title"));
    CHECK(span_is(fm.date, "2024-02-29"));
    CHECK(span_is(fm.source, "Desk"));
    CHECK(span_is(fm.summary, "Short."));
    CHECK(fm.topic_count == 3);
    CHECK(span_is(fm.topics[0], "Mali") && span_is(fm.topics[1], "West Africa") && span_is(fm.topics[2], "Security"));
    CHECK(span_is(fm.body, "Body *text*\r\n"));
    CHECK(fm.body_line == 10);
}

static void test_optional_fields_may_be_missing(void)
{
    static const char text[] = "\xEF\xBB\xBF---\ntitle: T\nslug: t\ndate: 2012-09-26\n---\n";
    aw_front_matter fm;
    aw_parse_error error;

    CHECK(aw_front_matter_parse(text, sizeof(text) - 1, &fm, &error) == 0);
    CHECK(fm.source.size == 0 && fm.summary.size == 0 && fm.topic_count == 0);
}

static void test_errors_name_the_line(void)
{
    check_error("", 1, "expected '---' to open");
    check_error("title: T\n", 1, "expected '---' to open");
    check_error("---\ntitle: T\nslug: t\ndate: 2012-09-26\n", 4, "not closed");
    check_error("---\ntitle: T\nslug t\n---\n", 3, "expected 'key: value'");
    check_error("---\ntitle: T\nauthor: Me\n---\n", 3, "unknown key 'author'");
    check_error("---\ntitle: T\nslug: t\ntitle: U\n---\n", 4, "duplicate key 'title' (first set on line 2)");
    check_error("---\ntitle:   \n---\n", 2, "'title' is empty");
    check_error("---\ntitle: T\nslug: t\ndate: 2023-02-29\n---\n", 4, "not a calendar date");
    check_error("---\ntitle: T\nslug: t\ndate: 26/09/2012\n---\n", 4, "not a calendar date");
    check_error("---\ntitle: T\nslug: Not A Slug\n---\n", 3, "slug 'Not A Slug' must be");
    check_error("---\ntitle: T\nslug: t\n---\nbody\n", 4, "lacks 'date'");
    check_error("---\nslug: t\ndate: 2012-09-26\n---\n", 4, "lacks 'title'");
    check_error("---\ntitle: T\nslug: t\ndate: 2012-09-26\ntopics: a,,b\n---\n", 5, "empty topic");
    check_error("---\ntitle: T\n\ntitle: caf\xE9\n---\n", 4, "invalid UTF-8");
}

static void test_slug_rule(void)
{
    CHECK(aw_slug_is_valid("a-1", 3));
    CHECK(!aw_slug_is_valid("-a", 2));
    CHECK(!aw_slug_is_valid("a-", 2));
    CHECK(!aw_slug_is_valid("a_b", 3));
    CHECK(!aw_slug_is_valid("", 0));
}

/* The helpers both content parsers report errors with. */
static void test_parse_fail_and_line_of(void)
{
    aw_parse_error error;
    char long_name[400];

    CHECK(aw_parse_fail(&error, 7, "'%.*s' is listed %s", 3, "onetwo", "twice") == -1);
    CHECK(error.line == 7);
    CHECK_STR(error.message, "'one' is listed twice");

    memset(long_name, 'x', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = '\0';
    aw_parse_fail(&error, 1, "unknown key '%s'", long_name);
    CHECK(strlen(error.message) == sizeof(error.message) - 1); /* cut, still terminated */
    CHECK(strcmp(error.message + strlen(error.message) - 3, "\xE2\x80\xA6") == 0); /* with an ellipsis */

    CHECK(aw_line_of("a\nb\nc", 0) == 1);
    CHECK(aw_line_of("a\nb\nc", 1) == 1); /* the newline belongs to its line */
    CHECK(aw_line_of("a\nb\nc", 2) == 2);
    CHECK(aw_line_of("a\nb\nc", 4) == 3);
}

/* Messages quote the file: what reaches a terminal is printable, and a
 * long line is cut between characters. */
static void test_messages_are_printable(void)
{
    static char text[4096];
    aw_front_matter fm;
    aw_parse_error error;
    size_t n, i;

    check_error("---\nslug: a\x1B]0;owned\x07\x1B[2K\rall-good\n---\n", 2,
                "slug 'a\\x1B]0;owned\\x07\\x1B[2K\\x0Dall-good' must be lowercase");
    check_error("---\n\xE2\x80\xAEtitle: x\n---\n", 2, "unknown key '\\u{202E}title'");
    check_error("---\ndate: 2020-01-0\x1B\n---\n", 2, "date '2020-01-0\\x1B' is not a calendar date");

    n = (size_t)sprintf(text, "---\nAWS_SECRET_ACCESS_KEY=");
    for (i = 0; i < 1000; i++)
        n += (size_t)sprintf(text + n, "\xC3\xA9");
    n += (size_t)sprintf(text + n, "\n---\n");
    CHECK(aw_front_matter_parse(text, n, &fm, &error) == -1);
    CHECK(error.line == 2);
    CHECK(strncmp(error.message, "expected 'key: value', got 'AWS_SECRET_ACCESS_KEY=\xC3\xA9", 52) == 0);
    CHECK(strcmp(error.message + strlen(error.message) - 3, "\xE2\x80\xA6") == 0);
    CHECK(aw_utf8_valid_prefix(error.message, strlen(error.message)) == strlen(error.message));
}

TEST_MAIN(test_parses_every_field, test_optional_fields_may_be_missing, test_errors_name_the_line, test_slug_rule,
          test_parse_fail_and_line_of, test_messages_are_printable)
