/* A minimal unit-test harness: CHECK macros that report file:line and keep
 * going, and a main() that runs the listed tests and prints a summary.
 *
 *     static void test_something(void) { CHECK(1 + 1 == 2); }
 *     TEST_MAIN(test_something, test_other)
 */
#ifndef AW_TEST_H
#define AW_TEST_H

#include <stdio.h>
#include <string.h>

static int test_checks_failed;
static int test_current_failed;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            test_checks_failed++;                                                \
            test_current_failed = 1;                                             \
        }                                                                        \
    } while (0)

/* Compares two C strings and prints both when they differ. */
#define CHECK_STR(actual, expected)                                              \
    do {                                                                         \
        const char *a_ = (actual), *e_ = (expected);                             \
        if (a_ == NULL || strcmp(a_, e_) != 0) {                                 \
            fprintf(stderr, "%s:%d: CHECK_STR failed\n  actual:   \"%s\"\n  expected: \"%s\"\n", \
                    __FILE__, __LINE__, a_ ? a_ : "(null)", e_);                 \
            test_checks_failed++;                                                \
            test_current_failed = 1;                                             \
        }                                                                        \
    } while (0)

/* Checks that `needle` occurs in `haystack` (or, for CHECK_LACKS, not). */
#define CHECK_HAS(haystack, needle) CHECK_FIND_((haystack), (needle), 1)
#define CHECK_LACKS(haystack, needle) CHECK_FIND_((haystack), (needle), 0)
#define CHECK_FIND_(haystack, needle, want)                                      \
    do {                                                                         \
        const char *h_ = (haystack), *n_ = (needle);                             \
        if ((h_ != NULL && strstr(h_, n_) != NULL) != (want)) {                  \
            fprintf(stderr, "%s:%d: expected %s\"%s\" in:\n%s\n", __FILE__, __LINE__, \
                    (want) ? "" : "no ", n_, h_ ? h_ : "(null)");                \
            test_checks_failed++;                                                \
            test_current_failed = 1;                                             \
        }                                                                        \
    } while (0)

typedef void (*test_fn)(void);

static int test_run(const test_fn *tests, int count)
{
    int passed = 0, failed = 0, i;

    for (i = 0; i < count; i++) {
        test_current_failed = 0;
        tests[i]();
        if (test_current_failed)
            failed++;
        else
            passed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

#define TEST_MAIN(...)                                                           \
    int main(void)                                                               \
    {                                                                            \
        static const test_fn tests[] = { __VA_ARGS__ };                          \
        return test_run(tests, (int)(sizeof(tests) / sizeof(tests[0]))); \
    }

#endif
