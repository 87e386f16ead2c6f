/* Unique, readable ids for headings ("Back to top" and in-article links
 * need them): "Mali's crisis, explained" becomes "malis-crisis-explained",
 * a second one "malis-crisis-explained-1". */
#ifndef AW_HEADING_IDS_H
#define AW_HEADING_IDS_H

#include "buffer.h"

typedef struct aw_heading_ids {
    aw_buffer names;   /* every id handed out, each NUL-terminated */
    size_t *slots;     /* open-addressing table of offsets+1 into names */
    unsigned *next;    /* per slot: next suffix to try for that base */
    size_t slot_count; /* a power of two, or 0 */
    size_t used;
} aw_heading_ids;

void aw_heading_ids_init(aw_heading_ids *ids);

/* Releases everything the set owns. */
void aw_heading_ids_free(aw_heading_ids *ids);

/* Marks `id` as taken (ids the surrounding markup already uses).
 * Returns 0, or -1 when out of memory. */
int aw_heading_ids_reserve(aw_heading_ids *ids, const char *id);

/* The longest id prefix accepted. */
#define AW_ID_PREFIX_MAX 32

/* Whether `prefix` may start every id: at most AW_ID_PREFIX_MAX ASCII
 * letters, digits, '-' and '_' (nothing to escape in an attribute, nothing
 * a CSS selector or a URL fragment must encode). NULL and "" are valid. */
int aw_heading_ids_prefix_valid(const char *prefix);

/* Appends to `out` a new id: `prefix` (NULL for none; see above) and a
 * slug of the heading's plain text (valid UTF-8). The slug: ASCII letters
 * lowercased, ASCII digits kept, runs of separators made one '-' (spaces,
 * '-', '_', Unicode space and line/paragraph separators, dashes U+2010 to
 * U+2015), other ASCII punctuation and controls dropped, and so are
 * invisible characters (Unicode format characters: bidi controls,
 * zero-width characters, the soft hyphen; C1 controls) and the rest of
 * General Punctuation (quotes, bullets, ellipsis); every other non-ASCII
 * character is kept as written (no case folding: "É" stays "É"). "section"
 * when nothing is left; "-1", "-2", ... when the whole id is already
 * taken. Runs in time linear in `size`, however many headings repeat.
 * Returns 0 or -1. */
int aw_heading_ids_make(aw_heading_ids *ids, const char *prefix, const char *text, size_t size, aw_buffer *out);

#endif
