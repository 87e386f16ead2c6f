/* aw-render-batch [--time]: renders many Markdown documents in one process,
 * for the conformance runner and the pathological benchmark
 * (tests/conformance/).
 *
 * stdin:  records "<byte count>\n<bytes>", one per document
 * stdout: records "<status> <byte count>\n<bytes>": aw_markdown_to_html()'s
 *         status (errors.h) and its HTML, exactly as render() returns it;
 *         with --time only a header per document, which also holds the
 *         CPU time the render took, in nanoseconds (CPU time, so other load
 *         on the machine does not count): "<status> <byte count> <ns>\n"
 * Exit status: 0 when every record was read and written, 1 otherwise. */
#include "buffer.h"
#include "markdown_html.h"
#include "read_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Reads "<count>\n"; returns 1 with *count set, 0 at a clean end, -1 on
 * a malformed header. */
static int read_header(FILE *in, size_t *count)
{
    int ch = getc(in);
    size_t value = 0;

    if (ch == EOF)
        return 0;
    for (; ch != '\n'; ch = getc(in)) {
        if (ch < '0' || ch > '9' || value > ((size_t)-1) / 10 - 10)
            return -1;
        value = value * 10 + (size_t)(ch - '0');
    }
    *count = value;
    return 1;
}

static long long cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
    aw_buffer markdown, html;
    size_t count;
    int more, failed = 0;
    int timed = argc > 1 && strcmp(argv[1], "--time") == 0;

    aw_buffer_init(&markdown);
    aw_buffer_init(&html);
    while (!failed && (more = read_header(stdin, &count)) != 0) {
        int status;
        long long started, elapsed;
        if (more < 0 || aw_read_stream(stdin, count, &markdown) != 0) {
            failed = 1;
            break;
        }
        aw_buffer_clear(&html);
        started = cpu_ns();
        status = aw_markdown_to_html(&html, markdown.data, markdown.len, NULL);
        elapsed = cpu_ns() - started;
        if (status != 0)
            aw_buffer_truncate(&html, 0);
        if (timed)
            printf("%d %zu %lld\n", status, html.len, elapsed);
        else
            printf("%d %zu\n", status, html.len);
        if (!timed && html.len > 0 && fwrite(html.data, 1, html.len, stdout) != html.len)
            failed = 1;
        aw_buffer_clear(&markdown);
    }
    if (fflush(stdout) != 0)
        failed = 1;
    aw_buffer_free(&markdown);
    aw_buffer_free(&html);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
