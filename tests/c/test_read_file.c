#include "read_file.h"
#include "test.h"

#include <errno.h>

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

TEST_MAIN(test_reads_a_stream_whole_or_in_records, test_a_short_stream_is_an_error, test_reads_a_file)
