/* The content blob end to end: packed from content files (content_build.c)
 * and read back (catalog.c); malformed blobs are refused, whole. */
#include "catalog.h"
#include "content_blob.h"
#include "content_build.h"
#include "errors.h"
#include "test.h"

#include <stdlib.h>

static const char older[] = "---\ntitle: Older \"one\"\nslug: older\ndate: 2020-01-01\ntopics: A, B\n---\nOld body.\n";
static const char newer[] = "---\ntitle: Newer\nslug: newer\ndate: 2024-05-06\nsource: Desk\nsummary: S\n---\n# H\n\nNew.\n";
static const char listed[] = "---\ntitle: Listed\nslug: listed\ndate: 2001-01-01\n---\nListed body.\n";
static const char trending_md[] = "# Trending Topics\n\n1. listed\n";

static aw_content_file file(const char *path, const char *text)
{
    aw_content_file f = { path, text, strlen(text) };
    return f;
}

static int pack(aw_buffer *blob, aw_content_error *error)
{
    aw_content_file files[3];
    aw_content_file trending = file("trending.md", trending_md);

    files[0] = file("older.md", older);
    files[1] = file("listed.md", listed);
    files[2] = file("newer.md", newer);
    return aw_content_pack(blob, files, 3, &trending, error);
}

static void test_pack_then_load(void)
{
    aw_buffer blob;
    aw_content_error error;
    aw_catalog catalog;

    aw_buffer_init(&blob);
    CHECK(pack(&blob, &error) == AW_OK);
    CHECK(blob.len > 4 && memcmp(blob.data, AW_CONTENT_MAGIC, 4) == 0);
    CHECK(aw_catalog_load(&catalog, blob.data, blob.len) == AW_OK);
    CHECK(catalog.count == 3 && catalog.trending_count == 1);
    /* Trending first, then newest first. */
    CHECK_STR(catalog.articles[0].slug, "listed");
    CHECK_STR(catalog.articles[1].slug, "newer");
    CHECK_STR(catalog.articles[2].slug, "older");
    CHECK_STR(catalog.articles[2].title, "Older \"one\"");
    CHECK_STR(catalog.articles[1].source, "Desk");
    CHECK_STR(catalog.articles[1].summary, "S");
    CHECK(catalog.articles[2].topic_count == 2);
    CHECK_STR(catalog.articles[2].topics[1], "B");
    CHECK(catalog.articles[1].topic_count == 0 && catalog.articles[1].topics == NULL);
    CHECK(catalog.articles[1].markdown_size == strlen("# H\n\nNew.\n"));
    CHECK_STR(catalog.articles[1].markdown, "# H\n\nNew.\n");
    CHECK(aw_catalog_find(&catalog, "older", 5) == 2);
    aw_catalog_free(&catalog);
    CHECK(catalog.count == 0 && catalog.articles == NULL);
    aw_buffer_free(&blob);
}

/* The order of the files given does not change the blob. */
static void test_pack_is_deterministic(void)
{
    aw_content_file files[3];
    aw_content_file trending = file("trending.md", trending_md);
    aw_buffer a, b;
    aw_content_error error;

    aw_buffer_init(&a);
    aw_buffer_init(&b);
    CHECK(pack(&a, &error) == AW_OK);
    files[0] = file("newer.md", newer);
    files[1] = file("older.md", older);
    files[2] = file("listed.md", listed);
    CHECK(aw_content_pack(&b, files, 3, &trending, &error) == AW_OK);
    CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
    aw_buffer_free(&a);
    aw_buffer_free(&b);
}

/* Errors name file and line, and leave the blob as it was. */
static void test_pack_errors(void)
{
    aw_content_file files[2];
    aw_content_file trending = file("t.md", "1. missing\n");
    aw_content_error error;
    aw_buffer blob;

    aw_buffer_init(&blob);
    files[0] = file("a.md", older);
    files[1] = file("b.md", older);
    CHECK(aw_content_pack(&blob, files, 2, &trending, &error) == AW_ERR_CONTENT);
    CHECK_STR(error.path, "b.md");
    CHECK(error.line == 3);
    CHECK_STR(error.message, "slug 'older' is already used by a.md:3");
    CHECK(blob.len == 0);
    CHECK(aw_content_pack(&blob, files, 1, &trending, &error) == AW_ERR_CONTENT);
    CHECK_STR(error.path, "t.md");
    CHECK(error.line == 1);
    CHECK_STR(error.message, "no article in the folder has the slug 'missing'");
    CHECK(blob.len == 0);
    aw_buffer_free(&blob);
}

/* The limits a reader checks before reading (aw-embed, the package's
 * command), and the packer again: the number of articles, each file's size,
 * all of them together, in the order they are packed. */
static void test_pack_limits(void)
{
    aw_content_file files[2];
    aw_content_file trending = file("trending.md", trending_md);
    aw_content_error error;
    aw_buffer blob, line;
    size_t total = 0;

    aw_buffer_init(&blob);
    aw_buffer_init(&line);
    CHECK(aw_content_check_count(AW_CONTENT_MAX_ARTICLES, "t.md", &error) == AW_OK);
    CHECK(aw_content_check_count(AW_CONTENT_MAX_ARTICLES + 1, "t.md", &error) == AW_ERR_CONTENT);
    CHECK_STR(error.path, "t.md");
    CHECK(error.line == 1);
    CHECK_STR(error.message, "10001 articles, more than the 10000 a build may have");

    CHECK(aw_content_check_size("a.md", AW_CONTENT_MAX_FILE_SIZE, &total, &error) == AW_OK);
    CHECK(total == AW_CONTENT_MAX_FILE_SIZE);
    CHECK(aw_content_check_size("b.md", AW_CONTENT_MAX_FILE_SIZE + 1, &total, &error) == AW_ERR_CONTENT);
    CHECK(error.line == 0 && total == AW_CONTENT_MAX_FILE_SIZE);
    CHECK_STR(error.message, "1048577 bytes, more than the 1048576 (1 MiB) a content file may have");
    total = AW_CONTENT_MAX_TOTAL_SIZE - 10;
    CHECK(aw_content_check_size("c.md", 10, &total, &error) == AW_OK);
    CHECK(aw_content_check_size("d.md", 1, &total, &error) == AW_ERR_CONTENT);
    CHECK_STR(error.path, "d.md");
    CHECK_STR(error.message,
              "the content files come to 268435457 bytes with this one, more than the 268435456 (256 MiB) a build may have");

    /* As printed: no line for a whole file; the file name printable. */
    error.path = "bad\x1B[2K.md";
    CHECK(aw_content_error_append(&line, &error) == 0);
    aw_buffer_terminate(&line);
    CHECK_HAS(line.data, "bad\\x1B[2K.md: the content files come to ");
    CHECK(strncmp(line.data, "bad\\", 4) == 0);
    aw_buffer_clear(&line);
    error.line = 7;
    aw_content_error_append(&line, &error);
    aw_buffer_terminate(&line);
    CHECK_HAS(line.data, "bad\\x1B[2K.md:7: the content files");
    CHECK(strncmp(line.data, "bad\\", 4) == 0);

    /* The packer checks the same, before it parses anything. */
    files[0] = file("older.md", older);
    files[1] = file("big.md", older);
    files[1].size = AW_CONTENT_MAX_FILE_SIZE + 1;
    CHECK(aw_content_pack(&blob, files, 2, &trending, &error) == AW_ERR_CONTENT);
    CHECK_STR(error.path, "big.md");
    CHECK(error.line == 0 && blob.len == 0);
    aw_buffer_free(&line);
    aw_buffer_free(&blob);
}

/* Every truncation, and every single-byte corruption that breaks a rule,
 * is refused without reading past the end (ASan checks the reads). */
static void test_malformed_blobs_are_refused(void)
{
    aw_buffer blob;
    aw_content_error error;
    aw_catalog catalog;
    char *copy;
    size_t cut;

    aw_buffer_init(&blob);
    CHECK(pack(&blob, &error) == AW_OK);
    for (cut = 0; cut < blob.len; cut++) {
        copy = malloc(cut ? cut : 1);
        memcpy(copy, blob.data, cut);
        CHECK(aw_catalog_load(&catalog, copy, cut) == AW_ERR_CONTENT);
        CHECK(catalog.count == 0);
        free(copy);
    }
    copy = malloc(blob.len + 1);
    /* Trailing bytes. */
    memcpy(copy, blob.data, blob.len);
    copy[blob.len] = 'x';
    CHECK(aw_catalog_load(&catalog, copy, blob.len + 1) == AW_ERR_CONTENT);
    /* Wrong magic. */
    copy[0] = 'X';
    CHECK(aw_catalog_load(&catalog, copy, blob.len) == AW_ERR_CONTENT);
    /* A slug with a character unsafe in an attribute ("listed" is first). */
    memcpy(copy, blob.data, blob.len);
    copy[16] = '"';
    CHECK(copy[12] == 0 && aw_catalog_load(&catalog, copy, blob.len) == AW_ERR_CONTENT);
    /* The same rule as the front matter's (slug.h): no leading '-'. */
    copy[16] = '-';
    CHECK(aw_catalog_load(&catalog, copy, blob.len) == AW_ERR_CONTENT);
    /* Ill-formed UTF-8 in a title. */
    memcpy(copy, blob.data, blob.len);
    copy[12 + 4 + strlen("listed") + 1] = (char)0xC0;
    CHECK(aw_catalog_load(&catalog, copy, blob.len) == AW_ERR_CONTENT);
    /* A trending count above the article count. */
    memcpy(copy, blob.data, blob.len);
    copy[8] = 4;
    CHECK(aw_catalog_load(&catalog, copy, blob.len) == AW_ERR_CONTENT);
    free(copy);
    aw_buffer_free(&blob);
}

TEST_MAIN(test_pack_then_load, test_pack_is_deterministic, test_pack_errors, test_pack_limits,
          test_malformed_blobs_are_refused)
