/* The front matter at the top of every article file in content/:
 *
 *     ---
 *     title: China Offers Military Aid To Mali
 *     slug: china-offers-military-aid-to-mali
 *     date: 2012-09-26
 *     source: Wire report
 *     topics: Mali, China, West Africa
 *     summary: One sentence for lists and previews.
 *     ---
 *
 * One `key: value` per line; a value may be wrapped in double quotes;
 * `topics` is a comma-separated list, optionally in [brackets]. title, slug
 * and date are required. Used by the content embedder at build time (where
 * an error stops the build as file:line: message) and by the CLI. */
#ifndef AW_FRONT_MATTER_H
#define AW_FRONT_MATTER_H

#include <stddef.h>

#include "format.h"

#define AW_MAX_TOPICS 16

typedef struct aw_span {
    const char *data; /* points into the parsed text; not NUL-terminated */
    size_t size;
} aw_span;

typedef struct aw_front_matter {
    aw_span title, slug, date, source, summary;
    aw_span topics[AW_MAX_TOPICS];
    size_t topic_count;
    aw_span body;        /* the Markdown after the closing '---' */
    unsigned body_line;  /* the line number the body starts on */
} aw_front_matter;

typedef struct aw_parse_error {
    unsigned line;       /* 1-based */
    char message[200];
} aw_parse_error;

/* Fills `error` with `line` and the formatted message, made printable and
 * cut to fit (printable.h: it quotes content, and goes to a terminal), and
 * returns -1, so a parser can `return aw_parse_fail(...)`. Shared by the
 * front-matter and trending-list parsers. */
int aw_parse_fail(aw_parse_error *error, unsigned line, const char *fmt, ...) AW_PRINTF(3, 4);

/* The 1-based line number of byte `offset` of `text` (for error messages). */
unsigned aw_line_of(const char *text, size_t offset);

/* Parses the front matter of `text`. Returns 0 and fills `out`, or -1 and
 * fills `error` with the line and a message naming what is wrong. */
int aw_front_matter_parse(const char *text, size_t size, aw_front_matter *out, aw_parse_error *error);

#endif
