/* The benchmark's ceiling: our renderer built natively, rendering each
 * input file into one reused buffer, as the wasm module does.
 *
 *   aw-bench-native ROUNDS FILE...
 *
 * For each file prints one line "FILE BYTES MBPS_MEDIAN MBPS_MIN MBPS_MAX":
 * each round renders the file repeatedly for at least 0.2 s of CPU time;
 * MB/s is 10^6 input bytes per CPU second. Not a test: tests/bench/bench.mjs runs it. */
#define _POSIX_C_SOURCE 200809L
#include "buffer.h"
#include "markdown_html.h"
#include "read_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_ROUNDS 64

/* CPU time, as the JS side measures: on a shared machine it varies far
 * less than wall time. */
static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Renders `md` for one round; returns MB/s, or a negative value on error. */
static double round_mbps(aw_buffer *html, const aw_buffer *md)
{
    double start = now_seconds(), elapsed;
    long iterations = 0;

    do {
        aw_buffer_clear(html);
        if (aw_markdown_to_html(html, md->data, md->len, NULL) != 0)
            return -1.0;
        iterations++;
        elapsed = now_seconds() - start;
    } while (elapsed < 0.2);
    return (double)md->len * (double)iterations / elapsed / 1e6;
}

int main(int argc, char **argv)
{
    aw_buffer md, html;
    double mbps[MAX_ROUNDS];
    int rounds, i, r;

    if (argc < 3 || (rounds = atoi(argv[1])) < 1 || rounds > MAX_ROUNDS) {
        fprintf(stderr, "usage: aw-bench-native ROUNDS(1-%d) FILE...\n", MAX_ROUNDS);
        return 2;
    }
    aw_buffer_init(&html);
    for (i = 2; i < argc; i++) {
        aw_buffer_init(&md);
        if (aw_read_file(argv[i], &md) != 0) {
            fprintf(stderr, "aw-bench-native: cannot read %s\n", argv[i]);
            return 1;
        }
        round_mbps(&html, &md); /* warm-up */
        for (r = 0; r < rounds; r++) {
            mbps[r] = round_mbps(&html, &md);
            if (mbps[r] < 0) {
                fprintf(stderr, "aw-bench-native: %s does not render\n", argv[i]);
                return 1;
            }
        }
        qsort(mbps, (size_t)rounds, sizeof(mbps[0]), compare_double);
        printf("%s %zu %.2f %.2f %.2f\n", argv[i], md.len, mbps[rounds / 2], mbps[0], mbps[rounds - 1]);
        aw_buffer_free(&md);
    }
    aw_buffer_free(&html);
    return 0;
}
