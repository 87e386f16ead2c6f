/* mkdtemp, mkfifo, symlink: POSIX.1-2008 (the build is strict C11). */
#define _POSIX_C_SOURCE 200809L

#include "read_file.h"
#include "test.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* A stream holding `text`, positioned at its start. */
static FILE *stream_of(const char *text)
{
    FILE *f = tmpfile();

    if (f != NULL) {
        fputs(text, f);
        rewind(f);
    }
    return f;
}

static void test_reads_a_stream_whole_or_in_records(void)
{
    FILE *f = stream_of("3\nabc5\nhello");
    aw_buffer buf;

    CHECK(f != NULL);
    if (f == NULL)
        return;
    aw_buffer_init(&buf);
    CHECK(aw_read_stream(f, 2, &buf) == 0 && buf.len == 2 && memcmp(buf.data, "3\n", 2) == 0);
    CHECK(aw_read_stream(f, 3, &buf) == 0 && buf.len == 5 && memcmp(buf.data + 2, "abc", 3) == 0);
    CHECK(aw_read_stream(f, AW_READ_ALL, &buf) == 0 && buf.len == 12 && memcmp(buf.data + 5, "5\nhello", 7) == 0);
    CHECK(aw_read_stream(f, AW_READ_ALL, &buf) == 0 && buf.len == 12); /* at the end: nothing more, no error */
    fclose(f);
    aw_buffer_free(&buf);
}

static void test_a_short_stream_is_an_error(void)
{
    FILE *f = stream_of("abc");
    aw_buffer buf;

    CHECK(f != NULL);
    if (f == NULL)
        return;
    aw_buffer_init(&buf);
    CHECK(aw_read_stream(f, 10, &buf) == -1);
    CHECK(buf.len == 3 && !buf.failed); /* what was there is kept */
    fclose(f);
    aw_buffer_free(&buf);
}

static void test_reads_a_file(void)
{
    aw_buffer buf;

    aw_buffer_init(&buf);
    CHECK(aw_read_file(AW_TEST_CONTENT "/good/one.md", &buf) == 0);
    CHECK(buf.len > 4 && memcmp(buf.data, "---\n", 4) == 0);
    aw_buffer_clear(&buf);
    errno = 0;
    CHECK(aw_read_file(AW_TEST_CONTENT "/no-such-file.md", &buf) == -1);
    CHECK(errno == ENOENT && buf.len == 0 && !buf.failed);
    aw_buffer_free(&buf);
}

static char scratch[] = "/tmp/aw-read-file-XXXXXX";

static const char *in_scratch(const char *name)
{
    static char path[128];

    snprintf(path, sizeof(path), "%s/%s", scratch, name);
    return path;
}

/* What the review put in a content folder: a link out of it, a FIFO, a
 * folder, a device. Each is named, none is followed or waited on. */
static void test_reads_only_regular_files(void)
{
    static const struct { const char *name; aw_file_kind kind; } others[] = {
        { "link.md", AW_FILE_LINK }, { "fifo.md", AW_FILE_FIFO }, { "folder.md", AW_FILE_FOLDER },
    };
    aw_file_info info;
    aw_buffer buf;
    FILE *f;
    size_t i;

    CHECK(mkdtemp(scratch) != NULL);
    f = fopen(in_scratch("a.md"), "wb");
    CHECK(f != NULL);
    if (f == NULL)
        return;
    fputs("hello", f);
    fclose(f);
    CHECK(symlink("a.md", in_scratch("link.md")) == 0);
    CHECK(mkfifo(in_scratch("fifo.md"), 0600) == 0);
    CHECK(mkdir(in_scratch("folder.md"), 0700) == 0);

    aw_buffer_init(&buf);
    CHECK(aw_read_regular_file(in_scratch("a.md"), 100, &buf, &info) == 0);
    CHECK(buf.len == 5 && memcmp(buf.data, "hello", 5) == 0);
    CHECK(info.kind == AW_FILE_REGULAR && info.size == 5);
    CHECK(aw_file_probe(in_scratch("a.md"), &info) == 0 && info.kind == AW_FILE_REGULAR && info.size == 5);
    for (i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
        aw_buffer_clear(&buf);
        CHECK(aw_file_probe(in_scratch(others[i].name), &info) == 0 && info.kind == others[i].kind);
        CHECK(aw_read_regular_file(in_scratch(others[i].name), 100, &buf, &info) == AW_READ_NOT_REGULAR);
        CHECK(info.kind == others[i].kind && buf.len == 0);
    }
    CHECK(aw_read_regular_file("/dev/zero", 100, &buf, &info) == AW_READ_NOT_REGULAR);
    CHECK(info.kind == AW_FILE_DEVICE && buf.len == 0);
    CHECK_STR(aw_file_kind_name(AW_FILE_FIFO), "a FIFO");
    CHECK_STR(aw_file_kind_name(AW_FILE_LINK), "a symbolic link");

    errno = 0;
    CHECK(aw_read_regular_file(in_scratch("none.md"), 100, &buf, &info) == -1 && errno == ENOENT);
    CHECK(aw_file_probe(in_scratch("none.md"), &info) == -1 && errno == ENOENT);
    aw_buffer_free(&buf);
    for (i = 0; i < sizeof(others) / sizeof(others[0]); i++)
        others[i].kind == AW_FILE_FOLDER ? rmdir(in_scratch(others[i].name)) : unlink(in_scratch(others[i].name));
}

/* The limit holds before reading (the size the descriptor reports) and
 * while reading (a file that says 0 bytes and goes on, as /proc's do). */
static void test_reads_at_most_the_limit(void)
{
    aw_file_info info;
    aw_buffer buf;

    aw_buffer_init(&buf);
    CHECK(aw_read_regular_file(in_scratch("a.md"), 4, &buf, &info) == AW_READ_TOO_LARGE);
    CHECK(info.size == 5 && buf.len == 0);
    CHECK(aw_read_regular_file(in_scratch("a.md"), 5, &buf, &info) == 0 && buf.len == 5);
    aw_buffer_clear(&buf);
    if (aw_file_probe("/proc/self/status", &info) == 0 && info.size == 0) {
        CHECK(aw_read_regular_file("/proc/self/status", 10, &buf, &info) == AW_READ_TOO_LARGE);
        CHECK(info.size == 11 && buf.len == 11);
    }
    aw_buffer_free(&buf);
    unlink(in_scratch("a.md"));
    rmdir(scratch);
}

TEST_MAIN(test_reads_a_stream_whole_or_in_records, test_a_short_stream_is_an_error, test_reads_a_file,
          test_reads_only_regular_files, test_reads_at_most_the_limit)
