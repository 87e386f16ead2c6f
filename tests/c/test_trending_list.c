#include "test.h"
#include "trending_list.h"

static void test_reads_slugs_in_order(void)
{
    static const char text[] = "# Trending Topics\n\n<!-- order matters -->\n1. first-one\n2) second\n- third\n";
    aw_trending_list list;
    aw_parse_error error;

    CHECK(aw_trending_parse(text, sizeof(text) - 1, &list, &error) == 0);
    CHECK(list.count == 3);
    CHECK(list.slugs[0].size == 9 && memcmp(list.slugs[0].data, "first-one", 9) == 0);
    CHECK(list.slugs[2].size == 5 && memcmp(list.slugs[2].data, "third", 5) == 0);
    CHECK(list.lines[0] == 4 && list.lines[1] == 5 && list.lines[2] == 6);
}

static void check_error(const char *text, unsigned line, const char *message)
{
    aw_trending_list list;
    aw_parse_error error;

    CHECK(aw_trending_parse(text, strlen(text), &list, &error) == -1);
    if (error.line != line || strstr(error.message, message) == NULL) {
        fprintf(stderr, "got %u: %s\nwant %u: ...%s...\n", error.line, error.message, line, message);
        CHECK(0);
    }
}

static void test_errors_name_the_line(void)
{
    check_error("1. a\njust text\n", 2, "expected a list item");
    check_error("1. a\n2. Bad Slug\n", 2, "'Bad Slug' is not a slug");
    check_error("1. a\n2. b\n3. a\n", 3, "'a' is listed twice");
    check_error("# Trending\n\n", 2, "the trending list is empty");
}

/* A byte-order mark may start the list, as it may start an article; one
 * anywhere else is named (an editor shows nothing there). */
static void test_byte_order_mark(void)
{
    static const char text[] = "\xEF\xBB\xBF# Trending\n1. one\n";
    aw_trending_list list;
    aw_parse_error error;

    CHECK(aw_trending_parse(text, sizeof(text) - 1, &list, &error) == 0);
    CHECK(list.count == 1 && list.lines[0] == 2);
    check_error("\xEF\xBB\xBF\xEF\xBB\xBF" "1. one\n", 1, "a byte-order mark (U+FEFF) inside the file");
    check_error("1. one\n\xEF\xBB\xBF" "2. two\n", 2, "a byte-order mark (U+FEFF) inside the file");
    check_error("1. one\n2. tw\xEF\xBB\xBFo\n", 2, "a byte-order mark (U+FEFF) inside the file");
}

/* The edition carries every trending article in full: the list names at
 * most AW_MAX_TRENDING, and the first item over is named by its line. */
static void test_at_most_the_edition_bound(void)
{
    char text[512];
    aw_trending_list list;
    aw_parse_error error;
    size_t at = 0;
    int i;

    at += (size_t)snprintf(text + at, sizeof(text) - at, "# Trending\n\n");
    for (i = 1; i <= AW_MAX_TRENDING; i++)
        at += (size_t)snprintf(text + at, sizeof(text) - at, "%d. article-%d\n", i, i);
    CHECK(aw_trending_parse(text, at, &list, &error) == 0);
    CHECK(list.count == AW_MAX_TRENDING && AW_MAX_TRENDING == 10);
    snprintf(text + at, sizeof(text) - at, "11. one-more\n");
    check_error(text, 13, "more than 10 trending articles: the list names at most 10");
}

/* Items are quoted in messages: printable. */
static void test_messages_are_printable(void)
{
    check_error("1. a\x1B[2K\rok\n", 1, "'a\\x1B[2K\\x0Dok' is not a slug");
}

TEST_MAIN(test_reads_slugs_in_order, test_errors_name_the_line, test_at_most_the_edition_bound, test_byte_order_mark,
          test_messages_are_printable)
