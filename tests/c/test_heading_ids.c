#include "heading_ids.h"
#include "test.h"

static char *make(aw_heading_ids *ids, const char *text)
{
    static aw_buffer out;

    aw_buffer_clear(&out);
    CHECK(aw_heading_ids_make(ids, text, strlen(text), &out) == 0);
    aw_buffer_terminate(&out);
    return out.data;
}

static void test_slug_shape(void)
{
    aw_heading_ids ids;

    aw_heading_ids_init(&ids);
    CHECK_STR(make(&ids, "Mali's crisis, explained"), "malis-crisis-explained");
    CHECK_STR(make(&ids, "  Trailing -- and __ spaces  "), "trailing-and-spaces");
    /* Only ASCII is case-folded: non-ASCII letters are kept as written. */
    CHECK_STR(make(&ids, "Économie du Mali"), "Économie-du-mali");
    CHECK_STR(make(&ids, "!!!"), "section");
    CHECK_STR(make(&ids, "<script>\"x\"</script>"), "scriptxscript");
    aw_heading_ids_free(&ids);
}

static void test_duplicates_get_suffixes(void)
{
    aw_heading_ids ids;

    aw_heading_ids_init(&ids);
    CHECK(aw_heading_ids_reserve(&ids, "aw-title") == 0);
    CHECK_STR(make(&ids, "AW title"), "aw-title-1");
    CHECK_STR(make(&ids, "Background"), "background");
    CHECK_STR(make(&ids, "Background"), "background-1");
    CHECK_STR(make(&ids, "Background 1"), "background-1-1");
    CHECK_STR(make(&ids, "Background"), "background-2");
    aw_heading_ids_free(&ids);
}

static void test_long_text_is_cut_at_a_character(void)
{
    aw_heading_ids ids;
    char text[201];
    size_t i;

    /* 100 two-byte letters: the id must stop on a character boundary. */
    for (i = 0; i < 100; i++)
        memcpy(text + 2 * i, "\xC3\xA9", 2);
    text[200] = '\0';
    aw_heading_ids_init(&ids);
    CHECK(strlen(make(&ids, text)) == 64);
    aw_heading_ids_free(&ids);
}

static void test_many_repeats_stay_unique(void)
{
    aw_heading_ids ids;
    char expected[32];
    int i;

    aw_heading_ids_init(&ids);
    CHECK_STR(make(&ids, "Same"), "same");
    for (i = 1; i <= 5000; i++) {
        snprintf(expected, sizeof(expected), "same-%d", i);
        if (strcmp(make(&ids, "Same"), expected) != 0) {
            CHECK(0);
            break;
        }
    }
    aw_heading_ids_free(&ids);
}

TEST_MAIN(test_slug_shape, test_duplicates_get_suffixes, test_long_text_is_cut_at_a_character,
          test_many_repeats_stay_unique)
