/* content/trending.md: the order of the "Trending Topics" list.
 *
 *     # Trending Topics
 *
 *     1. china-offers-military-aid-to-mali
 *     2. embedding-the-widget
 *
 * Headings, blank lines and <!-- comments --> on a line of their own are
 * ignored; every other line is a list item ("1." or "-") naming one slug.
 * A byte-order mark may start the file, as it may start an article; one
 * anywhere else is an error that names it (it is invisible in an editor).
 * At most AW_MAX_TRENDING items (content_blob.h): the edition carries each
 * of them in full, and a page loads the edition before its first article. */
#ifndef AW_TRENDING_LIST_H
#define AW_TRENDING_LIST_H

#include "content_blob.h"
#include "front_matter.h"

typedef struct aw_trending_list {
    aw_span slugs[AW_MAX_TRENDING];
    unsigned lines[AW_MAX_TRENDING]; /* where each slug was named */
    size_t count;
} aw_trending_list;

/* Parses the list. Returns 0, or -1 with `error` set (a line that is not a
 * list item, a malformed or repeated slug, an empty list, or one more item
 * than AW_MAX_TRENDING, named at its line).
 * Whether each slug names an article is the caller's check. */
int aw_trending_parse(const char *text, size_t size, aw_trending_list *out, aw_parse_error *error);

#endif
