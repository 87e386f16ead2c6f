/* The content formats end to end: content files packed into an edition
 * and archive files (content_build.c) and read back (catalog.c); files
 * that are truncated, damaged, altered, of another version or misplaced
 * are refused, whole, with a message that says which. */
#include "catalog.h"
#include "content_blob.h"
#include "content_build.h"
#include "content_frame.h"
#include "errors.h"
#include "test.h"

#include <stdlib.h>

static const char older[] = "---\ntitle: Older \"one\"\nslug: older\ndate: 2020-01-01\ntopics: A, B\n---\nOld body.\n";
static const char newer[] = "---\ntitle: Newer\nslug: newer\ndate: 2024-05-06\nsource: Desk\nsummary: S\n---\n# H\n\nNew.\n";
static const char listed[] = "---\ntitle: Listed\nslug: listed\ndate: 2001-01-01\n---\nListed body.\n";
static const char trending_md[] = "# Trending Topics\n\n1. listed\n2. newer\n";

static aw_content_file file(const char *path, const char *text)
{
    aw_content_file f = { path, text, strlen(text) };
    return f;
}

/* A build's files: the edition, and each article's archive file. */
typedef struct built {
    aw_buffer edition;
    aw_buffer archive[3];
    char path[3][64];
} built;

static void built_free(built *b)
{
    size_t i;

    aw_buffer_free(&b->edition);
    for (i = 0; i < 3; i++)
        aw_buffer_free(&b->archive[i]);
}

/* Packs `texts` (in this order) with `trending`: AW_OK, or the first error. */
static int build(built *b, const char *const *texts, size_t count, const char *trending, aw_content_error *error)
{
    aw_content_file t = file("trending.md", trending);
    aw_content_packer *packer = aw_content_packer_new(&t);
    int status = AW_OK;
    size_t i;

    memset(b, 0, sizeof(*b));
    for (i = 0; i < count && status == AW_OK; i++) {
        aw_content_file a = file(texts[i] == older ? "older.md" : texts[i] == newer ? "newer.md" : "listed.md", texts[i]);
        aw_buffer path;
        aw_span slug;

        status = aw_content_packer_add(packer, &a, &b->archive[i], &slug, error);
        if (status == AW_OK) {
            aw_buffer_init(&path);
            aw_content_archive_path(&path, slug);
            aw_buffer_terminate(&path);
            snprintf(b->path[i], sizeof(b->path[i]), "%s", path.data);
            aw_buffer_free(&path);
        }
    }
    if (status == AW_OK)
        status = aw_content_packer_finish(packer, &b->edition, error);
    if (status == AW_ERR_CONTENT) {
        /* It may name the packer's copy of the trending list's path. */
        static char path[64];
        snprintf(path, sizeof(path), "%s", error->path);
        error->path = path;
    }
    aw_content_packer_free(packer);
    return status;
}

static const char *const all[] = { older, listed, newer };

static void test_pack_then_read(void)
{
    built b;
    aw_content_error error;
    aw_catalog catalog;
    aw_buffer message, path;

    aw_buffer_init(&message);
    aw_buffer_init(&path);
    CHECK(build(&b, all, 3, trending_md, &error) == AW_OK);
    CHECK_STR(b.path[0], "articles/older.awa");
    CHECK(memcmp(b.edition.data, AW_EDITION_MAGIC, 4) == 0 && memcmp(b.archive[0].data, AW_ARCHIVE_MAGIC, 4) == 0);

    aw_catalog_init(&catalog);
    CHECK(aw_catalog_load_edition(&catalog, b.edition.data, b.edition.len, &message) == AW_OK);
    CHECK(message.len == 0);
    CHECK_STR(catalog.archive_folder, AW_ARCHIVE_FOLDER);
    CHECK(catalog.build_id == aw_content_checksum(b.edition.data + 16, b.edition.len - 16));
    /* The edition: the trending list alone, in its order. */
    CHECK(catalog.count == 2 && catalog.trending_count == 2);
    CHECK_STR(catalog.articles[0].slug, "listed");
    CHECK_STR(catalog.articles[1].slug, "newer");
    CHECK_STR(catalog.articles[1].source, "Desk");
    CHECK_STR(catalog.articles[1].summary, "S");
    CHECK(catalog.articles[1].topic_count == 0);
    CHECK(catalog.articles[1].markdown_size == strlen("# H\n\nNew.\n"));
    CHECK_STR(catalog.articles[1].markdown, "# H\n\nNew.\n");
    CHECK(aw_catalog_find(&catalog, "", 0) == 0);

    /* Another article: not found, and where its file is. */
    CHECK(aw_catalog_find(&catalog, "older", 5) == -1);
    CHECK(aw_catalog_append_archive_path(&path, &catalog, "older", 5) == 0);
    aw_buffer_terminate(&path);
    CHECK_STR(path.data, "articles/older.awa");
    aw_buffer_clear(&path);
    CHECK(aw_catalog_append_archive_path(&path, &catalog, "Older", 5) == 0 && path.len == 0);
    CHECK(aw_catalog_append_archive_path(&path, &catalog, "../x", 4) == 0 && path.len == 0);

    CHECK(aw_catalog_add_article(&catalog, b.archive[0].data, b.archive[0].len, "older", 5, &message) == AW_OK);
    CHECK(message.len == 0);
    CHECK(aw_catalog_find(&catalog, "older", 5) == 2);
    CHECK(catalog.count == 3 && catalog.trending_count == 2);
    CHECK_STR(catalog.articles[2].title, "Older \"one\"");
    CHECK(catalog.articles[2].topic_count == 2);
    CHECK_STR(catalog.articles[2].topics[1], "B");
    CHECK_STR(catalog.articles[2].markdown, "Old body.\n");
    /* An article it has already, or bytes that are no slug: no. */
    CHECK(aw_catalog_add_article(&catalog, b.archive[0].data, b.archive[0].len, "older", 5, &message) == AW_ERR_ARGUMENT);
    CHECK(aw_catalog_add_article(&catalog, b.archive[1].data, b.archive[1].len, "listed", 6, &message)
          == AW_ERR_ARGUMENT);
    CHECK(aw_catalog_add_article(&catalog, b.archive[0].data, b.archive[0].len, "Older", 5, &message)
          == AW_ERR_ARGUMENT);
    CHECK(message.len == 0 && catalog.count == 3);

    /* articles(): the edition's. */
    aw_buffer_clear(&path);
    CHECK(aw_catalog_write_json(&path, &catalog) == 0);
    aw_buffer_terminate(&path);
    CHECK_STR(path.data, "[{\"slug\":\"listed\",\"title\":\"Listed\",\"date\":\"2001-01-01\",\"source\":\"\",\"topics\":[],"
                         "\"summary\":\"\"},{\"slug\":\"newer\",\"title\":\"Newer\",\"date\":\"2024-05-06\","
                         "\"source\":\"Desk\",\"topics\":[],\"summary\":\"S\"}]");

    /* A new edition forgets the articles added. */
    CHECK(aw_catalog_load_edition(&catalog, b.edition.data, b.edition.len, &message) == AW_OK);
    CHECK(catalog.count == 2 && aw_catalog_find(&catalog, "older", 5) == -1);
    aw_catalog_free(&catalog);
    CHECK(catalog.count == 0 && catalog.articles == NULL && catalog.archive_folder == NULL);
    aw_buffer_free(&message);
    aw_buffer_free(&path);
    built_free(&b);
}

/* Each archive file depends on its article alone and the edition on the
 * trending list and its articles alone: whatever the order of the files,
 * whatever else the folder holds, the same bytes. So a correction rewrites
 * one file (and the edition when the article is trending). */
static void test_each_file_depends_on_its_own_content(void)
{
    static const char *const reordered[] = { newer, older, listed };
    static const char *const without_older[] = { listed, newer };
    static const char older_corrected[] = "---\ntitle: Older \"one\"\nslug: older\ndate: 2020-01-01\n---\nFixed.\n";
    const char *const corrected[] = { older_corrected, listed, newer };
    built a, b;
    aw_content_error error;

    CHECK(build(&a, all, 3, trending_md, &error) == AW_OK);
    CHECK(build(&b, reordered, 3, trending_md, &error) == AW_OK);
    CHECK(a.edition.len == b.edition.len && memcmp(a.edition.data, b.edition.data, a.edition.len) == 0);
    CHECK(a.archive[0].len == b.archive[1].len && memcmp(a.archive[0].data, b.archive[1].data, a.archive[0].len) == 0);
    CHECK(a.archive[2].len == b.archive[0].len && memcmp(a.archive[2].data, b.archive[0].data, a.archive[2].len) == 0);
    built_free(&b);

    CHECK(build(&b, without_older, 2, trending_md, &error) == AW_OK);
    CHECK(a.edition.len == b.edition.len && memcmp(a.edition.data, b.edition.data, a.edition.len) == 0);
    built_free(&b);

    CHECK(build(&b, corrected, 3, trending_md, &error) == AW_OK);
    CHECK(a.edition.len == b.edition.len && memcmp(a.edition.data, b.edition.data, a.edition.len) == 0);
    CHECK(a.archive[0].len != b.archive[0].len || memcmp(a.archive[0].data, b.archive[0].data, a.archive[0].len) != 0);
    CHECK(a.archive[2].len == b.archive[2].len && memcmp(a.archive[2].data, b.archive[2].data, a.archive[2].len) == 0);
    built_free(&b);

    /* The trending article corrected: its file and the edition change. */
    CHECK(build(&b, all, 3, "1. newer\n2. listed\n", &error) == AW_OK);
    CHECK(a.edition.len != b.edition.len || memcmp(a.edition.data, b.edition.data, a.edition.len) != 0);
    built_free(&b);
    built_free(&a);
}

/* Errors name file and line, in the order the checks have always run:
 * each article as it comes, then the trending list. */
static void test_pack_errors(void)
{
    static const char *const twice[] = { older, older };
    static const char *const none[] = { NULL };
    built b;
    aw_content_error error;

    CHECK(build(&b, twice, 2, "1. older\n", &error) == AW_ERR_CONTENT);
    CHECK_STR(error.path, "older.md");
    CHECK(error.line == 3);
    CHECK_STR(error.message, "slug 'older' is already used by older.md:3");
    built_free(&b);

    CHECK(build(&b, all, 3, "1. missing\n", &error) == AW_ERR_CONTENT);
    CHECK_STR(error.path, "trending.md");
    CHECK(error.line == 1);
    CHECK_STR(error.message, "no article in the folder has the slug 'missing'");
    CHECK(b.edition.len == 0);
    built_free(&b);

    /* A malformed list is reported after a malformed article. */
    CHECK(build(&b, twice, 2, "not a list\n", &error) == AW_ERR_CONTENT);
    CHECK_STR(error.message, "slug 'older' is already used by older.md:3");
    built_free(&b);
    CHECK(build(&b, all, 3, "not a list\n", &error) == AW_ERR_CONTENT);
    CHECK(error.line == 1);
    CHECK_HAS(error.message, "expected a list item");
    built_free(&b);

    CHECK(build(&b, none, 0, trending_md, &error) == AW_ERR_CONTENT);
    CHECK_STR(error.message, "there are no articles");
    built_free(&b);
}

/* The limits a reader checks before reading (aw-embed, the package's
 * command), and the packer again: the number of articles, each file's size,
 * all of them together, in the order they are packed. */
static void test_limits(void)
{
    aw_content_file t = file("trending.md", trending_md);
    aw_content_packer *packer = aw_content_packer_new(&t);
    aw_content_file big = file("big.md", older);
    aw_content_error error;
    aw_buffer out, line;
    aw_span slug;
    size_t total = 0;

    aw_buffer_init(&out);
    aw_buffer_init(&line);
    CHECK(aw_content_check_count(AW_CONTENT_MAX_ARTICLES, "t.md", &error) == AW_OK);
    CHECK(aw_content_check_count(AW_CONTENT_MAX_ARTICLES + 1, "t.md", &error) == AW_ERR_CONTENT);
    CHECK_STR(error.path, "t.md");
    CHECK(error.line == 1);
    CHECK_STR(error.message, "100001 articles, more than the 100000 a build may have");

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
              "the content files come to 1073741825 bytes with this one, more than the 1073741824 (1024 MiB) a "
              "build may have");

    /* As printed: no line for a whole file; the file name printable. */
    error.path = "bad\x1B[2K.md";
    CHECK(aw_content_error_append(&line, &error) == 0);
    aw_buffer_terminate(&line);
    CHECK_HAS(line.data, "bad\\x1B[2K.md: the content files come to ");
    aw_buffer_clear(&line);
    error.line = 7;
    aw_content_error_append(&line, &error);
    aw_buffer_terminate(&line);
    CHECK_HAS(line.data, "bad\\x1B[2K.md:7: the content files");

    /* The packer checks the same, before it parses anything. */
    big.size = AW_CONTENT_MAX_FILE_SIZE + 1;
    CHECK(aw_content_packer_add(packer, &big, &out, &slug, &error) == AW_ERR_CONTENT);
    CHECK_STR(error.path, "big.md");
    CHECK(error.line == 0 && out.len == 0);
    aw_content_packer_free(packer);
    aw_buffer_free(&line);
    aw_buffer_free(&out);
}

/* ===== The reader's refusals ===== */

/* `payload` framed as `magic` (the checksum right): a well-framed file
 * whose contents break a rule. */
static void frame(aw_buffer *out, const char *magic, const char *payload, size_t size)
{
    size_t mark;

    aw_buffer_clear(out);
    mark = aw_content_frame_begin(out);
    aw_buffer_append(out, payload, size);
    aw_content_frame_end(out, mark, magic);
}

static int load_edition(const char *data, size_t size, const char *expected_message)
{
    aw_catalog catalog;
    aw_buffer message;
    char *copy = malloc(size ? size : 1); /* exactly `size` bytes: ASan sees a read past the end */
    int status;

    memcpy(copy, data, size);
    aw_catalog_init(&catalog);
    aw_buffer_init(&message);
    status = aw_catalog_load_edition(&catalog, copy, size, &message);
    if (status != AW_OK) {
        CHECK(catalog.count == 0 && catalog.articles == NULL);
        aw_buffer_terminate(&message);
        if (expected_message != NULL)
            CHECK_STR(message.data, expected_message);
    }
    aw_catalog_free(&catalog);
    aw_buffer_free(&message);
    free(copy);
    return status;
}

static int add_article(const char *data, size_t size, const char *slug, const char *expected_message)
{
    aw_catalog catalog;
    aw_buffer message;
    char *copy = malloc(size ? size : 1);
    int status;

    memcpy(copy, data, size);
    aw_catalog_init(&catalog);
    aw_buffer_init(&message);
    status = aw_catalog_add_article(&catalog, copy, size, slug, strlen(slug), &message);
    CHECK((status == AW_OK) == (catalog.count == 1));
    if (status != AW_OK && expected_message != NULL) {
        aw_buffer_terminate(&message);
        CHECK_STR(message.data, expected_message);
    }
    aw_catalog_free(&catalog);
    aw_buffer_free(&message);
    free(copy);
    return status;
}

/* Every truncation, trailing byte, flipped bit and wrong header is
 * refused without reading past the end (ASan checks the reads). */
static void test_damaged_files_are_refused(void)
{
    built b;
    aw_content_error error;
    aw_buffer copy;
    size_t cut, i;

    aw_buffer_init(&copy);
    CHECK(build(&b, all, 3, trending_md, &error) == AW_OK);
    CHECK(load_edition(b.edition.data, b.edition.len, NULL) == AW_OK);
    CHECK(add_article(b.archive[0].data, b.archive[0].len, "older", NULL) == AW_OK);
    for (cut = 0; cut < b.edition.len; cut++)
        CHECK(load_edition(b.edition.data, cut, NULL) == AW_ERR_CONTENT);
    for (cut = 0; cut < b.archive[0].len; cut++)
        CHECK(add_article(b.archive[0].data, cut, "older", NULL) == AW_ERR_CONTENT);
    CHECK(load_edition(b.edition.data, 10, "the edition is truncated or damaged: 10 bytes, not 16") == AW_ERR_CONTENT);
    snprintf(b.path[0], sizeof(b.path[0]), "the article file is truncated or damaged: %zu bytes, not %zu",
             b.archive[0].len - 1, b.archive[0].len);
    CHECK(add_article(b.archive[0].data, b.archive[0].len - 1, "older", b.path[0]) == AW_ERR_CONTENT);

    /* A byte more, and every single bit flipped after the magic. */
    aw_buffer_append(&copy, b.edition.data, b.edition.len);
    aw_buffer_append_char(&copy, 'x');
    snprintf(b.path[0], sizeof(b.path[0]), "the edition is truncated or damaged: %zu bytes, not %zu", copy.len,
             b.edition.len);
    CHECK(load_edition(copy.data, copy.len, b.path[0]) == AW_ERR_CONTENT);
    for (i = 4; i < b.edition.len; i++) {
        int bit;
        for (bit = 0; bit < 8; bit++) {
            memcpy(copy.data, b.edition.data, b.edition.len);
            copy.data[i] = (char)(copy.data[i] ^ (1 << bit));
            CHECK(load_edition(copy.data, b.edition.len, NULL) == AW_ERR_CONTENT);
        }
    }
    memcpy(copy.data, b.edition.data, b.edition.len);
    copy.data[30] ^= 1;
    CHECK(load_edition(copy.data, b.edition.len, "the edition fails its checksum: damaged or altered") == AW_ERR_CONTENT);

    /* Another kind of file, another format version, not ours at all. */
    CHECK(load_edition(b.archive[0].data, b.archive[0].len, "the edition is not one (it does not start with AWE)")
          == AW_ERR_CONTENT);
    CHECK(add_article(b.edition.data, b.edition.len, "older", "the article file is not one (it does not start with AWA)")
          == AW_ERR_CONTENT);
    memcpy(copy.data, b.edition.data, b.edition.len);
    copy.data[3] = '2';
    CHECK(load_edition(copy.data, b.edition.len, "the edition is of format 2; this renderer reads 1") == AW_ERR_CONTENT);
    CHECK(load_edition("<!doctype html>\n<p>Not found</p>", 32, "the edition is not one (it does not start with AWE)")
          == AW_ERR_CONTENT);
    aw_buffer_free(&copy);
    built_free(&b);
}

/* Files whose frame is right (a build of ours could not write them, a
 * hand could): their contents break a rule the renderer relies on. */
static void test_malformed_contents_are_refused(void)
{
    static const char record[] = "\0\0\0\0" "older\0T\0" "2020-01-01\0\0\0Body\0";
    aw_buffer f, payload;
    built b;
    aw_content_error error;
    int i;

    aw_buffer_init(&f);
    aw_buffer_init(&payload);
    frame(&f, AW_ARCHIVE_MAGIC, record, sizeof(record) - 1);
    CHECK(add_article(f.data, f.len, "older", NULL) == AW_OK);
    /* The file for one article served for another: a swap, a stale copy. */
    CHECK(add_article(f.data, f.len, "newer", "the article file for 'newer' holds the article 'older'")
          == AW_ERR_CONTENT);
    /* One field missing, a byte after the record. */
    frame(&f, AW_ARCHIVE_MAGIC, record, sizeof(record) - 2);
    CHECK(add_article(f.data, f.len, "older", "the article file is malformed") == AW_ERR_CONTENT);
    aw_buffer_append(&payload, record, sizeof(record) - 1);
    aw_buffer_append_char(&payload, 'x');
    frame(&f, AW_ARCHIVE_MAGIC, payload.data, payload.len);
    CHECK(add_article(f.data, f.len, "older", NULL) == AW_ERR_CONTENT);

    /* A slug unsafe in an attribute or against slug.h's rule; ill-formed UTF-8. */
    for (i = 0; i < 4; i++) {
        static const char *const bad[] = { "old\"er", "-older", "Older", "caf\xC3" };
        aw_buffer_clear(&payload);
        aw_buffer_append(&payload, "\0\0\0\0", 4);
        aw_buffer_append(&payload, i < 3 ? bad[i] : "older", strlen(i < 3 ? bad[i] : "older") + 1);
        aw_buffer_append(&payload, i < 3 ? "T" : bad[i], strlen(i < 3 ? "T" : bad[i]) + 1);
        aw_buffer_append(&payload, "2020-01-01\0\0\0Body", 18);
        frame(&f, AW_ARCHIVE_MAGIC, payload.data, payload.len);
        CHECK(add_article(f.data, f.len, i < 3 ? bad[i] : "older", NULL) != AW_OK);
    }
    /* More topics than the reader takes. */
    aw_buffer_clear(&payload);
    aw_buffer_append(&payload, "\x11\0\0\0", 4);
    aw_buffer_append(&payload, record + 4, sizeof(record) - 5);
    frame(&f, AW_ARCHIVE_MAGIC, payload.data, payload.len);
    CHECK(add_article(f.data, f.len, "older", "the article file is malformed") == AW_ERR_CONTENT);

    /* Editions: an archive folder that leaves the edition's, no trending
     * article or more than the bound, one slug twice. */
    CHECK(build(&b, all, 3, trending_md, &error) == AW_OK);
    for (i = 0; i < 5; i++) {
        static const char *const folders[] = { "../", "/articles/", "articles", "https://cdn.example/", "a//" };
        aw_buffer_clear(&payload);
        aw_buffer_append(&payload, folders[i], strlen(folders[i]) + 1);
        aw_buffer_append(&payload, b.edition.data + 16 + sizeof(AW_ARCHIVE_FOLDER),
                         b.edition.len - 16 - sizeof(AW_ARCHIVE_FOLDER));
        frame(&f, AW_EDITION_MAGIC, payload.data, payload.len);
        CHECK(load_edition(f.data, f.len, "the edition is malformed") == AW_ERR_CONTENT);
    }
    aw_buffer_clear(&payload);
    aw_buffer_append(&payload, "x/y-z_1/\0\1\0\0\0", 13);
    aw_buffer_append(&payload, record, sizeof(record) - 1);
    frame(&f, AW_EDITION_MAGIC, payload.data, payload.len);
    CHECK(load_edition(f.data, f.len, NULL) == AW_OK);
    payload.data[9] = 0;
    frame(&f, AW_EDITION_MAGIC, payload.data, payload.len);
    CHECK(load_edition(f.data, f.len, "the edition is malformed") == AW_ERR_CONTENT);
    payload.data[9] = AW_MAX_TRENDING + 1;
    frame(&f, AW_EDITION_MAGIC, payload.data, payload.len);
    CHECK(load_edition(f.data, f.len, "the edition is malformed") == AW_ERR_CONTENT);
    payload.data[9] = 2;
    aw_buffer_append(&payload, record, sizeof(record) - 1);
    frame(&f, AW_EDITION_MAGIC, payload.data, payload.len);
    CHECK(load_edition(f.data, f.len, "the edition is malformed") == AW_ERR_CONTENT);
    built_free(&b);
    aw_buffer_free(&f);
    aw_buffer_free(&payload);
}

TEST_MAIN(test_pack_then_read, test_each_file_depends_on_its_own_content, test_pack_errors, test_limits,
          test_damaged_files_are_refused, test_malformed_contents_are_refused)
