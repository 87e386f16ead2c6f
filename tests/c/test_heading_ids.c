#include "heading_ids.h"
#include "test.h"

static char *make_prefixed(aw_heading_ids *ids, const char *prefix, const char *text)
{
    static aw_buffer out;

    aw_buffer_clear(&out);
    CHECK(aw_heading_ids_make(ids, prefix, text, strlen(text), &out) == 0);
    aw_buffer_terminate(&out);
    return out.data;
}

static char *make(aw_heading_ids *ids, const char *text)
{
    return make_prefixed(ids, NULL, text);
}

static void test_slug_shape(void)
{
    aw_heading_ids ids;

    aw_heading_ids_init(&ids);
    CHECK_STR(make(&ids, "Mali's crisis, explained"), "malis-crisis-explained");
    CHECK_STR(make(&ids, "  Trailing -- and __ spaces  "), "trailing-and-spaces");
    /* Only ASCII is case-folded: other letters are kept as written. */
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

/* Issue 10: what a reader cannot see does not go into an id. */
static void test_invisible_characters_are_dropped(void)
{
    aw_heading_ids ids;

    aw_heading_ids_init(&ids);
    /* Bidi controls: LRE/RLO/PDF, LRI/RLI/PDI, LRM/RLM, ALM. */
    CHECK_STR(make(&ids, "a\xE2\x80\xAA" "b\xE2\x80\xAE" "c\xE2\x80\xAC" "d\xE2\x81\xA6" "e\xE2\x81\xA7" "f\xE2\x81\xA9"
                         "g\xE2\x80\x8E" "h\xE2\x80\x8F" "i\xD8\x9C" "j"), "abcdefghij");
    /* Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen, a tag character. */
    CHECK_STR(make(&ids, "k\xE2\x80\x8Bl\xE2\x80\x8Cm\xE2\x80\x8Dn\xE2\x81\xA0o\xEF\xBB\xBFp\xC2\xADq\xF3\xA0\x80\x81r"), "klmnopqr");
    /* C1 controls. */
    CHECK_STR(make(&ids, "s\xC2\x80t\xC2\x9Fu"), "stu");
    aw_heading_ids_free(&ids);
}

static void test_unicode_separators_and_punctuation(void)
{
    aw_heading_ids ids;

    aw_heading_ids_init(&ids);
    /* Line and paragraph separators, no-break and ideographic spaces, em and en dashes separate words. */
    CHECK_STR(make(&ids, "one\xE2\x80\xA8two\xE2\x80\xA9three\xC2\xA0" "four\xE3\x80\x80" "five \xE2\x80\x94 six\xE2\x80\x93seven"),
              "one-two-three-four-five-six-seven");
    /* Typographic quotes and the ellipsis go, as ASCII punctuation does. */
    CHECK_STR(make(&ids, "Mali\xE2\x80\x99s \xE2\x80\x9C" "crisis\xE2\x80\x9D\xE2\x80\xA6"), "malis-crisis");
    /* Letters of every script stay, uncased. */
    CHECK_STR(make(&ids, "\xC3\x89" "conomie \xE6\x97\xA5\xE6\x9C\xAC \xD0\x9C\xD0\xB8\xD1\x80"),
              "\xC3\x89" "conomie-\xE6\x97\xA5\xE6\x9C\xAC-\xD0\x9C\xD0\xB8\xD1\x80");
    /* Nothing visible left: the fallback. */
    CHECK_STR(make(&ids, "\xE2\x80\x8B\xE2\x80\xAE"), "section");
    aw_heading_ids_free(&ids);
}

static void test_prefix_starts_every_id(void)
{
    aw_heading_ids ids;

    aw_heading_ids_init(&ids);
    CHECK(aw_heading_ids_reserve(&ids, "aw-title") == 0);
    CHECK_STR(make_prefixed(&ids, "aw-", "Config"), "aw-config");
    CHECK_STR(make_prefixed(&ids, "aw-", "Config"), "aw-config-1");
    /* Unique as whole ids: the page's own aw-title is taken. */
    CHECK_STR(make_prefixed(&ids, "aw-", "Title"), "aw-title-1");
    CHECK_STR(make_prefixed(&ids, "aw-", "!!!"), "aw-section");
    CHECK_STR(make_prefixed(&ids, "", "Config"), "config");
    aw_heading_ids_free(&ids);
}

static void test_prefix_validation(void)
{
    CHECK(aw_heading_ids_prefix_valid(NULL));
    CHECK(aw_heading_ids_prefix_valid(""));
    CHECK(aw_heading_ids_prefix_valid("aw-"));
    CHECK(aw_heading_ids_prefix_valid("Story_2-"));
    CHECK(aw_heading_ids_prefix_valid("abcdefghijklmnopqrstuvwxyz012345"));   /* 32 */
    CHECK(!aw_heading_ids_prefix_valid("abcdefghijklmnopqrstuvwxyz0123456")); /* 33 */
    CHECK(!aw_heading_ids_prefix_valid("a\"b"));
    CHECK(!aw_heading_ids_prefix_valid("a b"));
    CHECK(!aw_heading_ids_prefix_valid("a&b"));
    CHECK(!aw_heading_ids_prefix_valid("\xC3\xA9"));
}

TEST_MAIN(test_slug_shape, test_duplicates_get_suffixes, test_long_text_is_cut_at_a_character,
          test_many_repeats_stay_unique, test_invisible_characters_are_dropped, test_unicode_separators_and_punctuation,
          test_prefix_starts_every_id, test_prefix_validation)
